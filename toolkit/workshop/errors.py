"""Errors a trainer can cause with workshop commands (bad files, unknown codes, bad dates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.errors import ToolkitError

if TYPE_CHECKING:
    from toolkit.workshop.participants import BadRow


class WorkshopError(ToolkitError):
    """A workshop command cannot do what was asked; the message says why."""


class ParticipantsImportError(WorkshopError):
    """A participant file has bad rows, so nothing was imported. ``bad`` lists them."""

    def __init__(self, bad: list[BadRow]) -> None:
        self.bad = list(bad)
        lines = ", ".join(str(b.line) for b in self.bad)
        super().__init__("workshop.error.bad_rows", count=len(self.bad), lines=lines)
