"""The classroom shell: the trainee's landing page, opening each module in the same kernel.

One kernel per trainee for the whole workshop: a module is rendered by
``toolkit.app.runner`` inside this page instead of opening a new Voila page (a new kernel).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

import ipywidgets as w

from toolkit.app import ui
from toolkit.app.catalogue import ModuleInfo, discover
from toolkit.app.runner import render_notebook
from toolkit.app.session import CODE_RE, Session, current_session, set_current_session
from toolkit.i18n import t

log = logging.getLogger("pangan")

_SCROLL_TOP = (
    '<img alt="" width="1" height="1" data-n="{n}" onload="window.scrollTo(0, 0)" '
    'src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==">'
)

LANG_OPTIONS = [("Bahasa Indonesia", "id"), ("English", "en")]


class ModuleCard(w.VBox):
    """A module's card: title, one line, minutes, and an open button."""

    def __init__(self, module: ModuleInfo, lang: str, on_open) -> None:
        self.module = module
        text = ui.html_block(
            f"<h3>{html.escape(module.title(lang))}</h3>"
            f"<p>{html.escape(module.summary(lang))}</p>"
            f'<p class="pangan-minutes">{html.escape(t("common.app.minutes", lang, minutes=module.minutes))}</p>'
        )
        self._open = ui.button(t("common.app.open", lang))
        self._open.on_click(lambda _b: on_open(module.name))
        super().__init__([text, self._open], layout=ui.FULL, _dom_classes=("pangan-card",))

    def click(self) -> None:
        """Open the module (programmatic trigger)."""
        self._open.click()


