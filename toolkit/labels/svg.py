"""Drawing a ``Label`` as an SVG picture of a pack: the main display panel on top, the
back panel below, warnings in their boxes, and visible pack damage.

The drawing is plain SVG text (no fonts or images from outside), sized for a 360 px phone.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from toolkit.i18n import t
from toolkit.labels.model import Label

WIDTH = 340
PAD = 12
LINE = 1.3
FONT = "DejaVu Sans, Arial, sans-serif"


def _wrap(words: list[tuple[str, bool]], size: float, width: float) -> list[list[tuple[str, bool]]]:
    """Greedy word wrap of (word, bold) pairs for a font size and a line width in px."""
    max_chars = max(8, int(width / (size * 0.56)))
    lines: list[list[tuple[str, bool]]] = [[]]
    count = 0
    for word, bold in words:
        n = len(word) + (1 if lines[-1] else 0)
        if lines[-1] and count + n > max_chars:
            lines.append([])
            count = 0
            n = len(word)
        lines[-1].append((word, bold))
        count += n
    return [ln for ln in lines if ln]


def _words(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(r"\*\*", text or "")):
        out += [(w, i % 2 == 1) for w in part.split()]
    return out


class _Canvas:
    def __init__(self, width: int = WIDTH) -> None:
        self.width = width
        self.y = 0.0
        self.parts: list[str] = []

    def text(
        self,
        text: str,
        size: float = 11,
        bold: bool = False,
        color: str = "#222",
        x: float = PAD,
        width: float | None = None,
        anchor: str = "start",
        cls: str = "",
    ) -> float:
        """Write wrapped text; returns the height used."""
        width = width or (self.width - 2 * PAD)
        start = self.y
        for line in _wrap(
            _words(text) if not bold else [(w, True) for w in text.split()], size, width
        ):
            self.y += size * LINE
            spans = []
            for i, (word, b) in enumerate(line):
                sep = " " if i else ""
                weight = ' font-weight="bold"' if (b or bold) else ""
                spans.append(f"<tspan{weight}>{escape(sep + word)}</tspan>")
            tx = x if anchor == "start" else x + width / 2
            klass = f' class="{cls}"' if cls else ""
            self.parts.append(
                f'<text x="{tx:.0f}" y="{self.y:.1f}" font-size="{size}" fill="{color}" '
                f'text-anchor="{anchor}"{klass}>{"".join(spans)}</text>'
            )
        return self.y - start

    def gap(self, h: float) -> None:
        self.y += h

    def raw(self, svg: str) -> None:
        self.parts.append(svg)


def _halal_badge(c: _Canvas, x: float, y: float) -> None:
    # A generic stand-in for the Label Halal Indonesia (not the official artwork).
    c.raw(
        f'<g class="halal"><rect x="{x}" y="{y}" width="54" height="30" rx="6" fill="#6b2c91"/>'
        f'<text x="{x + 27}" y="{y + 19}" font-size="11" fill="#fff" text-anchor="middle" '
        f'font-weight="bold">HALAL</text></g>'
    )


def _warning_box(c: _Canvas, text: str, red: bool) -> None:
    top = c.y + 4
    c.gap(6)
    inner = _Canvas(c.width)
    inner.y = c.y
    color = "#c00" if red else "#222"
    inner.text(text, size=10, bold=red, color=color, x=PAD + 8, width=c.width - 2 * PAD - 16)
    height = inner.y - top + 6
    stroke = "#c00" if red else "#555"
    c.raw(
        f'<rect x="{PAD}" y="{top:.1f}" width="{c.width - 2 * PAD}" height="{height:.1f}" '
        f'fill="#fff" stroke="{stroke}" stroke-width="{2 if red else 1}"/>'
    )
    if red and "babi" in text.lower():
        # a simple pig pictogram beside the text, as the rule asks for a picture
        px, py = c.width - PAD - 26, top + 4
        c.raw(
            f'<g class="pig" fill="none" stroke="#c00" stroke-width="1.5">'
            f'<ellipse cx="{px + 10}" cy="{py + 10}" rx="9" ry="7"/>'
            f'<circle cx="{px + 19}" cy="{py + 9}" r="3"/></g>'
        )
    c.parts += inner.parts
    c.y = top + height


def _damage(defects: list[str], height: float, width: int) -> list[str]:
    out: list[str] = []
    w = width
    for d in defects:
        if d == "torn":
            out.append(
                f'<path class="damage torn" d="M{w - 70},0 L{w - 60},14 L{w - 48},6 L{w - 40},22 '
                f'L{w - 28},12 L{w - 18},30 L{w},26 L{w},0 Z" fill="#fff" stroke="#555"/>'
            )
        elif d == "holed":
            out.append(
                f'<circle class="damage holed" cx="{w * 0.7:.0f}" cy="{height * 0.35:.0f}" r="7" '
                f'fill="#fff" stroke="#333" stroke-width="2"/>'
            )
        elif d == "dented":
            out.append(
                f'<path class="damage dented" d="M0,{height * 0.45:.0f} Q26,{height * 0.52:.0f} '
                f'0,{height * 0.6:.0f}" fill="#bbb" stroke="#666"/>'
            )
        elif d == "bulging":
            out.append(
                f'<path class="damage bulging" d="M0,0 Q{w / 2},-18 {w},0 M0,{height} '
                f'Q{w / 2},{height + 18} {w},{height}" fill="none" stroke="#333" stroke-width="3"/>'
            )
        elif d == "leaking":
            out.append(
                f'<g class="damage leaking" fill="#7a5a2a" opacity="0.8">'
                f'<circle cx="{w * 0.3:.0f}" cy="{height - 4:.0f}" r="5"/>'
                f'<circle cx="{w * 0.33:.0f}" cy="{height + 8:.0f}" r="3.5"/>'
                f'<circle cx="{w * 0.31:.0f}" cy="{height + 17:.0f}" r="2.5"/></g>'
            )
        elif d == "rusty":
            out.append(
                f'<g class="damage rusty" fill="#a0522d" opacity="0.7">'
                f'<circle cx="20" cy="20" r="8"/><circle cx="{w - 30}" cy="{height - 25:.0f}" r="10"/></g>'
            )
        elif d in ("seal_broken", "tampered"):
            out.append(
                f'<g class="damage seal"><rect x="{w / 2 - 40:.0f}" y="-6" width="80" height="12" '
                f'fill="#e33" opacity="0.8"/><path d="M{w / 2 - 4:.0f},-8 L{w / 2 + 6:.0f},8" '
                f'stroke="#fff" stroke-width="3"/></g>'
            )
    return out


def render_label_svg(
    label: Label,
    lang: str = "id",
    show_damage: bool = True,
    placeholders: dict[str, str] | None = None,
    highlight: set[str] | None = None,
    width: int = WIDTH,
) -> str:
    """Draw ``label`` as SVG text.

    Args:
        label: The label to draw.
        lang: Language of the panel captions.
        show_damage: Draw ``package_defects`` on the pack outline.
        placeholders: Texts to draw (in orange, bracketed) for fields that are empty,
            keyed by field name (the corrected-layout preview uses this).
        highlight: Fields drawn in orange to show they were changed.
        width: Picture width in px.

    Returns:
        An ``<svg>`` element as a string.
    """
    placeholders = placeholders or {}
    highlight = highlight or set()
    main = label.main_panel
    if main is None:
        main = {
            "product_name",
            "net_content",
            "producer",
            "halal_logo",
            "best_before",
            "permit_number",
        }

    def value(field: str) -> str | None:
        v = getattr(label, field)
        if v:
            return str(v)
        if field in placeholders:
            return f"[{placeholders[field]}]"
        return None

    def color(field: str, default: str = "#222") -> str:
        return (
            "#d35400"
            if (field in highlight or (not getattr(label, field) and field in placeholders))
            else default
        )

    c = _Canvas(width)
    # --- main display panel
    c.gap(10)
    c.text(t("labels.svg.main_panel", lang), size=9, color="#777", cls="caption")
    top_main = c.y + 2
    c.gap(4)
    if "halal_logo" in main and label.halal_logo:
        _halal_badge(c, width - PAD - 58, c.y + 4)
    for field, size, bold in (
        ("product_name", 17, True),
        ("claims", 10, False),
        ("net_content", 12, True),
        ("best_before", 11, False),
        ("permit_number", 11, False),
        ("producer", 10, False),
    ):
        if field == "claims":
            if label.claims:
                c.text(" · ".join(label.claims), size=size, color="#2c6e49", cls="claims")
            continue
        if field not in main:
            continue
        v = value(field)
        if v:
            width_text = width - 2 * PAD - (64 if field == "product_name" else 0)
            c.text(v, size=size, bold=bold, color=color(field), width=width_text, cls=field)
            c.gap(2)
    c.gap(6)
    c.raw(
        f'<rect class="main-panel" x="4" y="{top_main:.1f}" width="{width - 8}" '
        f'height="{c.y - top_main:.1f}" fill="none" stroke="#1f77b4" stroke-width="2" '
        f'stroke-dasharray="6 3" rx="6"/>'
    )
    # --- back panel
    c.gap(10)
    c.text(t("labels.svg.back_panel", lang), size=9, color="#777", cls="caption")
    for field in ("product_name", "net_content", "best_before", "permit_number", "producer"):
        if field not in main and value(field):
            c.text(value(field) or "", size=10, color=color(field), cls=field)
    if label.halal_logo and "halal_logo" not in main:
        _halal_badge(c, PAD, c.y + 4)
        c.gap(36)
    ing = value("ingredients")
    if ing:
        c.gap(4)
        c.text(ing, size=10, color=color("ingredients"), cls="ingredients")
    allergen = value("allergen_statement")
    if allergen:
        c.text(allergen, size=10, bold=True, color=color("allergen_statement"), cls="allergen")
    for w in label.warnings or []:
        low = w.lower()
        red = any(k in low for k in ("babi", "asi", "air susu ibu"))
        _warning_box(c, w, red)
    for field in ("production_code", "production_date", "storage"):
        v = value(field)
        if v:
            prefix = t(f"labels.svg.{field}", lang)
            c.text(f"{prefix}{v}", size=9.5, color=color(field, "#444"), cls=field)
    c.gap(12)
    height = c.y
    body = "".join(c.parts)
    damage = (
        "".join(_damage(list(label.package_defects or []), height, width)) if show_damage else ""
    )
    title = escape(label.product_name or t("labels.svg.untitled", lang))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -20 {width + 4} {height + 44:.0f}" '
        f'width="100%" style="max-width:{width + 4}px" role="img" font-family="{FONT}">'
        f"<title>{title}</title>"
        f'<rect x="0" y="0" width="{width}" height="{height:.1f}" rx="10" fill="#fffdf5" '
        f'stroke="#444" stroke-width="1.5"/>{body}{damage}</svg>'
    )
