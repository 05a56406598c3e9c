"""The ING module in the classroom, in Debian's Chromium at 360 px: layout and a calculation."""

from __future__ import annotations

import pytest

from tests.browsing import layout_problems
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """A classroom server whose kernels import this checkout's toolkit (also in a worktree)."""
    from tests.server import start_server

    server = start_server(tmp_path_factory.mktemp("nutrition"), env={"PYTHONPATH": str(ROOT)})
    yield server
    server.stop()


def test_nutrition_module_on_a_phone(live_server, phone) -> None:
    page = phone.page
    page.goto(f"{live_server.url}/?ws=KPG25&p=N001&lang=id")
    page.wait_for_selector(".pangan-card button")
    card = page.locator(".pangan-card", has_text="Informasi Nilai Gizi")
    assert card.count() == 1
    card.get_by_role("button").first.click()
    page.wait_for_selector(".pangan-nutrition-calculator")
    page.wait_for_selector(".pangan-recipe")
    assert layout_problems(page) == []

    # The first calculator is prefilled with the worked example: compute it.
    calc = page.locator(".pangan-nutrition-calculator").first
    calc.get_by_role("button", name="Hitung ING").click()
    page.wait_for_selector(".pangan-nutrition-calculator svg")
    text = calc.inner_text()
    assert "130 kkal" in text and "BELUM DIKONFIRMASI" in text
    assert calc.locator("a[download='informasi-nilai-gizi.svg']").count() == 1
    assert layout_problems(page) == []  # the panel and tables fit the phone

    # A drill answered in the page is checked by the kernel and stored.
    drill = page.locator(".pangan-drill").first
    drill.locator("input").fill("8,8")
    drill.get_by_role("button", name="Periksa jawaban").click()
    page.wait_for_selector(".pangan-drill .pangan-msg-ok")
    assert phone.foreign_requests(live_server.url) == []

    from toolkit.store import open_store

    store = open_store(live_server.db_url)
    answers = store.answers(workshop="KPG25", participant="N001")
    assert ("step_per_serving", True) in [(a.question_id, a.correct) for a in answers]
    assert any(a.quiz == "nutrition.calculator" for a in answers)
