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
from ipywidgets.widgets.widget_bool import CheckboxStyle, ToggleButtonStyle
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_int import ProgressStyle
from ipywidgets.widgets.widget_selection import ToggleButtonsStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from toolkit.errors import ToolkitError
from toolkit.i18n import t

log = logging.getLogger("pangan")

__all__ = [  # the style classes, for ``ui.style(ui.TextStyle)``
    "ButtonStyle",
    "CheckboxStyle",
    "DescriptionStyle",
    "HTMLStyle",
    "ProgressStyle",
    "TextStyle",
    "ToggleButtonStyle",
    "ToggleButtonsStyle",
]


# -- shared layouts and styles ----------------------------------------------------------
# Every ipywidgets widget has its own Layout model and most have their own Style model, so
# a plain ``w.HTML()`` is three models: three comm messages from the kernel, through the
# server, to the page. A module page has hundreds of widgets and a workshop has hundreds of
# trainees arriving together, so widgets made here share one Layout per set of properties
# and one default Style per style class (benchmarks/README.md). A shared Layout or Style is
# never changed: a widget whose layout changes later (shown/hidden) gets its own.


class SharedModelError(AttributeError):
    """A shared Layout or Style was changed: the widget needs its own."""


@functools.cache
def _frozen(cls: type[w.Widget]) -> type[w.Widget]:
    """A subclass of ``cls`` whose synced properties cannot change after it is made."""

    def __setattr__(self: w.Widget, name: str, value: Any) -> None:
        if (
            self.__dict__.get("_pangan_frozen")
            and not name.startswith("_")
            and name in self.trait_names(sync=lambda v: v)
        ):
            raise SharedModelError(
                f"this {cls.__name__} is shared by many widgets; give the widget its own "
                f"(e.g. widget.layout = w.Layout(...)) before changing {name!r}"
            )
        cls.__setattr__(self, name, value)

    return type(
        f"Shared{cls.__name__}", (cls,), {"__setattr__": __setattr__, "__module__": __name__}
    )


def _shared(cls: type[w.Widget], items: tuple[tuple[str, str], ...]) -> w.Widget:
    obj = _frozen(cls)(**dict(items))
    obj.__dict__["_pangan_props"] = dict(items)  # what it was made with (tests)
    obj.__dict__["_pangan_frozen"] = True
    return obj


@functools.cache
def _layout(items: tuple[tuple[str, str], ...]) -> w.Layout:
    return _shared(w.Layout, items)


def layout(**props: str) -> w.Layout:
    """The shared Layout with these properties (made on first use, in the kernel)."""
    return _layout(tuple(sorted(props.items())))


@functools.cache
def _style(cls: type[w.Widget], items: tuple[tuple[str, str], ...]) -> w.Widget:
    return _shared(cls, items)


def style(cls: type[w.Widget], **props: str) -> w.Widget:
    """The shared Style of class ``cls`` with these properties (e.g. ``ui.HTMLStyle``)."""
    return _style(cls, tuple(sorted(props.items())))


def full() -> w.Layout:
    """The shared full-width Layout."""
    return layout(width="100%")


def __getattr__(name: str) -> Any:
    # ``ui.FULL`` is made when first used, not at import: the fork server imports this
    # module and must make no widget (toolkit.serve.forkserver).
    if name == "FULL":
        return full()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def close_tree(widgets: Sequence[w.Widget], keep: Sequence[w.Widget] = ()) -> None:
    """Close widgets no longer shown, with everything inside them, except ``keep``.

    A widget taken off the page stays alive in the kernel and in the page until it is
    closed: a quiz makes new answer controls for every question, so a trainee's kernel would
    otherwise grow with every screen. Shared layouts and styles are never closed.
    """
    kept = {id(k) for k in keep}
    stack = list(widgets)
    while stack:
        widget = stack.pop()
        if id(widget) in kept or getattr(widget, "_pangan_frozen", False):
            continue
        stack.extend(getattr(widget, "children", ()) or ())
        widget.close()


def button(text: str, style: str = "primary") -> w.Button:
    """A full-width button with a large tap target."""
    b = w.Button(
        description=text,
        button_style=style,
        layout=layout(width="100%", min_height="44px"),
        style=_style(ButtonStyle, ()),
        _dom_classes=("pangan-button",),
    )
    return b


def radio(options: Sequence[tuple[str, int]]) -> w.RadioButtons:
    """Radio answers (better than sliders or dropdowns on phones); no option selected."""
    r = w.RadioButtons(
        options=list(options),
        value=None,
        layout=full(),
        style=_style(DescriptionStyle, ()),
        _dom_classes=("pangan-radio",),
    )
    return r


def html_block(content: str = "", css_class: str = "", full_width: bool = True) -> w.HTML:
    """An HTML widget with shared models; full width unless ``full_width`` is False."""
    return w.HTML(
        value=content,
        layout=full() if full_width else layout(),
        style=_style(HTMLStyle, ()),
        _dom_classes=(css_class,) if css_class else (),
    )


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
