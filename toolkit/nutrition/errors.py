"""The nutrition topic's user-facing error: every invalid input names what is wrong."""

from __future__ import annotations

from typing import Any

from toolkit.errors import ToolkitError


def nutrient_name(key: str, lang: str = "id") -> str:
    """The translated name of a nutrient key (``fat_g`` -> ``lemak total``)."""
    from toolkit.i18n import has, t

    full = f"nutrition.nutrient.{key}"
    return t(full, lang) if has(full, lang) else key


class NutritionError(ToolkitError):
    """Impossible or missing nutrition input (a ``ValueError`` with a locale key).

    A ``nutrient`` parameter (one key) or ``nutrients`` parameter (a list of keys) is shown
    by its translated name, so the message reads "lemak jenuh", not ``saturated_fat_g``.
    """

    def message(self, lang: str = "id") -> str:
        """The message in ``lang`` with nutrient keys replaced by their names."""
        from toolkit.i18n import t

        params: dict[str, Any] = dict(self.params)
        if "nutrient" in params:
            params["nutrient"] = nutrient_name(str(params["nutrient"]), lang)
        if "nutrients" in params:
            params["nutrients"] = ", ".join(
                nutrient_name(str(k), lang) for k in params["nutrients"]
            )
        return t(self.key, lang, **params)
