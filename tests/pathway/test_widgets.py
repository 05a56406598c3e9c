"""The pathway advisor widget, driven in plain pytest."""

from __future__ import annotations

from toolkit.app.session import Session
from toolkit.permits.pathway import Product
from toolkit.permits.pathway_widgets import PathwayAdvisor, food_groups_html
from toolkit.store import open_store


def test_example_fills_the_form_and_decides(sqlite_url) -> None:
    session = Session(workshop="KPG25", participant="017", lang="id")
    session.use_store(open_store(sqlite_url))
    box = PathwayAdvisor(session)
    box._example.value = "nugget_beku"
    box.click()
    assert box.advice.outcome == "bpom_md"
    assert "BPOM MD" in box.output_html and "beku" in box.output_html
    box.click()  # double tap: stored once
    stored = session.store.answers("KPG25", "017", "pathway.advisor")
    assert [a.answer["outcome"] for a in stored] == ["bpom_md"]


def test_p_irt_highlights_the_group() -> None:
    box = PathwayAdvisor(Session(lang="en"))
    box.set_product(Product(group="14", shelf_life_days=90))
    box.click()
    assert box.advice.outcome == "p_irt"
    assert "<b>14 · Fruit products" in box._groups.value
    assert "PKP" in box.output_html


def test_unknown_shelf_life_is_ambiguous_and_bad_text_is_a_message() -> None:
    box = PathwayAdvisor(Session(lang="en"))
    box.set_product(Product(group="15"))
    box.click()
    assert box.advice.ambiguous and "health office" in box.output_html
    box._shelf.value = "lama"
    box.click()
    assert "impossible" in box.output_html


def test_food_group_list_has_15_entries() -> None:
    assert food_groups_html("id").count("<li>") == 15
