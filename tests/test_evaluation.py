"""N-gain (facts.md §8.1), item analysis and KR-20 against published worked examples."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.evaluation import (
    EvaluationError,
    class_n_gain,
    item_analysis,
    kr20,
    mean_n_gain,
    n_gain,
    n_gain_category,
    n_gain_effectiveness,
)


def test_facts_worked_example() -> None:
    # facts.md §8.1: pre 45, post 80, max 100 -> g = 35/55 = 0.636 -> sedang, cukup efektif
    g = n_gain(45, 80)
    assert g == pytest.approx(35 / 55)
    assert round(g, 3) == 0.636
    assert n_gain_category(g) == "sedang"
    assert n_gain_effectiveness(g) == "cukup_efektif"


def test_other_max_score_and_negative_gain() -> None:
    assert n_gain(5, 15, max_score=20) == pytest.approx(10 / 15)
    assert n_gain(60, 40) == pytest.approx(-0.5)
    assert n_gain_category(-0.5) == "rendah"


def test_undefined_when_pre_is_max() -> None:
    assert n_gain(100, 100) is None
    assert n_gain(20, 18, max_score=20) is None
    assert n_gain_category(None) is None
    assert n_gain_effectiveness(None) is None


@pytest.mark.parametrize(
    ("g", "category"),
    [
        (1.0, "tinggi"),
        (0.7, "tinggi"),
        (0.6999, "sedang"),
        (0.3, "sedang"),
        (0.2999, "rendah"),
        (0.0, "rendah"),
    ],
)
def test_category_boundaries(g: float, category: str) -> None:
    # Documented choice (Hake 1998): high when g >= 0.7, medium 0.3 <= g < 0.7.
    assert n_gain_category(g) == category


def test_boundary_from_scores() -> None:
    # pre 50, post 85 -> g = 35/50 = 0.7 exactly -> tinggi
    assert n_gain_category(n_gain(50, 85)) == "tinggi"


@pytest.mark.parametrize(
    ("g", "label"),
    [
        (0.39, "tidak_efektif"),
        (0.40, "kurang_efektif"),
        (0.555, "kurang_efektif"),
        (0.56, "cukup_efektif"),
        (0.755, "cukup_efektif"),
        (0.76, "efektif"),
    ],
)
def test_effectiveness_half_open(g: float, label: str) -> None:
    assert n_gain_effectiveness(g) == label


@pytest.mark.parametrize(("pre", "post"), [(-1, 50), (50, 101), ("x", 50)])
def test_out_of_range_scores(pre, post) -> None:
    with pytest.raises(EvaluationError):
        n_gain(pre, post)
    with pytest.raises(EvaluationError):
        n_gain(10, 20, max_score=0)


def test_class_gains() -> None:
    pairs = [(40, 70), (60, 80), (100, 100)]
    assert mean_n_gain(pairs) == pytest.approx((30 / 60 + 20 / 40) / 2)
    assert class_n_gain(pairs) == pytest.approx((250 / 3 - 200 / 3) / (100 - 200 / 3))
    assert mean_n_gain([]) is None and class_n_gain([]) is None


# Published worked example: K. L. Wuensch, "The Kuder-Richardson 20" (East Carolina
# University StatHelp, https://core.ecu.edu/wuenschk/StatHelp/KR20.txt): ten students,
# ten items. The page lists p per item (.7 .7 .6 .7 .6 .8 .7 .7 .5 .6), p*q per item
# (sum 2.18) and the total-score variance 5.84, so KR-20 = 10/9 * (1 - 2.18/5.84).
WUENSCH = pd.DataFrame(
    [
        [1, 1, 1, 1, 1, 1, 0, 1, 1, 0],
        [1, 0, 1, 1, 0, 1, 1, 1, 0, 1],
        [1, 1, 1, 1, 0, 1, 1, 0, 0, 1],
        [0, 0, 1, 0, 0, 0, 1, 0, 0, 0],
        [0, 0, 0, 0, 0, 1, 0, 0, 1, 0],
        [1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
        [1, 1, 0, 1, 1, 1, 0, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, 1, 1, 0, 1],
        [0, 1, 0, 1, 1, 1, 1, 1, 0, 1],
        [1, 1, 0, 1, 1, 0, 1, 1, 1, 0],
    ],
    index=list("ABCDEFGHIJ"),
    columns=[f"i{n}" for n in range(1, 11)],
)


def test_kr20_published_example() -> None:
    published_p = [0.7, 0.7, 0.6, 0.7, 0.6, 0.8, 0.7, 0.7, 0.5, 0.6]
    table = item_analysis(WUENSCH)
    assert list(table["difficulty"].round(2)) == published_p
    assert WUENSCH.sum(axis=1).var(ddof=0) == pytest.approx(5.84)
    assert kr20(WUENSCH) == pytest.approx(10 / 9 * (1 - 2.18 / 5.84))
    assert round(kr20(WUENSCH), 3) == 0.696


def test_discrimination_upper_lower_27_percent() -> None:
    # 10 participants -> groups of round(2.7) = 3. Totals: F 9, H 9, A 8 (upper);
    # lowest three: D 2, E 2, and the last of the 7s in row order (J).
    table = item_analysis(WUENSCH)
    upper = WUENSCH.loc[["F", "H", "A"]].mean()
    lower = WUENSCH.loc[["J", "D", "E"]].mean()
    assert list(table["p_upper"]) == pytest.approx(list(upper))
    assert list(table["p_lower"]) == pytest.approx(list(lower))
    assert table.loc["i1", "discrimination"] == pytest.approx(1 - 1 / 3)
    assert table.loc["i6", "discrimination"] == pytest.approx(1 - 1 / 3)


def test_perfectly_discriminating_item() -> None:
    df = pd.DataFrame(
        {"good": [1, 1, 1, 0, 0, 0], "flat": [1, 1, 1, 1, 1, 1], "x": [1, 1, 0, 0, 0, 0]}
    )
    table = item_analysis(df)
    assert table.loc["good", "discrimination"] == 1
    assert table.loc["flat", "discrimination"] == 0
    assert table.loc["flat", "difficulty"] == 1


def test_kr20_undefined_and_bad_input() -> None:
    assert kr20(pd.DataFrame({"a": [1, 0, 1]})) is None
    assert kr20(pd.DataFrame({"a": [1, 1], "b": [0, 0]})) is None
    with pytest.raises(EvaluationError):
        kr20(pd.DataFrame({"a": [1, 2], "b": [0, 1]}))
    with pytest.raises(EvaluationError):
        item_analysis(pd.DataFrame({"a": [1]}))
