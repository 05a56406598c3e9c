"""PNG export of label pictures through the machine's own Chromium (headless, offline).

Used by trainers to print practice sheets; the classroom itself shows the SVG.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def chromium() -> str | None:
    """The path of the local Chromium, or None when it is not installed."""
    for path in CHROMIUM_PATHS:
        if shutil.which(path):
            return path
    return None


def svg_to_png(svg: str, out: Path, scale: int = 2, timeout: float = 60) -> Path:
    """Render an SVG picture (from ``render_label_svg``) to a PNG file.

    Args:
        svg: The ``<svg>`` text.
        out: The PNG file to write.
        scale: Device pixels per CSS pixel.
        timeout: Seconds to wait for Chromium.

    Returns:
        ``out``.

    Raises:
        RuntimeError: Chromium is missing or did not write the file.
    """
    browser = chromium()
    if browser is None:
        raise RuntimeError("Chromium is not installed")
    m = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', svg)
    width, height = (int(float(m.group(1))), int(float(m.group(2)))) if m else (344, 800)
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory(prefix="pangan-png-") as tmp:
        page = Path(tmp) / "label.html"
        fixed = re.sub(r'width="100%" style="max-width:[\d.]+px"', f'width="{width}"', svg, count=1)
        page.write_text(
            f"<!doctype html><html><body style='margin:0;background:#fff'>{fixed}</body></html>",
            encoding="utf-8",
        )
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp}/profile",
            f"--force-device-scale-factor={scale}",
            f"--window-size={width},{height}",
            f"--screenshot={out}",
            page.as_uri(),
        ]
        subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError("Chromium did not write the PNG")
    return out
