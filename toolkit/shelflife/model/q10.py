"""Q10: how many times faster quality is lost per 10 °C (facts.md §5.2).

``Q10 = k(T + 10)/k(T) = ts(T)/ts(T + 10)`` and ``ts(T1) = ts(T2) · Q10^((T2 − T1)/10)``.
"""

from __future__ import annotations

from toolkit.shelflife.model.arrhenius import check_temp
from toolkit.shelflife.model.errors import ShelfLifeError
from toolkit.shelflife.model.kinetics import _check_finite
from toolkit.shelflife.model.table import _num


def q10_shelf_life(
    days_at_test: float, test_temp_c: float, target_temp_c: float, q10: float
) -> float:
    """Shelf life at ``target_temp_c`` from the shelf life observed at ``test_temp_c``.

    Args:
        days_at_test: Days until the limit was reached at the test temperature (> 0).
        test_temp_c: Test temperature in °C.
        target_temp_c: Storage temperature in °C.
        q10: The Q10 factor (> 0; usually 1.5–4).

    Returns:
        Days at the target temperature: ``days · q10 ** ((test − target)/10)``.

    Raises:
        ShelfLifeError: days or q10 ≤ 0, non-numbers, temperatures outside −50…150 °C.
    """
    _check_finite(days_at_test=days_at_test, q10=q10)
    if float(days_at_test) <= 0:
        raise ShelfLifeError("shelflife.error.days_not_positive", days=_num(float(days_at_test)))
    if float(q10) <= 0:
        raise ShelfLifeError("shelflife.error.q10_not_positive", q10=_num(float(q10)))
    test = check_temp(test_temp_c, "test_temp_c")
    target = check_temp(target_temp_c, "target_temp_c")
    return float(days_at_test) * float(q10) ** ((test - target) / 10.0)


def q10_from_rates(temp1_c: float, k1: float, temp2_c: float, k2: float) -> float:
    """Q10 from two rate constants: ``(k2/k1) ** (10/(T2 − T1))``.

    With 10 °C between the temperatures this is simply ``k2/k1`` (facts.md §5.3 A:
    0.045/0.020 = 2.25 from 25 to 35 °C).

    Args:
        temp1_c: First temperature (°C).
        k1: Rate constant at ``temp1_c`` (> 0).
        temp2_c: Second temperature (°C), different from the first.
        k2: Rate constant at ``temp2_c`` (> 0).

    Returns:
        Q10.

    Raises:
        ShelfLifeError: k ≤ 0, equal temperatures, temperatures outside −50…150 °C.
    """
    t1 = check_temp(temp1_c, "temp1_c")
    t2 = check_temp(temp2_c, "temp2_c")
    _check_finite(k1=k1, k2=k2)
    for t, k in ((t1, k1), (t2, k2)):
        if float(k) <= 0:
            raise ShelfLifeError(
                "shelflife.error.k_not_positive_at", temp=_num(t), k=_num(float(k))
            )
    if t1 == t2:
        raise ShelfLifeError("shelflife.error.same_temps")
    return (float(k2) / float(k1)) ** (10.0 / (t2 - t1))
