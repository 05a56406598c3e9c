"""The ING panel drawn as SVG in the BPOM vertical layout, and its PNG export via Chromium.

Layout (one column, top to bottom): title; serving size and servings per pack; a thick rule;
"JUMLAH PER SAJIAN" with the "% AKG*" heading; energy total (with %AKG) and energy from fat;
fat, saturated fat (indented), protein, carbohydrate, sugar (indented, no %AKG), sodium; a thick
rule; the footnote on the 2150 kcal basis (facts.md §4.2). The output is deterministic text.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
import textwrap
from html import escape
from pathlib import Path

from toolkit.i18n import t
from toolkit.nutrition.data import alg_table
from toolkit.nutrition.errors import NutritionError, nutrient_name
from toolkit.nutrition.format import fmt_amount, unit
from toolkit.nutrition.model import NutritionFacts

WIDTH = 360
PAD = 10
FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
CHROMIUM = "/usr/bin/chromium"
#: Lines below the energy lines: (nutrient, indented?)
BODY_ROWS: tuple[tuple[str, bool], ...] = (
    ("fat_g", False),
    ("saturated_fat_g", True),
    ("protein_g", False),
    ("carbohydrate_g", False),
    ("sugar_g", True),
    ("sodium_mg", False),
)


class _Canvas:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y = PAD

    def text(self, x: float, y: float, s: str, size: int = 12, bold: bool = False,
             anchor: str = "start") -> None:  # fmt: skip
        weight = ' font-weight="bold"' if bold else ""
        end = f' text-anchor="{anchor}"' if anchor != "start" else ""
        self.parts.append(
            f'<text x="{x:g}" y="{y:g}" font-size="{size}"{weight}{end}>{escape(s)}</text>'
        )

    def rule(self, thickness: float) -> None:
        self.y += thickness / 2
        self.parts.append(
            f'<line x1="{PAD}" y1="{self.y:g}" x2="{WIDTH - PAD}" y2="{self.y:g}" '
            f'stroke="#000" stroke-width="{thickness:g}"/>'
        )
        self.y += thickness / 2

    def row(self, left: str, right: str = "", size: int = 12, bold: bool = False,
            indent: int = 0, step: int = 18) -> None:  # fmt: skip
        self.y += step
        self.text(PAD + 4 + indent, self.y - 5, left, size, bold)
        if right:
            self.text(WIDTH - PAD - 4, self.y - 5, right, size, bold, anchor="end")


def _amount(facts: NutritionFacts, key: str, lang: str) -> str:
    return f"{fmt_amount(facts.declared[key], lang)} {unit(key, lang)}"


def panel_svg(facts: NutritionFacts, lang: str = "id", estimate: bool = False) -> str:
    """Draw the ING panel of ``facts`` as a standalone SVG document.

    Args:
        facts: The computed table (``nutrition_facts``).
        lang: ``"id"`` for the label (Indonesian is what the label carries) or ``"en"``.
        estimate: Mark the panel as an estimate from a recipe (not for the final label).

    Returns:
        The SVG text (UTF-8, no external resources).
    """
    c = _Canvas()
    c.row(t("nutrition.panel.title", lang), size=16, bold=True, step=24)
    serving = f"{fmt_amount(facts.serving_size_declared, lang)} g"
    c.row(t("nutrition.panel.serving_size", lang), serving)
    c.row(t("nutrition.panel.servings", lang), facts.servings_text(lang))
    c.y += 4
    c.rule(6)
    c.row(t("nutrition.panel.per_serving", lang), t("nutrition.panel.percent_akg", lang), bold=True)
    c.rule(1)
    pct = facts.percent_akg
    c.row(
        f"{nutrient_name('energy_kcal', lang)}  {_amount(facts, 'energy_kcal', lang)}",
        f"{pct['energy_kcal']} %",
        bold=True,
    )
    c.row(
        f"{nutrient_name('energy_from_fat_kcal', lang)}  "
        f"{_amount(facts, 'energy_from_fat_kcal', lang)}",
        indent=12,
    )
    c.y += 2
    c.rule(1)
    for key, indented in BODY_ROWS:
        percent = "" if pct[key] is None else f"{pct[key]} %"
        c.row(
            f"{nutrient_name(key, lang)}  {_amount(facts, key, lang)}",
            percent,
            bold=not indented,
            indent=12 if indented else 0,
        )
        c.y += 2
        c.rule(0.5)
    c.y += 2
    c.rule(6)
    energy = str(alg_table()["footnote_energy_kcal"])  # the mandated text: "2150 kkal"
    footnote = t("nutrition.panel.footnote", lang, energy=energy)
    for line in textwrap.wrap(footnote, width=56):
        c.row(line, size=10, step=14)
    if estimate:
        c.y += 4
        c.row(t("nutrition.panel.estimate_mark", lang), size=11, bold=True, step=16)
    height = int(c.y + PAD)
    body = "\n".join(c.parts)
    title = escape(t("nutrition.panel.title", lang))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" role="img">\n'
        f"<title>{title}</title>\n"
        f'<rect x="1" y="1" width="{WIDTH - 2}" height="{height - 2}" fill="#fff" '
        f'stroke="#000" stroke-width="2"/>\n{body}\n</svg>\n'
    )


def svg_size(svg: str) -> tuple[int, int]:
    """The ``(width, height)`` in pixels written in a panel SVG."""
    import re

    width = re.search(r'width="(\d+)"', svg)
    height = re.search(r'height="(\d+)"', svg)
    return int(width.group(1)), int(height.group(1))  # type: ignore[union-attr]


def data_uri(data: str | bytes, mime: str = "image/svg+xml") -> str:
    """A ``data:`` URI for a download link (works offline, no server route needed)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"


def svg_to_png(svg: str, scale: int = 2, chromium: str = CHROMIUM, timeout: float = 60) -> bytes:
    """Render a panel SVG to PNG with headless Chromium (``--screenshot``).

    Args:
        svg: The panel SVG (``panel_svg``).
        scale: Device pixel ratio; 2 gives a crisp image for print layouts.
        chromium: The Chromium executable.
        timeout: Seconds before giving up.

    Returns:
        The PNG bytes.

    Raises:
        NutritionError: When Chromium is missing or fails.
    """
    exe = shutil.which(chromium) or (chromium if Path(chromium).exists() else None)
    if exe is None:
        raise NutritionError("nutrition.error.png_unavailable")
    width, height = svg_size(svg)
    with tempfile.TemporaryDirectory(prefix="pangan-ing-") as tmp:
        page = Path(tmp) / "panel.html"
        out = Path(tmp) / "panel.png"
        page.write_text(
            '<!doctype html><html><head><meta charset="utf-8"><style>'
            "html,body{margin:0;padding:0;background:#fff}svg{display:block}</style></head>"
            f"<body>{svg}</body></html>",
            encoding="utf-8",
        )
        cmd = [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp}/profile",
            f"--force-device-scale-factor={scale}", f"--window-size={width},{height}",
            f"--screenshot={out}", page.as_uri(),
        ]  # fmt: skip
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired):
            raise NutritionError("nutrition.error.png_unavailable") from None
        if not out.exists():
            raise NutritionError("nutrition.error.png_unavailable")
        return out.read_bytes()
