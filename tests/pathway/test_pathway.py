"""Permit pathway decisions for listed products (facts §2.3, §2.4, §9 item 12)."""

from __future__ import annotations

import pytest

from toolkit.i18n import t
from toolkit.permits.pathway import (
    PathwayError,
    Product,
    advise,
    data,
    examples,
    food_groups,
)

# (product, facts, expected outcome, a rule key that must be among the reasons or None)
CASES = [
    ("keripik pisang", {"group": "14", "shelf_life_days": 90}, "p_irt", "irt_group"),
    (
        "abon sapi",
        {"group": "01", "animal_origin": True, "shelf_life_days": 120},
        "p_irt",
        "irt_group",
    ),
    (
        "ikan asin",
        {"group": "02", "animal_origin": True, "shelf_life_days": 60},
        "p_irt",
        "irt_group",
    ),
    ("kue kering nastar", {"group": "06", "shelf_life_days": 60}, "p_irt", "irt_group"),
    ("kopi bubuk", {"group": "10", "form": "powder", "shelf_life_days": 180}, "p_irt", "irt_group"),
    (
        "jahe instan",
        {"group": "13", "form": "powder", "shelf_life_days": 365},
        "p_irt",
        "irt_group",
    ),
    ("madu hutan", {"group": "09", "shelf_life_days": 365}, "p_irt", "irt_group"),
    ("minyak kelapa", {"group": "07", "shelf_life_days": 90}, "p_irt", "irt_group"),
    ("kacang goreng, exactly 7 days", {"group": "15", "shelf_life_days": 7}, "p_irt", "irt_group"),
    ("kue lapis basah", {"group": "06", "shelf_life_days": 2}, "exempt", "short_shelf_life"),
    ("nasi kuning bungkus", {"shelf_life_days": 0.5}, "exempt", "short_shelf_life"),
    (
        "tahu segar di kulkas",
        {"group": "15", "processing": "chilled", "shelf_life_days": 3},
        "exempt",
        "short_shelf_life",
    ),
    (
        "cokelat impor",
        {"group": "09", "imported": True, "shelf_life_days": 365},
        "bpom_ml",
        "imported",
    ),
    (
        "gula pasir dikemas ulang",
        {"group": "09", "repacked": True, "shelf_life_days": 365},
        "bpom_md",
        "repacked",
    ),
    (
        "bubur bayi instan",
        {"group": "15", "consumers": "infant", "form": "powder", "shelf_life_days": 180},
        "bpom_md",
        "infant",
    ),
    (
        "booster ASI",
        {"group": "13", "consumers": "special_diet", "form": "powder", "shelf_life_days": 180},
        "bpom_md",
        "special_diet",
    ),
    (
        "kue untuk diabetes",
        {"group": "06", "consumers": "special_diet", "shelf_life_days": 30},
        "bpom_md",
        "special_diet",
    ),
    (
        "rendang kaleng",
        {"processing": "sterilised", "animal_origin": True, "shelf_life_days": 365},
        "bpom_md",
        "sterilised",
    ),
    (
        "susu pasteurisasi",
        {
            "processing": "pasteurised",
            "animal_origin": True,
            "form": "liquid_rtd",
            "shelf_life_days": 5,
        },
        "bpom_md",
        "pasteurised",
    ),
    (
        "sambal botol pasteurisasi",
        {"group": "11", "processing": "pasteurised", "shelf_life_days": 180},
        "bpom_md",
        "pasteurised",
    ),
    (
        "nugget beku",
        {"group": "03", "processing": "frozen", "animal_origin": True},
        "bpom_md",
        "frozen",
    ),
    (
        "bakso beku",
        {"processing": "frozen", "animal_origin": True, "shelf_life_days": 1},
        "bpom_md",
        "frozen",
    ),
    (
        "sosis dingin",
        {"processing": "chilled", "animal_origin": True, "shelf_life_days": 2},
        "bpom_md",
        "chilled_animal",
    ),
    ("sopi", {"alcohol": True, "form": "liquid_rtd", "shelf_life_days": 365}, "bpom_md", "alcohol"),
    (
        "tuak dalam botol",
        {"alcohol": True, "form": "liquid_rtd", "shelf_life_days": 3},
        "bpom_md",
        "alcohol",
    ),
    (
        "pewarna makanan",
        {"food_additive": True, "form": "powder", "shelf_life_days": 365},
        "bpom_md",
        "food_additive",
    ),
    (
        "jus jeruk botol tahan 30 hari",
        {"group": "14", "form": "liquid_rtd", "shelf_life_days": 30},
        "bpom_md",
        "liquid_rtd",
    ),
    (
        "jus segar hari itu",
        {"group": "14", "form": "liquid_rtd", "shelf_life_days": 1},
        "ambiguous",
        "liquid_rtd",
    ),
    (
        "asinan sayur di kulkas 14 hari",
        {"group": "04", "processing": "chilled", "shelf_life_days": 14},
        "ambiguous",
        None,
    ),
    ("keripik tempe, masa simpan belum tahu", {"group": "15"}, "ambiguous", None),
    ("produk di luar 15 kelompok", {"group": None, "shelf_life_days": 60}, "ambiguous", None),
]


