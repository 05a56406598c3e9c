"""Issue 5 acceptance: a filled CPPB-IRT checklist in Chromium (360×740) gives the level and
a downloadable PDF whose text contains the findings."""

from __future__ import annotations

import base64
import os

import pytest

from tests.browsing import layout_problems
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def gmp_server(tmp_path_factory):
    """A classroom server whose kernels import this checkout's ``toolkit``."""
    from tests.server import start_server

    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    server = start_server(tmp_path_factory.mktemp("gmp-live"), env=env)
    yield server
    server.stop()


def test_filled_checklist_gives_level_and_pdf_with_findings(gmp_server, phone, tmp_path) -> None:
    from toolkit.gmp.report import pdf_text

    page = phone.page
    page.goto(f"{gmp_server.url}/?ws=KPG25&p=G005&lang=id")
    page.wait_for_selector(".pangan-card button")
    card = page.locator(".pangan-card").filter(has_text="Pemeriksaan mandiri CPPB-IRT")
    card.get_by_role("button", name="Buka modul").click()
    page.wait_for_selector(".pangan-gmp-item")
    items = page.locator(".pangan-gmp-item")
    assert items.count() == 37
    page.locator(".pangan-gmp input[type=text]").first.fill("Dapur Ibu Maria")
    for n in range(37):
        # option 0 = the situation is found (nonconformity), option 1 = conforms
        choice = 0 if n + 1 in (21, 2) else 1
        items.nth(n).locator(".widget-radio-box label").nth(choice).click()
    cat = items.nth(20)
    cat.locator("textarea").fill("kucing tidur di atas meja adonan")
    cat.locator("textarea").press("Tab")
    page.get_by_role("button", name="Hitung level").click()
    page.wait_for_selector(".pangan-level")
    assert "Level IV" in page.locator(".pangan-level").inner_text()
    assert layout_problems(page) == []
    link = page.locator("a.pangan-download").first
    with page.expect_download() as info:
        link.click()
    path = tmp_path / "laporan.pdf"
    info.value.save_as(str(path))
    text = " ".join(pdf_text(path.read_bytes()).split())
    assert "kucing tidur di atas meja adonan" in text
    assert "Hewan peliharaan berkeliaran" in text
    href = link.get_attribute("href") or ""
    assert base64.b64decode(href.split(",", 1)[1]).startswith(b"%PDF")
    assert phone.foreign_requests(gmp_server.url) == []


@pytest.mark.parametrize(
    ("title", "selector"),
    [("Higiene dan Sanitasi", ".pangan-dilution"), ("Izin edar produk Anda", ".pangan-pathway")],
)
def test_tool_modules_fit_a_phone(gmp_server, phone, title, selector) -> None:
    page = phone.page
    page.goto(f"{gmp_server.url}/?lang=id")
    page.wait_for_selector(".pangan-card button")
    page.locator(".pangan-card").filter(has_text=title).get_by_role(
        "button", name="Buka modul"
    ).click()
    page.wait_for_selector(selector)
    problems = layout_problems(page)
    assert problems == [], "\n".join(problems)
    if selector == ".pangan-pathway":
        box = page.locator(".pangan-pathway")
        box.locator(".widget-radio-box label", has_text="Nugget ayam beku").click()
        box.get_by_role("button", name="Tentukan jalur izin").click()
        page.wait_for_selector("text=Izin edar BPOM MD")
    else:
        box = page.locator(".pangan-dilution")
        box.get_by_role("button", name="Hitung takaran").click()
        page.wait_for_selector(".pangan-dilution .pangan-msg-ok")
        assert "ppm" in box.locator(".pangan-msg-ok").inner_text()
