"""The toolkit's error base: a ``ValueError`` that carries a translatable message key."""

from __future__ import annotations

from typing import Any


class ToolkitError(ValueError):
    """A user-facing error whose text comes from the locale catalogues.

    Args:
        key: Locale key of the message, e.g. ``"permits.error.digits"``.
        **params: Values substituted into the message (``{found}`` …).

    ``str(error)`` is the Indonesian message; ``error.message("en")`` the English one.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("id"))

    def message(self, lang: str = "id") -> str:
        """The message in ``lang`` (``"id"`` or ``"en"``)."""
        from toolkit.i18n import t

        return t(self.key, lang, **self.params)
