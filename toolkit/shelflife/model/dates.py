"""The label's expiry statement: "Baik digunakan sebelum <tanggal>" (facts.md §1.3).

A shelf life of at most 3 months must show day, month and year; a longer one may show month and
year only. The month-year form here never promises more than the data: it names the last whole
month that ends before the computed date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

from toolkit.shelflife.model.errors import ShelfLifeError
from toolkit.shelflife.model.kinetics import _check_finite
from toolkit.shelflife.model.table import _num

SOURCE = "PerBPOM 31/2018 (keterangan kedaluwarsa); facts.md §1.3"
MAX_DAYS = 36525


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months (clamped to the month's last day)."""
    import calendar

    month0 = day.month - 1 + months
    year = day.year + month0 // 12
    month = month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclasses.dataclass(frozen=True)
class BestBefore:
    """The best-before date and the label text.

    Attributes:
        date: Products are good to use before this date.
        text: The label statement in the requested language.
        date_text: Only the date part as printed.
        day_required: True when the shelf life is ≤ 3 months (day must be shown).
        month_year: True when the text shows month and year only.
        days_used: Whole days of shelf life after the safety margin.
        source: The rule's source.
    """

    date: dt.date
    text: str
    date_text: str
    day_required: bool
    month_year: bool
    days_used: int
    source: str = SOURCE


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ShelfLifeError("shelflife.error.bad_date", value=text[:20])


def best_before(
    production_date: Any,
    days: float,
    lang: str = "id",
    margin: float = 0.0,
    month_year: bool = False,
) -> BestBefore:
    """The best-before date and label text for a product made on ``production_date``.

    Args:
        production_date: A ``date`` or text (``2026-12-01`` or ``01-12-2026``).
        days: Shelf life in days (fractional days are cut off: never round up).
        lang: ``"id"`` (the label's legal language) or ``"en"`` (a translation to read).
        margin: Safety margin as a fraction of the shelf life (0 = none, 0.2 = use 80 %).
        month_year: Show month and year only (allowed only above 3 months); the month shown
            is the last whole month before the computed date.

    Returns:
        ``BestBefore`` with ``date`` and ``text`` ("Baik digunakan sebelum 12 Mei 2027").

    Raises:
        ShelfLifeError: a bad date, days ≤ 0 or absurdly long, margin outside 0…0.9, or
            month-year requested for a shelf life of 3 months or less.
    """
    from toolkit.i18n import fmt_date, normalize_lang, t

    lang = normalize_lang(lang)
    made = _parse_date(production_date)
    _check_finite(days=days, margin=margin)
    if float(days) <= 0 or float(days) > MAX_DAYS:
        raise ShelfLifeError("shelflife.error.days_not_positive", days=_num(float(days)))
    if not 0.0 <= float(margin) <= 0.9:
        raise ShelfLifeError("shelflife.error.bad_margin", margin=_num(float(margin)))
    used = math.floor(float(days) * (1.0 - float(margin)) + 1e-9)
    if used < 1:
        raise ShelfLifeError("shelflife.error.days_not_positive", days=_num(float(days)))
    try:
        date = made + dt.timedelta(days=used)
    except OverflowError:
        raise ShelfLifeError("shelflife.error.bad_date", value=str(made)) from None
    day_required = date <= add_months(made, 3)
    if month_year and day_required:
        raise ShelfLifeError("shelflife.error.day_required")
    if month_year:
        from babel.dates import format_date

        # Read either as "before that month" or "through that month", the month before
        # the computed date's month never overstates the shelf life.
        shown = date.replace(day=1) - dt.timedelta(days=1)
        date_text = format_date(shown, "MMMM y", locale=lang)
    else:
        date_text = fmt_date(date, lang)
    text = t("shelflife.label.best_before", lang, date=date_text)
    return BestBefore(date, text, date_text, day_required, month_year, used)
