"""A full quiz answered in Chromium at 360×740 under Voila; every answer is in the store."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.browsing import layout_problems
from tests.conftest import ROOT
from toolkit.quiz import bank_path, draw, load_bank

pytestmark = [pytest.mark.browser, pytest.mark.server]

WS = "KPG25"
TYPES = {"single", "multiple", "truefalse", "numeric", "ordering"}


def _participant_with_every_type(bank) -> tuple[str, list[str]]:
    """A participant code whose drawn quiz has every question type and an image."""
    for i in range(500):
        code = f"Q{i:03d}"
        drawn = draw(bank, seed=f"{WS}|{code}|1")
        if {q.type for q in drawn} == TYPES and any(q.image for q in drawn):
            return code, [q.id for q in drawn]
    raise AssertionError("no participant draws every question type")


def _quiz_notebook(folder) -> None:
    """The classroom home plus one module notebook that ends in the hygiene quiz."""
    shutil.copy(ROOT / "notebooks" / "00_beranda.ipynb", folder / "00_beranda.ipynb")
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "quiz",
                "metadata": {},
                "outputs": [],
                "source": 'from toolkit.quiz.widgets import QuizWidget\n\nQuizWidget("hygiene")',
            }
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "pangan": {"key": "hygiene", "minutes": 10},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (folder / "01_kuis_higiene.ipynb").write_text(json.dumps(nb), encoding="utf-8")


def _answer(page, q) -> None:
    quiz = page.locator(".pangan-quiz")
    if q.type in ("single", "truefalse"):
        if q.type == "single":
            label = q.option(q.answer).text.id
        else:
            label = "Benar" if q.answer else "Salah"
        quiz.locator(".widget-radio-box label").filter(has_text=label).first.click()
    elif q.type == "multiple":
        for oid in q.answer:
            text = q.option(oid).text.id
            row = quiz.locator(".widget-hbox").filter(has_text=text)
            row.locator("button.pangan-tick").click()
            page.wait_for_function(
                "t => [...document.querySelectorAll('.pangan-quiz .widget-hbox')]"
                ".some(r => r.innerText.includes(t) && r.querySelector('button.mod-success'))",
                arg=text,
            )
    elif q.type == "numeric":
        quiz.locator("input[type=text]").fill(str(q.answer).replace(".", ","))
    else:  # ordering: bubble each step up with its ▲ button
        for target, oid in enumerate(q.answer):
            text = q.option(oid).text.id
            while True:
                rows = quiz.locator(".widget-hbox").filter(has=page.locator("button"))
                labels = [rows.nth(i).inner_text() for i in range(rows.count())]
                pos = next(i for i, lab in enumerate(labels) if text in lab)
                if pos <= target:
                    break
                rows.nth(pos).get_by_role("button", name="▲").click()
                page.wait_for_function(
                    "([t, p]) => { const r = [...document.querySelectorAll("
                    "'.pangan-quiz .widget-hbox')].filter(e => e.querySelector('button'));"
                    " return r[p] && r[p].innerText.includes(t); }",
                    arg=[text, pos - 1],
                )


def test_full_quiz_on_a_phone_is_stored(tmp_path, phone) -> None:
    from tests.server import start_server
    from toolkit.store import open_store

    folder = tmp_path / "notebooks"
    folder.mkdir()
    _quiz_notebook(folder)
    # The kernels must import this checkout's toolkit (not another installed copy).
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    server = start_server(tmp_path, "--notebooks", str(folder), env={"PYTHONPATH": pythonpath})
    try:
        bank = load_bank(bank_path("hygiene"))
        by_text = {q.text.id: q for q in bank.questions}
        P, expected = _participant_with_every_type(bank)
        page = phone.page
        page.goto(f"{server.url}/?ws={WS}&p={P}&lang=id")
        page.get_by_role("button", name="Buka modul").first.click()
        page.wait_for_selector(".pangan-quiz .pangan-question")
        assert layout_problems(page) == []
        shown = []
        for n in range(1, len(expected) + 1):
            page.wait_for_selector(f"text=Soal {n} dari {len(expected)}")
            q = by_text[page.locator(".pangan-question").inner_text().strip()]
            shown.append(q.id)
            _answer(page, q)
            assert layout_problems(page) == [], q.id
            page.get_by_role("button", name="Kirim jawaban").click()
            page.wait_for_selector(".pangan-quiz .pangan-msg-ok")
            last = n == len(expected)
            page.get_by_role("button", name="Lihat hasil" if last else "Soal berikutnya").click()
            if not last:  # the next question's text replaces this one
                page.wait_for_function(
                    "t => { const e = document.querySelector('.pangan-question');"
                    " return e && e.innerText.trim() !== t; }",
                    arg=q.text.id,
                )
        page.wait_for_selector(".pangan-score")
        assert "100" in page.locator(".pangan-score").inner_text()
        assert "lulus" in page.locator(".pangan-quiz").inner_text()
        assert shown == expected
        assert phone.foreign_requests(server.url) == []
        rows = open_store(server.db_url).answers(WS, P, "hygiene")
        assert sorted(r.question_id for r in rows) == sorted(expected)
        assert all(r.correct and r.score == 1.0 for r in rows)
        assert all(r.seconds is not None for r in rows)
    finally:
        server.stop()


def test_reload_resumes_the_quiz_in_the_browser(tmp_path, phone) -> None:
    from tests.server import start_server
    from toolkit.store import open_store

    folder = tmp_path / "notebooks"
    folder.mkdir()
    _quiz_notebook(folder)
    pythonpath = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    server = start_server(tmp_path, "--notebooks", str(folder), env={"PYTHONPATH": pythonpath})
    try:
        bank = load_bank(bank_path("hygiene"))
        by_text = {q.text.id: q for q in bank.questions}
        page = phone.page
        url = f"{server.url}/?ws={WS}&p=R001&lang=id"
        page.goto(url)
        page.get_by_role("button", name="Buka modul").first.click()
        answered = []
        for n in (1, 2, 3):
            page.wait_for_selector(f"text=Soal {n} dari 10")
            q = by_text[page.locator(".pangan-question").inner_text().strip()]
            _answer(page, q)
            page.get_by_role("button", name="Kirim jawaban").click()
            page.wait_for_selector(".pangan-quiz .pangan-msg-ok")
            answered.append(q.id)
            page.get_by_role("button", name="Soal berikutnya").click()
            page.wait_for_function(
                "t => { const e = document.querySelector('.pangan-question');"
                " return e && e.innerText.trim() !== t; }",
                arg=q.text.id,
            )
        page.reload()
        page.get_by_role("button", name="Buka modul").first.click()
        page.wait_for_selector("text=Soal 4 dari 10")
        assert page.locator(".pangan-quiz .pangan-msg-info").count() == 1  # "saved, continue"
        rows = open_store(server.db_url).answers(WS, "R001", "hygiene")
        assert [r.question_id for r in rows] == answered
    finally:
        server.stop()
