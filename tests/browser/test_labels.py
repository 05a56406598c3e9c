"""A kader completes a 5-label Cek KLIK practice round on a 360×740 phone (issue 3)."""

from __future__ import annotations

import pytest

from tests.browsing import layout_problems

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_kader_completes_a_practice_round_on_a_phone(live_server, phone) -> None:
    page = phone.page
    page.goto(f"{live_server.url}/?ws=KPG25&p=L005&lang=id")
    page.wait_for_selector(".pangan-card button")
    card = page.locator(".pangan-card", has_text="Label Pangan dan Cek KLIK")
    card.get_by_role("button", name="Buka modul").click()
    page.wait_for_selector(".pangan-label-practice >> nth=3")
    assert layout_problems(page) == []

    practice = page.locator(".pangan-label-practice").nth(3)  # the generated round
    practice.scroll_into_view_if_needed()
    for i in range(5):
        assert f"Label {i + 1} dari 5" in practice.locator(".pangan-label-progress").inner_text()
        assert practice.locator(".pangan-label-svg svg").count() == 1
        practice.get_by_role("button", name="L – Label").click()
        practice.get_by_role("button", name="Periksa jawaban").click()
        practice.locator(".pangan-label-feedback", has_text="Skor label ini").wait_for()
        last = i == 4
        name = "Lihat skor akhir" if last else "Label berikutnya"
        practice.get_by_role("button", name=name).click()
        if not last:
            practice.locator(".pangan-label-progress", has_text=f"Label {i + 2} dari 5").wait_for()
    score = practice.locator(".pangan-label-feedback", has_text="Skor putaran")
    score.wait_for()
    assert score.is_visible()
    assert layout_problems(page) == []
    assert phone.foreign_requests(live_server.url) == []

    from toolkit.store import open_store

    answers = open_store(live_server.db_url).answers(workshop="KPG25", participant="L005")
    assert len([a for a in answers if a.quiz == "labels.practice"]) == 5
