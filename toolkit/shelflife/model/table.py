"""Measurement tables for accelerated shelf-life tests: reading CSV/Excel and validating cells.

A table has one row per measurement with the columns ``temp_c`` (storage temperature, °C),
``day`` (days since production) and ``value`` (the quality parameter). Indonesian column
names (``suhu``, ``hari``, ``nilai``) are accepted too. Row numbers in messages count the
header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from toolkit.shelflife.model.errors import ShelfLifeError

if TYPE_CHECKING:
    import pandas as pd

COLUMNS: tuple[str, ...] = ("temp_c", "day", "value")
ALIASES: dict[str, str] = {
    "temp_c": "temp_c",
    "temp": "temp_c",
    "temperature": "temp_c",
    "t_c": "temp_c",
    "suhu": "temp_c",
    "suhu_c": "temp_c",
    "day": "day",
    "days": "day",
    "hari": "day",
    "waktu": "day",
    "value": "value",
    "nilai": "value",
    "mutu": "value",
}
TEMP_MIN_C = -50.0
TEMP_MAX_C = 150.0
MAX_ROWS = 2000
MAX_BYTES = 1_000_000
MIN_POINTS_PER_TEMP = 3


def _canon(name: Any) -> str:
    text = re.sub(r"\(.*?\)|\[.*?\]", "", str(name)).strip().lower()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return ALIASES.get(text, text)


def _to_float(cell: Any) -> float | None:
    """A cell as a float, accepting Indonesian decimal commas (``0,5``); None if not a number."""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float):
        x = float(cell)
        return x if math.isfinite(x) else None
    text = str(cell).strip().replace("\u2212", "-")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        x = float(text)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def read_table(source: str | bytes, filename: str | None = None) -> pd.DataFrame:
    """Read a pasted or uploaded measurement table.

    Args:
        source: CSV text (comma, semicolon or tab separated), or the bytes of a CSV or
            Excel (``.xlsx``) file.
        filename: The uploaded file's name; ``.xlsx``/``.xls`` selects Excel.

    Returns:
        The raw table (cells not yet checked; pass it to ``clean_table``).

    Raises:
        ShelfLifeError: empty, too large or unreadable input.
    """
    import pandas as pd

    size = len(source)
    if size == 0 or (isinstance(source, str) and not source.strip()):
        raise ShelfLifeError("shelflife.error.empty_table")
    if size > MAX_BYTES:
        raise ShelfLifeError("shelflife.error.too_large", limit=MAX_BYTES // 1000)
    name = (filename or "").lower()
    try:
        if name.endswith((".xlsx", ".xlsm")):
            data = source if isinstance(source, bytes) else source.encode()
            frame = pd.read_excel(io.BytesIO(data), dtype=object, engine="openpyxl")
        else:
            text = source.decode("utf-8-sig") if isinstance(source, bytes) else source
            text = text.strip("\ufeff")
            first = next((ln for ln in text.splitlines() if ln.strip()), "")
            sep = "\t" if "\t" in first else (";" if ";" in first else ",")
            frame = pd.read_csv(
                io.StringIO(text), sep=sep, dtype=str, comment="#", skip_blank_lines=True
            )
    except ShelfLifeError:
        raise
    except Exception as exc:  # any parser failure is the user's file, not our bug
        raise ShelfLifeError("shelflife.error.unreadable", detail=type(exc).__name__) from exc
    if len(frame) > MAX_ROWS:
        raise ShelfLifeError("shelflife.error.too_many_rows", limit=MAX_ROWS)
    return frame


def _as_frame(data: Any) -> pd.DataFrame:
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, str | bytes):
        return read_table(data)
    if isinstance(data, Mapping):
        try:
            return pd.DataFrame(dict(data))
        except ValueError as exc:
            raise ShelfLifeError("shelflife.error.ragged_columns") from exc
    if isinstance(data, Iterable):
        return pd.DataFrame(list(data))
    raise ShelfLifeError("shelflife.error.empty_table")


def clean_table(data: Any) -> pd.DataFrame:
    """Validate a measurement table and return it with float columns ``temp_c, day, value``.

    Args:
        data: A DataFrame, a mapping of columns, a list of row mappings, or CSV text.

    Returns:
        A new DataFrame with exactly the columns ``temp_c``, ``day``, ``value`` (floats)
        and a ``row`` column holding the spreadsheet row number of each measurement.

    Raises:
        ShelfLifeError: a missing column, a non-numeric or empty cell (naming row and
            column), a temperature outside −50…150 °C, a negative day, or two rows with the
            same temperature and day.
    """
    import pandas as pd

    frame = _as_frame(data)
    if len(frame) == 0:
        raise ShelfLifeError("shelflife.error.empty_table")
    if len(frame) > MAX_ROWS:
        raise ShelfLifeError("shelflife.error.too_many_rows", limit=MAX_ROWS)
    names: dict[str, Any] = {}
    for col in frame.columns:
        canon = _canon(col)
        if canon in COLUMNS and canon not in names:
            names[canon] = col
    for col in COLUMNS:
        if col not in names:
            raise ShelfLifeError(
                "shelflife.error.missing_column",
                column=col,
                found=", ".join(str(c) for c in frame.columns)[:200],
            )
    out: dict[str, list[float]] = {c: _column(frame[names[c]], c) for c in COLUMNS}
    for pos, temp in enumerate(out["temp_c"]):
        if not TEMP_MIN_C <= temp <= TEMP_MAX_C:
            raise ShelfLifeError(
                "shelflife.error.temp_range",
                row=pos + 2,
                temp=_num(temp),
                low=_num(TEMP_MIN_C),
                high=_num(TEMP_MAX_C),
            )
    for pos, day in enumerate(out["day"]):
        if day < 0:
            raise ShelfLifeError("shelflife.error.negative_day", row=pos + 2, day=_num(day))
    seen: dict[tuple[float, float], int] = {}
    for pos, key in enumerate(zip(out["temp_c"], out["day"], strict=True)):
        if key in seen:
            raise ShelfLifeError(
                "shelflife.error.duplicate_row",
                row=pos + 2,
                other=seen[key],
                temp=_num(key[0]),
                day=_num(key[1]),
            )
        seen[key] = pos + 2
    result = pd.DataFrame(out, dtype=float)
    result["row"] = range(2, len(result) + 2)
    return result


def _column(series: Any, col: str) -> list[float]:
    """One column as floats; the first bad cell raises with its row (header = row 1)."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        values = series.to_numpy(dtype=float)
        if np.isfinite(values).all():
            return values.tolist()
    result: list[float] = []
    for pos, raw in enumerate(series.tolist()):
        x = _to_float(raw)
        if x is None:
            cell = "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else raw
            cell = str(cell)[:40]
            if cell.strip() == "":
                raise ShelfLifeError("shelflife.error.empty_cell", row=pos + 2, column=col)
            raise ShelfLifeError("shelflife.error.not_number", row=pos + 2, column=col, cell=cell)
        result.append(x)
    return result


def _num(x: float) -> str:
    """A number for a message: no trailing ``.0``."""
    return f"{x:g}"
