"""Plain-text reports of the shelf-life calculations, for notebook cells and printouts.

The text is deterministic (fixed decimals, no dates of "today"), so notebooks can check it
with ``# NBVAL_CHECK_OUTPUT``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.i18n import fmt_number, normalize_lang, t


def _n(x: float, lang: str, digits: int) -> str:
    return fmt_number(x, lang, digits)


def dataset_report(
    dataset_id: str, production_date: Any = None, lang: str = "id", kelvin_offset: float = 273.15
) -> str:
    """The full ASLT calculation of a teaching data set as text.

    Args:
        dataset_id: Id of a data set in ``data/datasets.yaml`` (kind ``aslt``).
        production_date: When given, the best-before text is added.
        lang: ``"id"`` or ``"en"``.
        kelvin_offset: 273.15 or 273.

    Returns:
        Lines: rates per temperature with R², both orders' mean R², Ea, k and shelf life at the
        storage temperature with its 95 % interval, implied Q10 and the label text.
    """
    from toolkit.shelflife.content import dataset
    from toolkit.shelflife.model.arrhenius import fit_arrhenius, shelf_life_days
    from toolkit.shelflife.model.dates import best_before

    lang = normalize_lang(lang)
    item = dataset(dataset_id)
    fit = fit_arrhenius(item.frame(), kelvin_offset=kelvin_offset)
    life = shelf_life_days(fit, item.storage_temp_c, item.initial, item.limit)
    lines = [t(f"shelflife.dataset.{item.id}.title", lang)]
    lines += [
        t(
            "shelflife.report.rate",
            lang,
            temp=_n(r.temp_c, lang, 0),
            k=_n(r.k, lang, 5),
            r2=_n(r.r2, lang, 4),
        )
        for r in fit.rates.itertuples()
    ]
    lines.append(
        "; ".join(
            t("shelflife.ui.order_r2", lang, order=o, r2=_n(r2, lang, 4))
            for o, r2 in sorted(fit.order_r2.items())
        )
    )
    lines.append(
        t("shelflife.ui.chosen_order", lang, order=t(f"shelflife.ui.order_{fit.order}", lang))
    )
    lines.append(
        t(
            "shelflife.ui.ea",
            lang,
            kj=_n(fit.ea_kj_per_mol, lang, 1),
            cal=_n(fit.ea_cal_per_mol, lang, 0),
            r2=_n(fit.r2, lang, 4),
            ln_k0=_n(fit.ln_k0, lang, 4),
            slope=_n(fit.slope, lang, 2),
        )
    )
    lines.append(t("shelflife.ui.k_storage", lang, k=_n(life.k, lang, 5)))
    lines.append(
        t(
            "shelflife.ui.shelf_life",
            lang,
            temp=_n(life.temp_c, lang, 0),
            days=_n(life.days, lang, 1),
            months=_n(life.months, lang, 1),
        )
    )
    if life.low is not None:
        lines.append(
            t(
                "shelflife.ui.interval",
                lang,
                level="95",
                low=_n(life.low, lang, 0),
                high=_n(life.high, lang, 0),
            )
        )
    else:
        lines.append(t("shelflife.ui.no_interval", lang))
    lines.append(
        t(
            "shelflife.ui.q10_fit",
            lang,
            temp=_n(life.temp_c, lang, 0),
            q10=_n(fit.q10_at(life.temp_c), lang, 2),
        )
    )
    if production_date is not None:
        lines.append(best_before(production_date, life.days, lang).text)
    return "\n".join(lines)


def describe_table(path: str | Path, lang: str = "id") -> str:
    """A one-line description of an ASLT table: temperatures, points per temperature, days."""
    from toolkit.shelflife.model.table import clean_table, read_table

    path = Path(path)
    table = clean_table(read_table(path.read_text(encoding="utf-8"), path.name))
    temps = sorted(table["temp_c"].unique())
    counts = table.groupby("temp_c").size()
    return t(
        "shelflife.report.table",
        normalize_lang(lang),
        name=path.name,
        temps=", ".join(f"{x:g}" for x in temps),
        n=int(counts.min()) if counts.min() == counts.max() else f"{counts.min()}–{counts.max()}",
        first=f"{table['day'].min():g}",
        last=f"{table['day'].max():g}",
    )
