"""The classroom shell driven in plain pytest: cards, opening modules, language, sign-in."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as w
import pytest

from toolkit.app.catalogue import discover, read_module
from toolkit.app.classroom import Classroom, ModuleCard
from toolkit.app.runner import render_notebook, run_code
from toolkit.app.session import Session
from toolkit.hygiene.five_keys_widgets import FiveKeysLesson
from toolkit.store import open_store


@pytest.fixture
def session(sqlite_url: str) -> Session:
    s = Session(workshop="KPG25", participant="017", lang="id")
    s.use_store(open_store(sqlite_url))
    return s


def _write_nb(path: Path, cells: list[dict], meta: dict | None = None) -> Path:
    nb = {"cells": cells, "metadata": meta or {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _md(src: str, en: bool = False) -> dict:
    return {"cell_type": "markdown", "source": src, "metadata": {"tags": ["lang-en"]} if en else {}}


def _code(src: str) -> dict:
    return {
        "cell_type": "code",
        "source": src,
        "metadata": {},
        "outputs": [],
        "execution_count": None,
    }


def test_discover_lists_real_modules_in_order() -> None:
    modules = discover()
    assert modules, "no module notebooks found"
    assert [m.order for m in modules] == sorted(m.order for m in modules)
    assert all(m.name != "00_beranda" for m in modules)  # the home page is not a module
    assert modules[0].key == "pretest" and modules[-1].key == "posttest"
    hygiene = next(m for m in modules if m.key == "hygiene")
    assert hygiene.title("id") == "Higiene dan Sanitasi"
    assert hygiene.title("en") == "Hygiene and Sanitation"


def test_notebooks_without_metadata_or_texts_are_not_modules(tmp_path: Path) -> None:
    _write_nb(tmp_path / "01_a.ipynb", [], {"pangan": {"key": "hygiene", "minutes": 5}})
    _write_nb(tmp_path / "02_b.ipynb", [], {})
    _write_nb(tmp_path / "03_c.ipynb", [], {"pangan": {"key": "no_such_topic"}})
    (tmp_path / "04_d.ipynb").write_text("{broken", encoding="utf-8")
    _write_nb(tmp_path / "scratch.ipynb", [], {"pangan": {"key": "hygiene"}})
    assert [m.name for m in discover(tmp_path)] == ["01_a"]
    assert read_module(tmp_path / "04_d.ipynb") is None


def test_classroom_shows_one_card_per_module(session: Session) -> None:
    room = Classroom(session)
    assert len(room.cards()) == len(discover()) > 0
    assert all(isinstance(c, ModuleCard) for c in room.cards())


def test_opening_a_module_renders_it_in_the_same_page_and_records_progress(session) -> None:
    room = Classroom(session)
    card = next(c for c in room.cards() if c.module.key == "hygiene")
    card.click()
    assert room.current == card.module.name
    assert room.cards() == []
    lessons = [c for c in room._body.children if isinstance(c, FiveKeysLesson)]
    assert len(lessons) == 1
    events = [(p.module, p.event) for p in session.store.progress("KPG25")]
    assert events == [("hygiene", "opened")]
    # Going back and opening again keeps the same widgets (state is kept).
    room.back()
    assert room.current is None and room.cards()
    room.open_module(card.module.name)
    assert [c for c in room._body.children if isinstance(c, FiveKeysLesson)] == lessons


def test_language_switch_rerenders_in_english(session) -> None:
    room = Classroom(session)
    room.open_module(next(m.name for m in discover() if m.key == "hygiene"))
    room.set_lang("en")
    assert session.lang == "en"
    texts = " ".join(c.value for c in room._body.children if isinstance(c, w.HTML))
    assert "Hygiene and Sanitation" in texts
    assert "Higiene dan Sanitasi" not in texts
    room.back()
    assert room.cards()[0]._open.description == "Open module"


def test_unknown_module_shows_a_message(session) -> None:
    room = Classroom(session)
    room.open_module("99_nothing")
    assert "tidak dapat dibuka" in room._status.value
    assert room.current is None


def test_guest_signs_in_with_codes() -> None:
    s = Session(lang="id")
    room = Classroom(s)
    ws, pc, go = room._code_inputs
    ws.value, pc.value = "kpg 25", "017"
    go.click()
    assert "Kode hanya boleh" in room.code_form.children[-1].value
    assert not s.identified
    ws.value = "kpg25"
    go.click()
    assert (s.workshop, s.participant) == ("KPG25", "017")
    assert not hasattr(room, "code_form") or room.code_form not in room._body.children


def test_bad_codes_in_the_link_are_named() -> None:
    s = Session.from_query("ws=KPG25&p=<script>&lang=en")
    assert s.workshop == "KPG25" and s.participant is None and s.problems == ["p"]
    room = Classroom(s)
    assert "(p)" in room._status.value and "not valid" in room._status.value


def test_runner_shows_one_language_and_survives_a_failing_cell(tmp_path: Path) -> None:
    nb = _write_nb(
        tmp_path / "01_t.ipynb",
        [
            _md("# Judul"),
            _md("# Title", en=True),
            _code("print('halo')\n1 + 1"),
            _code("1 / 0"),
            _code("x = 3"),
            _code("x * 2"),
        ],
    )
    widgets = render_notebook(nb, "en")
    html = [x.value for x in widgets]
    assert "Title" in html[0] and all("Judul" not in h for h in html)
    assert "halo" in html[1] and "2" in html[2]
    assert "cannot be opened" in html[3]  # the failing cell, in English, no traceback
    assert "ZeroDivision" not in " ".join(html)
    assert "6" in html[4]


def test_markdown_is_converted_once_and_an_edit_anew(tmp_path: Path) -> None:
    """Kernels reuse the fork server's HTML of each cell; an edited cell is new text."""
    from toolkit.app import runner

    runner.markdown_html.cache_clear()
    folder = tmp_path / "nbs"
    folder.mkdir()
    meta = {"pangan": {"key": "hygiene"}}
    nb = _write_nb(
        folder / "01_a.ipynb", [_md("# Judul\n\nSatu *dua*"), _md("# Title", en=True)], meta
    )
    assert runner.warm_markdown(folder) == 2
    assert runner.markdown_html.cache_info().currsize == 2
    misses = runner.markdown_html.cache_info().misses
    first = [x.value for x in render_notebook(nb, "id")]
    assert "<em>dua</em>" in first[0]
    assert runner.markdown_html.cache_info().misses == misses  # nothing parsed again
    _write_nb(nb, [_md("# Judul\n\nSatu **tiga**")], meta)
    edited = [x.value for x in render_notebook(nb, "id")]
    assert "<strong>tiga</strong>" in edited[0] and "dua" not in edited[0]
    (folder / "02_broken.ipynb").write_text("{not json", encoding="utf-8")
    assert runner.warm_markdown(folder) == 1  # a broken notebook is not a module: not read


def test_run_code_returns_printed_text_and_last_value() -> None:
    ns: dict = {}
    assert run_code("a = 2\nprint('x')\na + 1", ns, "cell") == ["x\n", 3]
    assert run_code("b = 1", ns, "cell") == []


def test_every_module_notebook_has_english_for_each_indonesian_cell() -> None:
    from toolkit.app.runner import cell_lang

    for module in discover():
        cells = json.loads(module.path.read_text(encoding="utf-8"))["cells"]
        langs = [cell_lang(c) for c in cells if c["cell_type"] == "markdown"]
        assert langs, module.name
        assert langs.count("id") == langs.count("en"), module.name
