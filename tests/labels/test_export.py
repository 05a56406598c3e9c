"""PNG export of a label picture through the local Chromium."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toolkit.labels.export import chromium, svg_to_png
from toolkit.labels.generator import generate_label
from toolkit.labels.svg import render_label_svg


@pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed")
def test_svg_to_png_writes_a_png(tmp_path: Path) -> None:
    p = generate_label(1, 0, 2, dt.date(2026, 3, 1))
    out = svg_to_png(render_label_svg(p.label), tmp_path / "label.png")
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width == 2 * 344
