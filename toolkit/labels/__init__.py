"""Food labels and Cek KLIK: ``Label``, ``check_label(label, today=None) -> list[Finding]``,
printed-date reading and allergen detection."""

from toolkit.labels.allergens import allergen_hits, detect_allergens
from toolkit.labels.checker import check_label
from toolkit.labels.dates import DateError, PrintedDate, parse_printed_date
from toolkit.labels.model import FIELDS, KLIK, MAIN_PANEL_FIELDS, Finding, Label

__all__ = [
    "FIELDS",
    "KLIK",
    "MAIN_PANEL_FIELDS",
    "DateError",
    "Finding",
    "Label",
    "PrintedDate",
    "allergen_hits",
    "check_label",
    "detect_allergens",
    "parse_printed_date",
]
