"""Render a module notebook as widgets inside the classroom page, in the same kernel.

Markdown cells become HTML (one language: untagged cells are Indonesian, cells tagged
``lang-en`` English); code cells run in a fresh namespace per module and their last
expression is shown. A failing cell shows a friendly message and logs the error in full.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import html
import io
import json
import logging
from pathlib import Path
from typing import Any

import ipywidgets as w
import mistune

from toolkit.app import ui
from toolkit.i18n import t

log = logging.getLogger("pangan")

_markdown = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])


@functools.lru_cache(maxsize=2048)
def markdown_html(source: str) -> str:
    """A markdown cell's HTML. Kept by its text: every trainee's kernel shows the same
    cells, and the fork server converts them all before the room arrives
    (``warm_markdown``), so a kernel opening a module parses no markdown. An edited cell is
    new text, so it is converted anew."""
    return _markdown(source)


def warm_markdown(folder: Path | None = None) -> int:
    """Convert every module notebook's markdown cells (both languages); return how many.

    Called in the fork server (which logs a failure and goes on). Only module notebooks are
    read: ``discover`` has already left out any that cannot be parsed."""
    from toolkit.app.catalogue import discover

    done = 0
    for module in discover(folder):
        nb = json.loads(module.path.read_text(encoding="utf-8"))
        for cell in nb.get("cells", []):
            src = _source(cell)
            if cell.get("cell_type") == "markdown" and src.strip():
                markdown_html(src)
                done += 1
    return done


def cell_lang(cell: dict[str, Any]) -> str | None:
    """``"en"`` for a cell tagged ``lang-en``, ``"id"`` for other markdown, None for code."""
    if cell.get("cell_type") != "markdown":
        return None
    tags = cell.get("metadata", {}).get("tags", []) or []
    return "en" if "lang-en" in tags else "id"


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def run_code(source: str, namespace: dict[str, Any], name: str) -> list[Any]:
    """Run one code cell; return what it shows (printed text, then the last expression)."""
    tree = ast.parse(source, filename=name)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    shown: list[Any] = []
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(tree, name, "exec"), namespace)  # noqa: S102 - our own notebook files
        value = eval(compile(last, name, "eval"), namespace) if last is not None else None  # noqa: S307
    if buf.getvalue():
        shown.append(buf.getvalue())
    if value is not None:
        shown.append(value)
    return shown


def as_widget(obj: Any) -> w.Widget:
    """A widget showing ``obj``: widgets as they are, HTML reprs as HTML, text as <pre>."""
    if isinstance(obj, w.Widget):
        return obj
    rich = getattr(obj, "_repr_html_", None)
    if callable(rich):
        return ui.html_block(rich())
    svg = getattr(obj, "_repr_svg_", None)
    if callable(svg):
        return ui.html_block(svg())
    return ui.html_block(f'<pre class="pangan-pre">{html.escape(str(obj))}</pre>')


def render_notebook(path: Path, lang: str) -> list[w.Widget]:
    """All cells of a module notebook as widgets for ``lang``."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": f"pangan_module_{path.stem}"}
    out: list[w.Widget] = []
    for i, cell in enumerate(nb.get("cells", [])):
        kind = cell.get("cell_type")
        src = _source(cell)
        if kind == "markdown":
            if cell_lang(cell) == lang and src.strip():
                out.append(ui.html_block(markdown_html(src), "pangan-md"))
        elif kind == "code" and src.strip():
            try:
                out.extend(as_widget(o) for o in run_code(src, namespace, f"{path.name}[{i}]"))
            except Exception:
                log.exception("module %s: cell %d failed", path.name, i)
                out.append(ui.html_block(ui.message("error", t("common.app.module_error", lang))))
    return out