class Classroom(w.VBox):
    """Home page with module cards; a module opens inside the same page and kernel."""

    def __init__(self, session: Session | None = None, folder: Path | None = None) -> None:
        self.session = session or current_session()
        self._folder = folder
        self.modules = discover(folder)
        self._views: dict[tuple[str, str], list[w.Widget]] = {}
        self._home: dict[str, tuple[w.Widget, list[ModuleCard]]] = {}
        self._backs: dict[str, tuple[w.Button, w.Button]] = {}
        self._forms: dict[str, tuple[w.VBox, tuple]] = {}  # a guest's code form, per language
        self.current: str | None = None  # name of the open module, None on the home page
        self._header = ui.html_block(css_class="pangan-header")
        self._lang = w.ToggleButtons(
            options=LANG_OPTIONS,
            value=self.session.lang,
            layout=ui.full(),
            style=ui.style(ui.ToggleButtonsStyle),
            _dom_classes=("pangan-lang",),
        )
        self._status = ui.html_block()
        self._opened = 0
        # A 1-pixel image whose onload scrolls the page up when a module opens.
        self._scroll = w.HTML(
            layout=ui.layout(height="0px", overflow="hidden"), style=ui.style(ui.HTMLStyle)
        )
        self._body = w.VBox(layout=ui.FULL)
        self._lang.observe(self._on_lang, names="value")
        super().__init__(
            [self._scroll, self._header, self._lang, self._status, self._body],
            layout=ui.FULL,
            _dom_classes=("pangan-classroom",),
        )
        self.go_home()

    # -- public surface -------------------------------------------------------------
    @property
    def lang(self) -> str:
        """The current language."""
        return self.session.lang

    def set_lang(self, lang: str) -> None:
        """Switch language (same as tapping the language toggle)."""
        self._lang.value = lang

    def cards(self) -> list[ModuleCard]:
        """The module cards shown on the home page (empty inside a module)."""
        return [c for c in self._body.children if isinstance(c, ModuleCard)]

    def go_home(self) -> None:
        """Show the home page."""
        self.current = None
        self._render_header()
        lang = self.lang
        # Made once per language and shown again: a trainee goes home after every module.
        if lang not in self._home:
            intro = ui.html_block(f"<p>{html.escape(t('common.app.intro', lang))}</p>")
            cards = [ModuleCard(m, lang, self.open_module) for m in self.modules]
            self._home[lang] = (intro, cards)
        intro, cards = self._home[lang]
        children: list[w.Widget] = [intro]
        if not self.session.identified:
            if lang not in self._forms:
                self._forms[lang] = (self._code_form(), self._code_inputs)
            self.code_form, self._code_inputs = self._forms[lang]
            children.append(self.code_form)
        if not cards:
            children.append(ui.html_block(ui.message("info", t("common.app.no_modules", lang))))
        self._body.children = [*children, *cards]

    def open_module(self, name: str) -> None:
        """Open module ``name`` (its notebook's file stem) inside this page."""
        module = next((m for m in self.modules if m.name == name), None)
        if module is None:
            self._status.value = ui.message("error", t("common.app.module_error", self.lang))
            return
        self._status.value = ""
        self.current = name
        self._render_header()
        key = (name, self.lang)
        if key not in self._views:
            try:
                self._views[key] = render_notebook(module.path, self.lang)
            except Exception:
                log.exception("could not open module %s", name)
                self._status.value = ui.message("error", t("common.app.module_error", self.lang))
                self.go_home()
                return
        if self.lang not in self._backs:
            backs = (
                ui.button(t("common.app.back", self.lang), style=""),
                ui.button(t("common.app.back", self.lang), style=""),
            )
            for b in backs:
                b.on_click(lambda _b: self.go_home())
            self._backs[self.lang] = backs
        back_top, back_end = self._backs[self.lang]
        self._back = back_top
        self._opened += 1
        self._scroll.value = _SCROLL_TOP.format(n=self._opened)
        self._body.children = [back_top, *self._views[key], back_end]
        # Recorded once the module is on its way to the page: the trainee need not wait for
        # the store's write before reading.
        self.session.record_progress(module.key, "opened")

    def back(self) -> None:
        """Press the back button (programmatic trigger)."""
        self.go_home()

    # -- internals ------------------------------------------------------------------
    def _render_header(self) -> None:
        lang = self.lang
        who = []
        if self.session.workshop:
            who.append(t("common.app.workshop", lang, code=self.session.workshop))
        if self.session.participant:
            who.append(t("common.app.participant", lang, code=self.session.participant))
        badge = f'<p class="pangan-who">{html.escape(" · ".join(who))}</p>' if who else ""
        self._header.value = (
            f"<h1>{html.escape(t('common.app.title', lang))}</h1>"
            f"<p>{html.escape(t('common.app.subtitle', lang))}</p>{badge}"
        )
        if self.session.problems:
            self._status.value = ui.message(
                "warn", t("common.app.bad_code", lang, field=", ".join(self.session.problems))
            )

    def _on_lang(self, change) -> None:
        self.session.lang = change["new"]
        if self.current:
            self.open_module(self.current)
        else:
            self.go_home()

    def _code_form(self) -> w.VBox:
        lang = self.lang
        note = ui.html_block(ui.message("info", t("common.app.guest", lang)))
        ws = w.Text(
            placeholder=t("common.app.workshop_code", lang),
            layout=ui.FULL,
            style=ui.style(ui.TextStyle),
        )
        pc = w.Text(
            placeholder=t("common.app.participant_code", lang),
            layout=ui.FULL,
            style=ui.style(ui.TextStyle),
        )
        go = ui.button(t("common.app.sign_in", lang), style="info")
        msg = ui.html_block()

        @ui.safe(msg, lambda: self.lang)
        def submit(_b=None) -> None:
            a, b = ws.value.strip(), pc.value.strip()
            if not (CODE_RE.match(a) and CODE_RE.match(b)):
                msg.value = ui.message("error", t("common.app.code_invalid", self.lang))
                return
            self.session.workshop, self.session.participant = a.upper(), b.upper()
            self.session.problems = []
            set_current_session(self.session)
            self.go_home()

        go.on_click(submit)
        form = w.VBox([note, ws, pc, go, msg], layout=ui.FULL, _dom_classes=("pangan-card",))
        self.code_form = form
        self._code_inputs = (ws, pc, go)
        return form


PRELOAD = ("toolkit.store", "toolkit.quiz.widgets")


def preload() -> None:
    """Import what every trainee uses soon (the store for answers, the quiz: the pre-test
    comes first) and read the text catalogues before the kernel waits for its trainee, so
    that a preheated kernel has paid for it before the room arrives rather than on the
    first tap."""
    import importlib

    from toolkit.i18n import LANGS, catalogue

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional part must not stop the home page
            log.exception("could not preload %s", name)
    for lang in LANGS:
        catalogue(lang)


def start(folder: Path | None = None) -> Classroom:
    """The classroom for this kernel's session (the one call in ``00_beranda.ipynb``)."""
    preload()
    return Classroom(current_session(), folder)
