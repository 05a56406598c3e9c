"""The self-inspection widget, driven in plain pytest."""

from __future__ import annotations

import base64
import io
import re

from toolkit.app.session import Session
from toolkit.gmp.report import pdf_text
from toolkit.gmp.widgets import SelfInspection
from toolkit.store import open_store


def _png() -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(1, 1), dpi=20)
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _filled(box: SelfInspection, findings: dict[int, str]) -> None:
    box.set_answers({row.item.no: "ok" for row in box.rows})
    box.set_answers(findings)


def test_filled_checklist_gives_level_and_pdf_with_findings(sqlite_url, tmp_path) -> None:
    session = Session(workshop="KPG25", participant="017", lang="id")
    session.use_store(open_store(sqlite_url))
    box = SelfInspection(session, business="Abon Ama")
    box.use_folder(tmp_path)
    _filled(box, {2: "nc", 8: "nc", 17: "nc", 18: "nc", 3: "nc"})  # MA=4, SE=1 → III
    row3 = next(r for r in box.rows if r.item.no == 3)
    row3.set_details(location="dapur", note="dinding berjamur dekat kompor", photo=_png())
    assert row3._details.layout.display == "flex"
    box.click_assess()
    assert box.assessment.level == 3
    assert "Level III" in box.result_html
    assert "dinding berjamur dekat kompor" in box.result_html
    m = re.search(r'href="data:application/pdf;base64,([^"]+)"', box.downloads_html)
    assert m, box.downloads_html[:200]
    text = " ".join(pdf_text(base64.b64decode(m.group(1))).split())
    assert "dinding berjamur dekat kompor" in text and ": III" in text
    assert "spreadsheetml" in box.downloads_html
    stored = session.store.answers("KPG25", "017", "gmp.self_inspection")
    assert stored[0].answer["level"] == 3


def test_partial_answers_and_unconfirmed_notes_are_shown() -> None:
    box = SelfInspection(Session(lang="en"), business="X")
    box.set_answers({5: "nc"})
    box.click_assess()
    assert "Level IV" in box.result_html
    assert "36 items have no answer" in box.result_html
    assert "Needs confirmation" in box.result_html


def test_browser_cannot_set_an_unknown_answer() -> None:
    import pytest
    from traitlets import TraitError

    box = SelfInspection(Session(lang="en"), business="X")
    with pytest.raises(TraitError):
        box.rows[0].value = "hacked"
    assert box.rows[0].answer() is None


def test_save_twice_and_compare_progress(tmp_path) -> None:
    session = Session(lang="id")
    box = SelfInspection(session, business="Kue Kering Maria")
    box.use_folder(tmp_path)
    box.click_compare()
    assert "Belum ada pemeriksaan sebelumnya" in box.progress_html
    _filled(box, {5: "nc", 36: "nc"})
    box.click_save()
    assert "ke-1" in box.progress_html
    _filled(box, {36: "nc"})
    box.click_save()
    assert "ke-2" in box.progress_html
    box.click_compare()
    assert "IV → I" in box.progress_html and "butir 5" in box.progress_html


def test_save_needs_a_business_name(tmp_path) -> None:
    box = SelfInspection(Session(lang="en"))
    box.use_folder(tmp_path)
    box.click_save()
    assert "business name" in box.progress_html


def test_guest_saves_go_to_a_private_temporary_folder() -> None:
    a = SelfInspection(Session(lang="id"), business="Sama")
    b = SelfInspection(Session(lang="id"), business="Sama")
    assert a._target_folder() != b._target_folder()


def test_widgets_of_the_topic_render_their_repr() -> None:
    # a private attribute must not shadow an ipywidgets internal (repr is what a notebook shows)
    from toolkit.hygiene.widgets import (
        DangerZoneExplorer,
        DilutionCalculator,
        ExerciseSet,
        HandwashOrder,
        HandwashTimer,
        SortingExercise,
        TemperatureLogChecker,
    )
    from toolkit.permits.pathway_widgets import PathwayAdvisor

    s = Session(lang="id")
    for widget in (
        SelfInspection(s),
        PathwayAdvisor(s),
        DilutionCalculator(s),
        TemperatureLogChecker(s),
        DangerZoneExplorer(s),
        HandwashOrder(s),
        HandwashTimer(s),
        SortingExercise(s),
        ExerciseSet("gmp", s),
    ):
        assert type(widget).__name__ in repr(widget)
