"""Classroom → module → widget in a real Chromium at 360×740 (issue 2 acceptance)."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from tests.browsing import layout_problems
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]


def _wait_for_kernels(server, n: int, seconds: float = 10) -> list[int]:
    end = time.monotonic() + seconds
    pids = server.kernel_pids()
    while len(pids) < n and time.monotonic() < end:
        time.sleep(0.2)
        pids = server.kernel_pids()
    return pids


def test_classroom_module_widget_journey_on_a_phone(live_server, phone, tmp_path) -> None:
    page = phone.page
    before = set(live_server.kernel_pids())
    page.goto(f"{live_server.url}/?ws=KPG25&p=B017&lang=id")
    page.wait_for_selector(".pangan-card button")

    # The classroom, not a file tree, with our Indonesian texts.
    assert page.locator(".pangan-header h1").inner_text() == "Pangan Aman"
    assert page.get_by_text("Higiene dan Sanitasi").count() >= 1
    assert layout_problems(page) == []
    shot = tmp_path / "classroom-phone.png"
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("PANGAN_UPDATE_DOCS") == "1":
        shutil.copy(shot, ROOT / "docs" / "classroom-phone.png")

    kernels_on_home = set(_wait_for_kernels(live_server, len(before) + 1)) - before
    assert len(kernels_on_home) == 1, "the classroom page should run in exactly one kernel"

    # Open the module inside the same page.
    card = page.locator(".pangan-card").filter(has_text="Higiene dan Sanitasi")
    card.get_by_role("button", name="Buka modul").click()
    page.wait_for_selector(".pangan-keycheck")
    assert layout_problems(page) == []

    # Answer the first key wrongly, then rightly; the feedback comes from the kernel.
    first = page.locator(".pangan-keycheck").first
    first.locator(".widget-radio-box label").nth(1).click()
    first.get_by_role("button", name="Periksa jawaban").click()
    page.wait_for_selector(".pangan-keycheck .pangan-msg-error")
    first.locator(".widget-radio-box label").nth(0).click()
    first.get_by_role("button", name="Periksa jawaban").click()
    page.wait_for_selector(".pangan-keycheck .pangan-msg-ok")
    assert "Benar" in first.locator(".pangan-msg-ok").inner_text()

    # Switch language inside the module, then go back home.
    page.get_by_role("button", name="English").click()
    page.wait_for_selector("text=Five Keys to Safer Food")
    page.get_by_role("button", name="← Back to home").first.click()
    page.wait_for_selector("text=Open module")

    after = set(live_server.kernel_pids()) - before
    assert after == kernels_on_home, "opening a module must not start another kernel"
    assert phone.foreign_requests(live_server.url) == []

    # The answers reached the store.
    from toolkit.store import open_store

    answers = open_store(live_server.db_url).answers(workshop="KPG25", participant="B017")
    assert [(a.question_id, a.correct) for a in answers] == [("clean", False), ("clean", True)]


def test_loading_text_and_page_language_follow_the_link(live_server, phone) -> None:
    page = phone.page
    page.goto(f"{live_server.url}/?lang=en")
    page.wait_for_selector(".pangan-card button")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("button", name="Open module").count() >= 1
    # A guest (no codes in the link) is offered the sign-in form, in English.
    assert page.locator("input[placeholder='Workshop code (e.g. KPG25)']").count() == 1
    assert phone.foreign_requests(live_server.url) == []


def test_preheated_pool_reads_the_link_after_hand_over(tmp_path, browser) -> None:
    """With ``--expect`` the page comes from a preheated kernel that still sees its link."""
    from tests.server import start_server

    server = start_server(tmp_path, "--expect", "10")
    try:
        # Started kernels are not enough: Voila uses its pool only once it has read the
        # notebook and rendered into a kernel (under load that comes seconds later).
        deadline = time.monotonic() + 120
        while "is filled with" not in server.log() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "is filled with" in server.log(), "the pool did not fill"
        ctx = browser.new_context(viewport={"width": 360, "height": 740})
        try:
            page = ctx.new_page()
            page.goto(f"{server.url}/?ws=POOL1&p=P9&lang=en", timeout=60_000)
            page.wait_for_selector(".pangan-card button", timeout=60_000)
            header = page.locator(".pangan-header").inner_text()
            assert "Workshop POOL1" in header and "Participant P9" in header
            assert page.get_by_role("button", name="Open module").count() >= 1
        finally:
            ctx.close()
        assert "Using pre-heated kernel" in server.log()
    finally:
        server.stop()
