"""Participant lists: reading CSV/Excel files, checking each row, importing them all or none.

A row's *line* is the line a trainer sees in a spreadsheet program: the header is line 1,
the first participant line 2. Columns are recognised by Indonesian or English names
(``Nama``/``name``, ``Nama usaha``/``business name``, ``Desa/Kecamatan``/``village/district``,
``Jenis produk``/``product type``, ``Telepon``/``phone``). Columns the toolkit must not keep
(national ID numbers) are ignored and named in the result.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from toolkit.i18n import t
from toolkit.store import Store
from toolkit.store.models import Participant
from toolkit.workshop.errors import ParticipantsImportError, WorkshopError

REQUIRED = ("name", "business_name", "village", "product_type")
MAX_LEN = 200

# Normalised header (lower case, letters and digits only) → field.
HEADER_ALIASES: dict[str, str] = {
    **dict.fromkeys(["nama", "namapeserta", "namalengkap", "name", "fullname"], "name"),
    **dict.fromkeys(
        ["namausaha", "usaha", "namaumkm", "umkm", "namairtp", "businessname", "business"],
        "business_name",
    ),
    **dict.fromkeys(
        [
            "desakecamatan",
            "desakelurahan",
            "kelurahandesa",
            "desa",
            "kelurahan",
            "kecamatan",
            "alamat",
            "villagedistrict",
            "village",
            "district",
        ],
        "village",
    ),
    **dict.fromkeys(
        ["jenisproduk", "produk", "jenispangan", "jenisprodukpangan", "producttype", "product"],
        "product_type",
    ),
    **dict.fromkeys(
        [
            "telepon",
            "telp",
            "notelp",
            "notelepon",
            "nomortelepon",
            "nohp",
            "nomorhp",
            "hp",
            "wa",
            "nowa",
            "whatsapp",
            "phone",
            "phonenumber",
            "mobile",
        ],
        "phone",
    ),
}
# Personal data the toolkit never stores (DESIGN: minimal personal data).
FORBIDDEN_HEADERS = {"nik", "noktp", "nomorktp", "ktp", "nomorindukkependudukan", "nationalid"}


def _norm_header(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text or "").lower())


@dataclasses.dataclass(frozen=True)
class BadRow:
    """One row that cannot be imported: its line, the field and a locale key for the reason."""

    line: int
    field: str
    reason: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        """The problem in ``lang``, e.g. "baris 17: Nama kosong"."""
        field = t(f"workshop.field.{self.field}", lang)
        why = t(f"workshop.import.reason.{self.reason}", lang, field=field, **self.params)
        return t("workshop.import.bad_row", lang, line=self.line, problem=why)


@dataclasses.dataclass
class ParsedFile:
    """The readable rows of a file (``(line, fields)``), its bad rows and ignored columns."""

    rows: list[tuple[int, dict[str, str | None]]]
    bad: list[BadRow]
    ignored_columns: list[str]


@dataclasses.dataclass
class ImportResult:
    """What an import did: the stored participants, skipped bad rows, ignored columns."""

    imported: list[Participant]
    bad: list[BadRow]
    ignored_columns: list[str]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_csv(path: Path) -> Iterator[tuple[int, list[str]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise WorkshopError("workshop.error.encoding", path=str(path))
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _read_excel(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        detail = str(exc)[:120]
        raise WorkshopError("workshop.error.unreadable", path=str(path), detail=detail) from exc
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows():
            cells = [c.value for c in row]
            line = next((c.row for c in row if getattr(c, "row", None)), None)
            if line is None:
                continue
            yield line, cells
    finally:
        book.close()


def read_rows(path: str | Path) -> ParsedFile:
    """Read a participant file and check every row.

    Args:
        path: A ``.csv``/``.txt`` (comma, semicolon or tab separated; UTF-8 or Windows-1252)
            or ``.xlsx``/``.xlsm`` file whose first row holds the column names.

    Returns:
        The good rows with their lines, the bad rows, and the ignored columns.

    Raises:
        WorkshopError: the file is missing, of an unknown type, empty, or lacks a required
            column.
    """
    path = Path(path)
    if not path.is_file():
        raise WorkshopError("workshop.error.no_file", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        lines: Iterator[tuple[int, list[Any]]] = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        lines = _read_excel(path)
    else:
        raise WorkshopError("workshop.error.file_type", path=str(path))

    header: list[str] | None = None
    columns: dict[int, str] = {}
    ignored: list[str] = []
    rows: list[tuple[int, dict[str, str | None]]] = []
    bad: list[BadRow] = []
    seen: dict[tuple[str, str], int] = {}
    for line, cells in lines:
        texts = [_cell_text(c) for c in cells]
        if header is None:
            if not any(texts):
                continue
            header = texts
            for i, name in enumerate(header):
                key = _norm_header(name)
                field = HEADER_ALIASES.get(key)
                if field and (field not in columns.values() or field == "village"):
                    columns[i] = field
                elif name:
                    ignored.append(name)
            missing = [f for f in REQUIRED if f not in columns.values()]
            if missing:
                raise WorkshopError(
                    "workshop.error.missing_columns",
                    columns=", ".join(t(f"workshop.field.{f}", "id") for f in missing),
                )
            continue
        if not any(texts):
            continue
        fields: dict[str, str | None] = {}
        for i, field in columns.items():
            value = texts[i] if i < len(texts) else ""
            if field == "village" and fields.get("village") and value:
                value = f"{fields['village']}, {value}"
            elif field == "village" and not value:
                value = fields.get("village") or ""
            if field == "phone":
                fields[field] = _phone_raw(cells[i] if i < len(cells) else None)
            else:
                fields[field] = " ".join(value.split())
        problem = _check(line, fields)
        if problem is None:
            dup_key = (fields["name"].casefold(), fields["business_name"].casefold())
            if dup_key in seen:
                problem = BadRow(line, "name", "duplicate", {"other": seen[dup_key]})
            else:
                seen[dup_key] = line
        if problem is not None:
            bad.append(problem)
        else:
            rows.append((line, fields))
    if header is None:
        raise WorkshopError("workshop.error.empty_file", path=str(path))
    if not rows and not bad:
        raise WorkshopError("workshop.error.empty_file", path=str(path))
    return ParsedFile(rows=rows, bad=bad, ignored_columns=ignored)


def _phone_raw(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = str(int(value))
        # Spreadsheets drop the leading 0 of "0812…" when the column is numeric.
        return "0" + text if text.startswith("8") else text
    return str(value).strip() or None


PHONE_RE = re.compile(r"^\+?[0-9]{8,15}$")


def normalize_phone(text: str | None) -> str | None:
    """A phone number without spaces, dashes, dots or brackets; None when empty.

    Raises:
        ValueError: not 8–15 digits (with an optional leading ``+``).
    """
    if not text:
        return None
    compact = re.sub(r"[\s\-.()]", "", text)
    if not PHONE_RE.match(compact):
        raise ValueError(text)
    return compact


def _check(line: int, fields: dict[str, str | None]) -> BadRow | None:
    for field in REQUIRED:
        value = fields.get(field) or ""
        if not value:
            return BadRow(line, field, "empty")
        if len(value) > MAX_LEN:
            return BadRow(line, field, "too_long", {"max": MAX_LEN})
    try:
        fields["phone"] = normalize_phone(fields.get("phone"))
    except ValueError:
        return BadRow(line, "phone", "phone", {"value": fields.get("phone")})
    return None


def import_participants(
    store: Store, workshop: str, path: str | Path, skip_bad: bool = False
) -> ImportResult:
    """Import a participant file into a workshop: all rows, or none when a row is bad.

    Rows already registered in the workshop (same name and business) count as bad rows.

    Args:
        store: The results store.
        workshop: Workshop code (the workshop must exist).
        path: CSV or Excel file (see :func:`read_rows`).
        skip_bad: Import the good rows even when some rows are bad.

    Returns:
        The imported participants (with their new codes), the bad rows, ignored columns.

    Raises:
        WorkshopError: unknown workshop or unreadable file.
        ParticipantsImportError: some rows are bad and ``skip_bad`` is False; its ``bad``
            attribute lists them and nothing was imported.
    """
    if store.workshop(workshop) is None:
        raise WorkshopError("workshop.error.no_workshop", code=workshop)
    parsed = read_rows(path)
    existing = {
        (p.name.casefold(), p.business_name.casefold()) for p in store.participants(workshop)
    }
    good: list[dict[str, str | None]] = []
    bad = list(parsed.bad)
    for line, fields in parsed.rows:
        if (fields["name"].casefold(), fields["business_name"].casefold()) in existing:
            bad.append(BadRow(line, "name", "registered"))
        else:
            good.append(fields)
    bad.sort(key=lambda b: b.line)
    if bad and not skip_bad:
        raise ParticipantsImportError(bad)
    imported = store.add_participants(workshop, good) if good else []
    return ImportResult(imported=imported, bad=bad, ignored_columns=parsed.ignored_columns)


def forbidden_columns(ignored: list[str]) -> list[str]:
    """The ignored columns that hold data the toolkit must not keep (national ID numbers)."""
    return [c for c in ignored if _norm_header(c) in FORBIDDEN_HEADERS]
