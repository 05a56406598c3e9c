"""Registration numbers on packs: ``parse_permit(text) -> Permit`` (raises ``PermitError``)."""

from toolkit.permits.model import Permit, PermitError, PermitField, parse_permit

__all__ = ["Permit", "PermitError", "PermitField", "parse_permit"]
