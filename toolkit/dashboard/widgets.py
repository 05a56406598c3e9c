"""The trainer dashboard: live progress, pre/post gains, item analysis, certificate check.

It runs only in the token-protected ``pangan dashboard`` server (never in the trainee
classroom), so it may show every participant's data. All reading goes through
``toolkit.workshop.results``; this module only lays the figures out.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from typing import Any

import ipywidgets as w

from toolkit.dashboard import charts, tables
from toolkit.errors import ToolkitError
from toolkit.i18n import normalize_lang, t
from toolkit.store import Store, open_store
from toolkit.workshop import results

log = logging.getLogger("pangan.dashboard")

ENV_WORKSHOP = "PANGAN_DASHBOARD_WORKSHOP"
ENV_REFRESH = "PANGAN_DASHBOARD_REFRESH"
ENV_LANG = "PANGAN_LANG"
DEFAULT_REFRESH = 15.0


class TrainerDashboard(w.VBox):
    """The dashboard of one store.

    Args:
        store: The results store (default: the one ``$PANGAN_DB_URL`` names).
        workshop: Workshop code to show first (default: the newest workshop).
        lang: ``"id"`` or ``"en"``.
        refresh_seconds: Auto-refresh period; 0 or None for none (tests refresh by hand).
        pass_mark: Post-test pass mark used in the table.
    """

    def __init__(
        self,
        store: Store | None = None,
        workshop: str | None = None,
        lang: str = "id",
        refresh_seconds: float | None = None,
        pass_mark: float = results.DEFAULT_PASS_MARK,
    ) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.lang = normalize_lang(lang)
        self._store = store or open_store()
        self._pass_mark = pass_mark
        self._refresh_seconds = refresh_seconds or 0
        self._task: asyncio.Task | None = None
        self._drawn: tuple[Any, ...] | None = None  # (workshop, change marker) on screen
        lang = self.lang
        codes = [ws.code for ws in self._store.workshops()]
        chosen = workshop if workshop in codes else (codes[-1] if codes else None)
        self._workshop = w.Dropdown(
            options=codes,
            value=chosen,
            description=t("dashboard.workshop", lang),
            layout=w.Layout(width="auto", min_width="260px"),
        )
        self._refresh = w.Button(
            description=t("dashboard.refresh", lang),
            icon="refresh",
            layout=w.Layout(height="40px", width="auto"),
        )
        self._status = w.HTML()
        self._message = w.HTML()
        self._progress = w.HTML()
        self._summary = w.HTML()
        self._histogram = w.Image(format="png", layout=w.Layout(max_width="900px"))
        self._quiz = w.Dropdown(
            options=[],
            description=t("dashboard.items.quiz", lang),
            layout=w.Layout(width="auto", min_width="260px"),
        )
        self._items = w.HTML()
        self._review = w.HTML()
        self._item_chart = w.Image(format="png", layout=w.Layout(max_width="900px"))
        self._cert_text = w.Textarea(
            placeholder=t("dashboard.verify.placeholder", lang),
            layout=w.Layout(width="100%", height="80px"),
        )
        self._cert_check = w.Button(
            description=t("dashboard.verify.button", lang), layout=w.Layout(height="40px")
        )
        self._cert_result = w.HTML()

        tabs = w.Tab(
            children=[
                w.VBox([self._progress]),
                w.VBox([self._summary, self._histogram]),
                w.VBox([self._quiz, self._items, self._review, self._item_chart]),
                w.VBox([self._cert_text, self._cert_check, self._cert_result]),
            ],
            layout=w.Layout(width="100%"),
        )
        for i, key in enumerate(("progress", "scores", "items", "verify")):
            tabs.set_title(i, t(f"dashboard.tab.{key}", lang))
        self._tabs = tabs
        header = w.HBox(
            [self._workshop, self._refresh, self._status],
            layout=w.Layout(flex_flow="row wrap", align_items="center", width="100%"),
        )
        self.children = [
            w.HTML(f"<h2>{tables.esc(t('dashboard.title', lang))}</h2>"),
            header,
            self._message,
            tabs,
        ]
        self._refresh.on_click(self._on_refresh)
        self._workshop.observe(self._on_refresh, names="value")
        self._quiz.observe(self._on_quiz, names="value")
        self._cert_check.on_click(self._on_verify)
        self.refresh()
        if self._refresh_seconds > 0:
            self._start_auto_refresh()

    @classmethod
    def from_environment(cls) -> TrainerDashboard:
        """The dashboard as ``pangan dashboard`` configures it through the environment."""
        try:
            refresh = float(os.environ.get(ENV_REFRESH, DEFAULT_REFRESH))
        except ValueError:
            refresh = DEFAULT_REFRESH
        return cls(
            workshop=os.environ.get(ENV_WORKSHOP) or None,
            lang=os.environ.get(ENV_LANG, "id"),
            refresh_seconds=refresh,
        )

    # -- public surface ---------------------------------------------------------------------

    @property
    def workshop(self) -> str | None:
        """The workshop shown."""
        return self._workshop.value

    def refresh(self, force: bool = True) -> None:
        """Read the store again and redraw every tab (errors become a message).

        Args:
            force: Redraw even when nothing changed since the last drawing (the automatic
                refresh passes False, so an idle class costs only one small query).
        """
        lang = self.lang
        try:
            codes = [ws.code for ws in self._store.workshops()]
            if list(self._workshop.options) != codes:
                current = self._workshop.value
                self._workshop.options = codes
                self._workshop.value = (
                    current if current in codes else (codes[-1] if codes else None)
                )
            ws = self._workshop.value
            if ws is None:
                self._message.value = tables.esc(t("dashboard.no_workshop", lang))
                return
            marker = (ws, self._store.change_marker(ws))
            if force or marker != self._drawn:
                self._draw(ws)
                self._drawn = marker
            self._message.value = ""
            now = dt.datetime.now().strftime("%H:%M:%S")
            self._status.value = tables.esc(t("dashboard.updated", lang, time=now))
        except ToolkitError as exc:
            self._message.value = tables.esc(exc.message(lang))
        except Exception:
            log.exception("dashboard refresh failed")
            self._message.value = tables.esc(t("dashboard.error.refresh", lang))

    # -- drawing ----------------------------------------------------------------------------

    def _draw(self, ws: str) -> None:
        lang = self.lang
        store = self._store
        people = store.participants(ws)
        rows = results.score_rows(store, ws, self._pass_mark)
        by_code = {r.code: r for r in rows}
        modules, status = results.progress_matrix(store, ws, self._catalogue())
        if not people:
            self._progress.value = tables.esc(t("dashboard.no_participants", lang, code=ws))
        else:
            self._progress.value = tables.progress_table(people, modules, status, by_code, lang)
        summary = results.class_summary(rows)
        self._summary.value = tables.summary_box(summary, rows, lang)
        pre = [r.pre for r in rows if r.pre is not None]
        post = [r.post for r in rows if r.post is not None]
        self._histogram.value = charts.score_histogram(pre, post, lang)
        quizzes = results.quizzes(store, ws)
        if list(self._quiz.options) != quizzes:
            keep = self._quiz.value
            self._quiz.options = quizzes
            self._quiz.value = keep if keep in quizzes else (quizzes[-1] if quizzes else None)
        self._draw_items()

    @staticmethod
    def _catalogue() -> list[str]:
        """Module keys of the classroom, in course order (none if it cannot be read)."""
        try:
            from toolkit.app.catalogue import discover

            return [m.key for m in discover()]
        except Exception:
            log.exception("module catalogue unreadable")
            return []

    def _draw_items(self) -> None:
        lang = self.lang
        ws, quiz = self._workshop.value, self._quiz.value
        if not ws or not quiz:
            self._items.value = tables.esc(t("dashboard.items.none", lang))
            self._review.value = ""
            self._item_chart.value = b""
            return
        report = results.item_report(self._store, ws, quiz)
        if report is None:
            self._items.value = tables.esc(t("dashboard.items.none", lang))
            self._review.value = ""
            self._item_chart.value = b""
            return
        texts = results.question_texts(quiz, lang)
        self._items.value = tables.item_table(report, texts, lang)
        self._review.value = tables.review_list(report, texts, lang)
        self._item_chart.value = charts.difficulty_chart(
            [str(q) for q in report.table.index],
            [float(x) for x in report.table["difficulty"]],
            [bool(f) for f in report.table["flags"]],
            lang,
        )

    # -- callbacks --------------------------------------------------------------------------

    def _on_refresh(self, _event: Any = None) -> None:
        self.refresh()

    def _on_quiz(self, _event: Any = None) -> None:
        try:
            self._draw_items()
        except Exception:
            log.exception("item analysis failed")
            self._items.value = tables.esc(t("dashboard.error.refresh", self.lang))

    def _on_verify(self, _b: Any = None) -> None:
        from toolkit.workshop.certificates import verify_payload

        lang = self.lang
        text = (self._cert_text.value or "").strip()
        try:
            result = verify_payload(text)
        except ToolkitError as exc:
            self._cert_result.value = f'<p class="pa-flag">{tables.esc(exc.message(lang))}</p>'
            return
        except Exception:
            log.exception("certificate check failed")
            self._cert_result.value = tables.esc(t("dashboard.error.refresh", lang))
            return
        d = result.data
        ok = t(
            "workshop.msg.verify_ok",
            lang,
            name=d.get("n", ""),
            workshop=f"{d.get('wn', '')} ({d.get('w', '')})",
            date=d.get("d", ""),
            score=d.get("s", ""),
        )
        trust_key = "verify_trusted" if result.trusted else "verify_untrusted"
        trust = t(f"workshop.msg.{trust_key}", lang, fingerprint=result.fingerprint)
        colour = "#1b5e20" if result.trusted else "#e65100"
        self._cert_result.value = (
            f'<p style="color:{colour};font-size:17px"><b>{tables.esc(ok)}</b><br>'
            f"{tables.esc(trust)}</p>"
        )

    # -- auto refresh -----------------------------------------------------------------------

    def _start_auto_refresh(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # plain Python (tests): no running loop, refresh by hand
        self._task = loop.create_task(self._auto_refresh())

    async def _auto_refresh(self) -> None:
        while True:
            await asyncio.sleep(self._refresh_seconds)
            self.refresh(force=False)

    def stop(self) -> None:
        """Stop the auto-refresh (the kernel stops it anyway when the page closes)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
