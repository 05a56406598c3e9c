"""PDF building blocks shared by cards and certificates: a Unicode font and QR images."""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF

FONT = "dejavu"


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def new_pdf(orientation: str = "P") -> FPDF:
    """An A4 document with DejaVu Sans (regular and bold) for names in any script."""
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    fonts = _font_dir()
    pdf.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_creator("Pangan Aman Toolkit")
    return pdf


def qr_png(data: str, error: str = "m") -> io.BytesIO:
    """A PNG image of a QR code for ``data`` (black on white, quiet zone of 2 modules)."""
    import segno

    buf = io.BytesIO()
    segno.make(data, error=error, micro=False).save(buf, kind="png", scale=8, border=2)
    buf.seek(0)
    return buf
