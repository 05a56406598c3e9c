"""Generated practice labels: they render, and the checker finds exactly the injected defects."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from toolkit.labels import check_label
from toolkit.labels.generator import MUTATORS, generate_label, generator_data, practice_set
from toolkit.labels.svg import render_label_svg

TODAY = dt.date(2026, 3, 1)
SET = practice_set(seed=20260301, n=200, today=TODAY)


def _key(items) -> Counter:
    return Counter((k.field, k.klik, k.check) for k in items)


def test_two_hundred_labels_render_and_check_exactly() -> None:
    assert len(SET) == 200
    for p in SET:
        svg = render_label_svg(p.label)
        root = ET.fromstring(svg)  # well-formed XML
        assert root.tag.endswith("svg")
        found = check_label(p.label, today=p.today)
        assert _key(found) == _key(p.expected()), (p.id, [d.id for d in p.defects])


def test_the_catalogue_is_used_whole_and_zero_to_four_defects() -> None:
    bigger = practice_set(seed=20260301, n=600, today=TODAY)
    used = Counter(d.id for p in bigger for d in p.defects)
    assert set(used) == set(generator_data()["defects"]), set(generator_data()["defects"]) - set(
        used
    )
    counts = Counter(len(p.defects) for p in SET)
    assert set(counts) == {0, 1, 2, 3, 4}
    assert set(MUTATORS) == set(generator_data()["defects"])


@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_difficulty_levels(difficulty: int) -> None:
    labels = practice_set(seed=5, n=60, difficulty=difficulty, today=TODAY)
    for p in labels:
        n = len(p.defects)
        assert all(d.difficulty <= difficulty for d in p.defects)
        if difficulty == 1:
            assert n <= 1
        elif difficulty == 2:
            assert n <= 2
        else:
            assert 2 <= n <= 4
            assert any(d.difficulty == 3 for d in p.defects)


def test_same_seed_same_label_other_seed_other_label() -> None:
    a = generate_label(11, 3, 2, TODAY)
    b = generate_label(11, 3, 2, TODAY)
    c = generate_label(12, 3, 2, TODAY)
    assert a == b
    assert a.label != c.label


def test_pack_damage_is_drawn() -> None:
    p = next(p for p in SET if p.label.package_defects)
    svg = render_label_svg(p.label)
    assert 'class="damage' in svg
    assert 'class="damage' not in render_label_svg(p.label, show_damage=False)


def test_svg_escapes_printed_text() -> None:
    p = generate_label(1, 1, 1, TODAY)
    p.label.product_name = "Sambal <script>&"
    svg = render_label_svg(p.label)
    ET.fromstring(svg)
    assert "<script>" not in svg
