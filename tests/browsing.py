"""Real-browser support (fixtures `browser` and `phone` are in tests/conftest.py): Debian's Chromium (by path, headless), driven by Playwright.

Never a downloaded browser. Every page records the requests it makes so tests can prove that
nothing comes from outside the serving machine.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"width": 360, "height": 740}


def chromium_path() -> str | None:
    for p in CHROMIUM_PATHS:
        if shutil.which(p):
            return p
    return None


def browser_fixture():
    path = chromium_path()
    if path is None:
        pytest.skip("Debian's chromium is not installed (tests/ensure_chromium.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class RecordingPage:
    """A Playwright page at phone size that remembers every request URL."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))

    def foreign_requests(self, base_url: str) -> list[str]:
        """Requests not addressed to the local server (data: and blob: URLs are local)."""
        host = urlsplit(base_url).netloc
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.netloc != host:
                out.append(url)
        return out


def phone_fixture(browser) -> Iterator[RecordingPage]:
    ctx = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="id-ID"
    )
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    yield RecordingPage(page)
    ctx.close()


def layout_problems(page) -> list[str]:
    """Horizontal scrolling and visible tap targets smaller than 40 px."""
    return page.evaluate(
        """() => {
        const out = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > window.innerWidth + 1) {
            out.push(`horizontal scroll: ${doc.scrollWidth} > ${window.innerWidth}`);
        }
        const sel = 'button, .widget-radio-box label, input[type=text], input[type=number], textarea, select';
        for (const el of document.querySelectorAll(sel)) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (r.height < 40) out.push(`small tap target (${Math.round(r.height)} px): ${el.outerHTML.slice(0, 80)}`);
            if (r.right > window.innerWidth + 1) out.push(`off-screen: ${el.outerHTML.slice(0, 80)}`);
        }
        // Content cut off by a narrower box (overflow hidden) is lost on a phone too.
        for (const area of document.querySelectorAll('.jp-OutputArea-output')) {
            const edge = area.getBoundingClientRect().right;
            for (const el of area.querySelectorAll('.pangan-card, button, input, .widget-html')) {
                const r = el.getBoundingClientRect();
                if (r.width > 0 && r.right > edge + 1) {
                    out.push(`cut off at ${Math.round(edge)} px: ${el.outerHTML.slice(0, 80)}`);
                }
            }
        }
        return out;
    }"""
    )
