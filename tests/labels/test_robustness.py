"""Whatever is printed on a label, the checker answers with findings and never crashes."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.labels import Label, check_label, parse_printed_date
from toolkit.labels.dates import DateError
from toolkit.labels.model import KLIK, MAIN_PANEL_FIELDS
from toolkit.permits import PermitError, parse_permit

text = st.one_of(st.none(), st.text(max_size=80))
printed = st.one_of(
    text,
    st.from_regex(r"(P-IRT No\. )?[0-9 ./-]{0,20}", fullmatch=True),
    st.from_regex(
        r"(Baik digunakan sebelum )?[0-9]{1,2}[ /-][A-Za-z0-9]{1,9}[ /-][0-9]{2,4}", fullmatch=True
    ),
)


@settings(max_examples=150, deadline=None)
@given(
    name=text,
    ingredients=text,
    net=printed,
    permit=printed,
    best=printed,
    produced=printed,
    claims=st.lists(st.text(max_size=40), max_size=3),
    main=st.one_of(st.none(), st.sets(st.sampled_from(MAIN_PANEL_FIELDS))),
    shelf=st.one_of(st.none(), st.integers(min_value=-5, max_value=5000)),
    defects=st.lists(st.text(max_size=10), max_size=2),
)
def test_check_label_never_raises(
    name, ingredients, net, permit, best, produced, claims, main, shelf, defects
) -> None:
    label = Label(
        product_name=name,
        ingredients=ingredients,
        net_content=net,
        permit_number=permit,
        best_before=best,
        production_date=produced,
        claims=claims,
        main_panel=main,
        shelf_life_days=shelf,
        package_defects=defects,
    )
    for f in check_label(label, today=dt.date(2026, 3, 1)):
        assert f.klik in KLIK
        assert f.message("id") and f.message("en")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_readers_raise_only_their_own_errors(s: str) -> None:
    try:
        parse_permit(s)
    except PermitError as err:
        assert err.message("en")
    try:
        parse_printed_date(s)
    except DateError as err:
        assert err.message("en")
