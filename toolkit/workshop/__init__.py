"""Workshops: participant lists and cards, exports, certificates and their verification.

The trainer's side of a training day; everything here reads and writes ``toolkit.store``.
Import the submodules you need (``toolkit.workshop.participants``, ``.cards``, ``.export``,
``.certificates``); this package imports nothing heavy itself.
"""

from toolkit.workshop.errors import ParticipantsImportError, WorkshopError

__all__ = ["ParticipantsImportError", "WorkshopError"]
