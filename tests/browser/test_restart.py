"""Killing the server mid-lesson loses no submitted answer (issue 8 acceptance)."""

from __future__ import annotations

import os
import signal

import pytest

from tests.server import start_server
from toolkit.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.server]


def _answer_first_key(page, base_url: str, participant: str) -> None:
    page.goto(f"{base_url}/?ws=KILL1&p={participant}&lang=id")
    page.wait_for_selector(".pangan-card button")
    card = page.locator(".pangan-card").filter(has_text="Higiene dan Sanitasi")
    card.get_by_role("button", name="Buka modul").click()
    first = page.locator(".pangan-keycheck").first
    first.locator(".widget-radio-box label").nth(0).click()
    first.get_by_role("button", name="Periksa jawaban").click()
    page.wait_for_selector(".pangan-keycheck .pangan-msg-ok")


def test_sigkill_of_the_server_mid_lesson_loses_no_answer(tmp_path, phone) -> None:
    server = start_server(tmp_path)
    _answer_first_key(phone.page, server.url, "A1")
    # The trainee saw "Benar": the answer is stored. Now the laptop's server dies hard.
    os.killpg(server.proc.pid, signal.SIGKILL)
    server.proc.wait(10)

    again = start_server(tmp_path)  # same folder, same SQLite store
    try:
        stored = open_store(again.db_url).answers(workshop="KILL1")
        assert [(a.participant_code, a.question_id, a.correct) for a in stored] == [
            ("A1", "clean", True)
        ]
        # The restarted classroom works and keeps adding to the same store.
        _answer_first_key(phone.page, again.url, "A2")
        stored = open_store(again.db_url).answers(workshop="KILL1")
        assert sorted(a.participant_code for a in stored) == ["A1", "A2"]
    finally:
        again.stop()
