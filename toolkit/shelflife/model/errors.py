"""The shelf-life topic's user-facing error: a ``ToolkitError`` with a ``shelflife.error.*`` key."""

from __future__ import annotations

from toolkit.errors import ToolkitError


class ShelfLifeError(ToolkitError):
    """Bad shelf-life input: a table, a parameter or a combination the method cannot use.

    ``str(err)`` is Indonesian; ``err.message("en")`` English. Messages name the row and
    column where a single cell is at fault.
    """
