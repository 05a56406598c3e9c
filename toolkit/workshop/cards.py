"""Participant cards: an A4 PDF of cut-out cards with name, code and the personal-link QR."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from toolkit.i18n import fmt_date, t
from toolkit.store import Store
from toolkit.workshop.errors import WorkshopError
from toolkit.workshop.links import DEFAULT_PORT, personal_link
from toolkit.workshop.pdf import FONT, new_pdf, qr_png

COLUMNS, ROWS = 2, 5
MARGIN = 10.0
CARD_W = (210 - 2 * MARGIN) / COLUMNS
CARD_H = (297 - 2 * MARGIN) / ROWS
QR_SIZE = 38.0


@dataclasses.dataclass(frozen=True)
class Card:
    """What one card shows."""

    name: str
    business: str
    code: str
    link: str


def cards_for(
    store: Store, workshop: str, host: str, port: int = DEFAULT_PORT, codes: list[str] | None = None
) -> list[Card]:
    """The cards of a workshop's participants (or only of ``codes``), in import order.

    Raises:
        WorkshopError: unknown workshop, or a workshop without participants.
    """
    if store.workshop(workshop) is None:
        raise WorkshopError("workshop.error.no_workshop", code=workshop)
    people = store.participants(workshop)
    if codes:
        wanted = {c.upper() for c in codes}
        people = [p for p in people if p.code in wanted]
    if not people:
        raise WorkshopError("workshop.error.no_participants", code=workshop)
    return [
        Card(p.name, p.business_name, p.code, personal_link(workshop, p.code, host, port))
        for p in people
    ]


def write_cards_pdf(
    store: Store,
    workshop: str,
    out: str | Path,
    host: str,
    port: int = DEFAULT_PORT,
    codes: list[str] | None = None,
) -> list[Card]:
    """Write the printable cards (10 per A4 page) and return what they show.

    Args:
        store: The results store.
        workshop: Workshop code.
        out: PDF file to write.
        host: Address of the classroom server as trainees' phones reach it.
        port: Its port.
        codes: Only these participants (default: all).

    Raises:
        WorkshopError: unknown workshop, no participants, or the file cannot be written.
    """
    ws = store.workshop(workshop)
    cards = cards_for(store, workshop, host, port, codes)
    title = ws.name if ws else workshop
    when = fmt_date(ws.start_date, "id") if ws and ws.start_date else ""
    pdf = new_pdf("P")
    pdf.set_title(t("workshop.cards.title", "id", workshop=title))
    per_page = COLUMNS * ROWS
    for i, card in enumerate(cards):
        if i % per_page == 0:
            pdf.add_page()
        slot = i % per_page
        x = MARGIN + (slot % COLUMNS) * CARD_W
        y = MARGIN + (slot // COLUMNS) * CARD_H
        pdf.set_draw_color(160, 160, 160)
        pdf.set_dash_pattern(dash=1.5, gap=1.5)
        pdf.rect(x, y, CARD_W, CARD_H)
        pdf.set_dash_pattern()
        pdf.image(qr_png(card.link), x + CARD_W - QR_SIZE - 3, y + 3, QR_SIZE, QR_SIZE)
        text_w = CARD_W - QR_SIZE - 9
        pdf.set_xy(x + 4, y + 4)
        pdf.set_font(FONT, "", 7)
        pdf.multi_cell(text_w, 3.2, f"{title}\n{when}".strip(), new_x="LEFT")
        pdf.set_x(x + 4)
        pdf.set_font(FONT, "B", 11)
        pdf.multi_cell(text_w, 5, card.name[:60], new_x="LEFT", max_line_height=5)
        pdf.set_x(x + 4)
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(text_w, 3.8, card.business[:60], new_x="LEFT")
        pdf.set_xy(x + 4, y + CARD_H - 20)
        pdf.set_font(FONT, "", 7)
        pdf.cell(text_w, 3.5, t("workshop.cards.code", "id"))
        pdf.set_xy(x + 4, y + CARD_H - 16)
        pdf.set_font(FONT, "B", 16)
        pdf.cell(text_w, 7, card.code)
        pdf.set_xy(x + 3, y + CARD_H - 8)
        pdf.set_font(FONT, "", 6.5)
        pdf.cell(
            CARD_W - 6, 3, t("workshop.cards.scan", "id") + " / " + t("workshop.cards.scan", "en")
        )
        pdf.set_xy(x + 3, y + CARD_H - 5)
        pdf.cell(CARD_W - 6, 3, card.link)
    try:
        pdf.output(str(out))
    except OSError as exc:
        raise WorkshopError("workshop.error.cannot_write", path=str(out)) from exc
    return cards
