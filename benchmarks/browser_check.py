"""Cross-check of the load benchmark's timings with real pages in Debian's Chromium.

N phone-sized Chromium pages (headless, by path; never a downloaded browser) open their
personal links on a fresh ``pangan serve --expect N`` at once, as ``workshop_load.py`` does
with its simulated trainees, and measure the same two things:

- ``page``: arrival → the classroom's widgets usable (the module cards' buttons visible);
- ``open``: tap "Buka modul" on the hygiene card → the module's first check visible.

    python benchmarks/browser_check.py --users 1
    python benchmarks/browser_check.py --users 10 --json browser10.json

Traffic goes only to 127.0.0.1; every wait is bounded. Real browsers on the same 2 cores cost
about five times the server's CPU (SERVING.md), so N stays small here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.workshop_load import (  # noqa: E402 - the repository root first
    WORKSHOP,
    module_index,
    pct,
    start_pangan,
)
from tests.browsing import CHROMIUM_ARGS, PHONE, chromium_path  # noqa: E402

WAIT_MS = 120_000


async def one_page(browser, url: str, index: int, out: dict) -> None:
    ctx = await browser.new_context(viewport=PHONE)
    try:
        page = await ctx.new_page()
        t0 = time.perf_counter()
        await page.goto(url, timeout=WAIT_MS)
        cards = page.locator(".pangan-card button")
        await cards.nth(index).wait_for(state="visible", timeout=WAIT_MS)
        out["page_s"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        await cards.nth(index).click(timeout=WAIT_MS)
        await page.get_by_role("button", name="Periksa jawaban").first.wait_for(
            state="visible", timeout=WAIT_MS
        )
        out["open_ms"] = (time.perf_counter() - t1) * 1000
    except Exception as exc:  # counted, the run goes on
        out["error"] = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        await ctx.close()


async def pages_at_once(base: str, users: int, index: int) -> list[dict]:
    """``users`` pages of one Chromium, opened at the same moment."""
    from playwright.async_api import async_playwright

    results: list[dict] = [{} for _ in range(users)]
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            await asyncio.gather(
                *(
                    one_page(browser, f"{base}/?ws={WORKSHOP}&p=B{i:03d}&lang=id", index, r)
                    for i, r in enumerate(results)
                )
            )
        finally:
            await browser.close()
    return results


def run(users: int) -> dict:
    if chromium_path() is None:
        raise SystemExit("Debian's chromium is not installed (apt-get install chromium)")
    index = module_index("hygiene")
    with tempfile.TemporaryDirectory(prefix="pangan-browser-") as tmp:
        server = start_pangan(Path(tmp), users, [])
        try:
            end = time.monotonic() + 300
            while not server.settled(users) and time.monotonic() < end:
                time.sleep(1)
            results = asyncio.run(pages_at_once(server.url, users, index))
        finally:
            server.stop()
    pages = [r["page_s"] for r in results if "page_s" in r]
    opens = [r["open_ms"] for r in results if "open_ms" in r]
    return {
        "users": users,
        "page_p50_s": pct(pages, 0.5),
        "page_p95_s": pct(pages, 0.95),
        "open_p50_ms": pct(opens, 0.5),
        "open_p95_ms": pct(opens, 0.95),
        "errors": [r["error"] for r in results if "error" in r],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=1)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    result = run(args.users)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0 if not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
