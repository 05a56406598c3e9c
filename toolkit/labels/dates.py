"""Reading dates as they are printed on Indonesian labels (``12/05/2027``, ``12 Mei 2027``,
``MEI 2027``, ``05/2027`` …) into a ``PrintedDate`` that knows whether the day was printed."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from toolkit import yamlio
from toolkit.errors import ToolkitError

DATA_FILE = Path(__file__).with_name("dates.yaml")


class DateError(ToolkitError):
    """A printed date that cannot be read; the message names the problem."""


@cache
def date_words() -> dict[str, Any]:
    """The month names and lead-in words of ``dates.yaml``."""
    data = yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    months = {name: int(num) for num, names in data["months"].items() for name in names}
    leads = sorted(data["lead_ins"], key=len, reverse=True)
    return {"months": months, "lead_ins": leads}


@dataclasses.dataclass(frozen=True)
class PrintedDate:
    """A date read from a label.

    Attributes:
        year: Four-digit year.
        month: 1–12.
        day: Day of the month, or ``None`` when only month and year were printed.
        text: The text that was read.
    """

    year: int
    month: int
    day: int | None
    text: str = ""

    @property
    def has_day(self) -> bool:
        """True when the day was printed."""
        return self.day is not None

    def last_day(self) -> dt.date:
        """The last day the date covers (the day itself, or the month's last day)."""
        day = self.day or calendar.monthrange(self.year, self.month)[1]
        return dt.date(self.year, self.month, day)


def strip_lead_in(text: str) -> tuple[str, str]:
    """Split ``"Baik digunakan sebelum 12 Mei 2027"`` into lead-in and date text.

    Args:
        text: A printed expiry or production-date line.

    Returns:
        ``(lead_in, rest)``: the lead-in words as printed (``""`` if none) and the rest.
    """
    s = text.strip()
    low = s.lower()
    for lead in date_words()["lead_ins"]:
        if re.match(re.escape(lead) + r"(?![a-z])", low):
            rest = s[len(lead) :]
            return s[: len(lead)], re.sub(r"^[\s:.\-]+", "", rest)
    return "", s


def _month(token: str) -> int | None:
    return date_words()["months"].get(token)


def _digits(token: str) -> bool:
    """Only the digits 0-9 (``str.isdigit`` also takes "²", which ``int`` refuses)."""
    return token.isascii() and token.isdigit()


def _year(token: str) -> int:
    return int(token) + 2000 if len(token) == 2 else int(token)


def parse_printed_date(text: str) -> PrintedDate:
    """Read a printed date, with or without a lead-in such as "Baik digunakan sebelum".

    Accepted: day-month-year with ``/``, ``-``, ``.`` or spaces (``12/05/2027``,
    ``12-05-27``, ``12 05 2027``), month names in Indonesian or English (``12 Mei 2027``,
    ``12 Des 26``, ``May 12, 2027``), and month-year (``MEI 2027``, ``05/2027``).

    Args:
        text: The printed text.

    Returns:
        The date; ``day`` is ``None`` when only month and year were printed.

    Raises:
        DateError: Empty text, an unreadable notation, a month outside 1–12, or a day that
            the month does not have.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("labels.date.empty")
    _, rest = strip_lead_in(text)
    norm = re.sub(r"[/\-.,]+", " ", rest.lower())
    tokens = norm.split()
    day: int | None
    if len(tokens) == 3:
        a, b, c = tokens
        if _digits(a) and len(a) <= 2 and (_digits(b) and len(b) <= 2 or _month(b)):
            day, month = int(a), (int(b) if _digits(b) else _month(b))
            ytok = c
        elif _month(a) and _digits(b) and len(b) <= 2:
            month, day, ytok = _month(a), int(b), c
        else:
            raise DateError("labels.date.unreadable", text=text.strip())
        if not (_digits(ytok) and len(ytok) in (2, 4)):
            raise DateError("labels.date.unreadable", text=text.strip())
    elif len(tokens) == 2:
        a, b = tokens
        day = None
        if _digits(a) and len(a) <= 2 and _digits(b) and len(b) == 4:
            month, ytok = int(a), b
        elif _month(a) and _digits(b) and len(b) in (2, 4):
            month, ytok = _month(a), b
        else:
            raise DateError("labels.date.unreadable", text=text.strip())
    else:
        raise DateError("labels.date.unreadable", text=text.strip())
    year = _year(ytok)
    if year < 1000:  # "0000", "0527": not a year a label prints
        raise DateError("labels.date.unreadable", text=text.strip())
    assert month is not None
    if not 1 <= month <= 12:
        raise DateError("labels.date.bad_month", month=month, text=text.strip())
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError("labels.date.bad_day", day=day, month=month, year=year)
    return PrintedDate(year=year, month=month, day=day, text=text.strip())