def test_enough_cases_and_every_exclusion_is_covered() -> None:
    assert len(CASES) >= 25
    exclusions = {k for k, r in data()["rules"].items() if r["outcome"] in ("bpom_md", "bpom_ml")}
    covered = {key for _, _, _, key in CASES}
    assert exclusions <= covered, exclusions - covered
    assert {o for _, _, o, _ in CASES} == {"p_irt", "bpom_md", "bpom_ml", "exempt", "ambiguous"}


@pytest.mark.parametrize(("name", "facts", "outcome", "rule"), CASES, ids=[c[0] for c in CASES])
def test_listed_product(name: str, facts: dict, outcome: str, rule: str | None) -> None:
    advice = advise(Product(**facts))
    assert advice.outcome == outcome, name
    if rule:
        assert rule in {r.key for r in advice.reasons}
    assert advice.steps == tuple(data()["steps"][outcome])
    lines = advice.lines("en")
    assert all(lines["steps"]) and all(
        s != f"pathway.step.{k}" for s, k in zip(lines["steps"], advice.steps, strict=True)
    )


def test_several_exclusions_are_all_given_as_reasons() -> None:
    advice = advise(
        Product(
            group="14",
            processing="pasteurised",
            form="liquid_rtd",
            imported=True,
            shelf_life_days=60,
        )
    )
    assert advice.outcome == "bpom_ml"
    assert {"imported", "pasteurised", "liquid_rtd"} <= {r.key for r in advice.reasons}


def test_ambiguous_cases_point_to_the_district_health_office() -> None:
    advice = advise(Product(group="15"))
    assert advice.ambiguous
    text = " ".join(advice.lines("id")["steps"])
    assert "Dinas Kesehatan" in text
    assert "Masa simpan" in " ".join(advice.lines("id")["notes"])


def test_p_irt_says_group_list_is_secondary_and_names_the_group() -> None:
    advice = advise(Product(group="14", shelf_life_days=90))
    assert advice.group is not None and advice.group.code == "14"
    assert advice.group.name("en") == "Fruit products"
    assert "groups_secondary" in advice.notes
    assert any("PKP" in s for s in advice.lines("id")["steps"])
    assert any("22/2018" in s for s in advice.sources())


def test_secondary_rules_are_flagged_in_their_reason() -> None:
    reason = next(
        r for r in advise(Product(alcohol=True, shelf_life_days=300)).reasons if r.key == "alcohol"
    )
    assert reason.status == "secondary"
    assert t("pathway.status.secondary", "en") in reason.message("en")


def test_fifteen_groups() -> None:
    groups = food_groups()
    assert [g.code for g in groups] == [f"{n:02d}" for n in range(1, 16)]
    assert all(g.name("id") and g.name("en") and g.examples["id"] for g in groups)


@pytest.mark.parametrize(
    ("facts", "key"),
    [
        ({"group": "16"}, "pathway.error.group"),
        ({"group": "1"}, "pathway.error.group"),
        ({"processing": "boiled"}, "pathway.error.choice"),
        ({"consumers": "kids"}, "pathway.error.choice"),
        ({"form": "gas"}, "pathway.error.choice"),
        ({"shelf_life_days": -1}, "pathway.error.shelf_life"),
        ({"shelf_life_days": float("nan")}, "pathway.error.shelf_life"),
    ],
)
def test_bad_input(facts: dict, key: str) -> None:
    with pytest.raises(PathwayError) as info:
        Product(**facts)
    assert info.value.key == key


def test_examples_load_and_decide() -> None:
    ex = examples()
    assert len(ex) >= 5
    outcomes = {advise(p).outcome for _, _, p in ex}
    assert {"p_irt", "bpom_md", "exempt"} <= outcomes


def test_pathway_data_validates_and_the_check_can_fail(monkeypatch, tmp_path) -> None:
    from toolkit.permits import pathway

    assert pathway.validate() == []
    bad = tmp_path / "pathway.yaml"
    bad.write_text(
        "groups: {list: [{code: '01'}]}\nrules: {x: {outcome: maybe}}\n"
        "steps: {p_irt: [nowhere]}\nstep_sources: {}\nexamples: [{key: e, name: {}, group: '99'}]\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(pathway, "DATA_FILE", bad)
    problems = pathway.validate()
    assert len(problems) == 4, problems
