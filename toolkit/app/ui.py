"""Small phone-first widget builders and the safe-callback wrapper every widget uses.

Voila shows no tracebacks, so a failing callback must say something useful: ``safe`` logs
the full error for the trainer and shows a translated message to the trainee.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w

from toolkit.errors import ToolkitError
from toolkit.i18n import t

log = logging.getLogger("pangan")

FULL = w.Layout(width="100%")


def button(text: str, style: str = "primary") -> w.Button:
    """A full-width button with a large tap target."""
    b = w.Button(
        description=text, button_style=style, layout=w.Layout(width="100%", min_height="44px")
    )
    b.add_class("pangan-button")
    return b


def radio(options: Sequence[tuple[str, int]]) -> w.RadioButtons:
    """Radio answers (better than sliders or dropdowns on phones); no option selected."""
    r = w.RadioButtons(options=list(options), value=None, layout=w.Layout(width="100%"))
    r.add_class("pangan-radio")
    return r


def html_block(content: str = "", css_class: str = "") -> w.HTML:
    """An HTML widget that takes the full width."""
    h = w.HTML(value=content, layout=w.Layout(width="100%"))
    if css_class:
        h.add_class(css_class)
    return h


def message(kind: str, text: str) -> str:
    """A styled message paragraph: ``kind`` is ok, warn, error or info."""
    return f'<div class="pangan-msg pangan-msg-{kind}">{html.escape(text)}</div>'


def safe(
    target: w.HTML, lang: Callable[[], str]
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a widget callback so that errors become a message in ``target``.

    A ``ToolkitError`` shows its own translated message; anything else shows the generic
    "something went wrong" text and is logged in full for the trainer.
    """

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except ToolkitError as exc:
                target.value = message("error", exc.message(lang()))
            except Exception:
                log.exception("widget callback %s failed", fn.__qualname__)
                target.value = message("error", t("common.app.action_error", lang()))
            return None

        return wrapper

    return deco
