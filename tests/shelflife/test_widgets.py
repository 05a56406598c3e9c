"""The shelf-life widgets driven in plain pytest: results, messages (never tracebacks), sessions."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import ROOT
from tests.shelflife.conftest import linear_table
from toolkit.i18n import t
from toolkit.shelflife import fit_arrhenius, shelf_life_days
from toolkit.shelflife.content import dataset
from toolkit.shelflife.widgets import (
    AsltLab,
    BestBeforeCalculator,
    DrillCard,
    DrillSet,
    LabuzaCalculator,
    Q10Calculator,
)

DAYS = [0, 7, 14, 21]
DRILLS = ROOT / "exercises" / "shelflife" / "drills.yaml"


def _csv(rows) -> str:
    return "temp_c,day,value\n" + "\n".join(f"{r['temp_c']},{r['day']},{r['value']}" for r in rows)


def _lab(rows=None, text: str | None = None, lang: str = "id", **fields) -> AsltLab:
    lab = AsltLab(lang=lang)
    lab._source.value = "paste"
    lab._paste.value = text if text is not None else _csv(rows)
    lab._initial.value = fields.get("initial", "3")
    lab._limit.value = fields.get("limit", "6")
    lab._storage.value = fields.get("storage", "30")
    return lab


def _plain(html_text: str) -> str:
    return re.sub(r"<[^>]+>", " ", html_text)


def test_example_data_gives_results_plots_and_label() -> None:
    lab = AsltLab(dataset="keripik_kadar_air", lang="id")
    lab._production.value = dt.date(2026, 12, 1)
    lab._mode.value = "guided"
    lab._compute.click()
    item = dataset("keripik_kadar_air")
    fit = fit_arrhenius(item.frame())
    life = shelf_life_days(fit, item.storage_temp_c, item.initial, item.limit)
    assert lab.message == ""
    assert lab.fit.ea_kj_per_mol == pytest.approx(fit.ea_kj_per_mol)
    assert lab.life.days == pytest.approx(life.days)
    text = _plain(lab._result.value)
    assert "Orde nol" in text and "R² rata-rata orde 0" in text and "orde 1" in text
    assert "kJ/mol" in text and "Selang 95 %" in text
    assert "12,71" in text or "12.71" in text  # why the interval is wide
    assert "Baik digunakan sebelum" in text
    assert lab.label.date == dt.date(2026, 12, 1) + dt.timedelta(days=int(life.days))
    assert t("shelflife.guide.arrhenius", "id")[:30] in text
    assert lab._plots.value.count("<svg") == 2
    assert "Traceback" not in lab._result.value


def test_english_page() -> None:
    rows = linear_table({25.0: 0.020, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    lab = _lab(rows, lang="en")
    lab._compute.click()
    assert "99.5 days" in _plain(lab._result.value)


CASES = [
    ("one_temp", linear_table({30.0: 0.05}, 3.0, DAYS), "shelflife.error.too_few_temps"),
    (
        "few_points",
        linear_table({25.0: 0.02, 35.0: 0.045}, 3.0, DAYS)
        + linear_table({45.0: 0.095}, 3.0, [0, 7]),
        "shelflife.error.too_few_points",
    ),
    (
        "temp_range",
        linear_table({25.0: 0.02, 35.0: 0.045, 170.0: 0.095}, 3.0, DAYS),
        "shelflife.error.temp_range",
    ),
    (
        "wrong_sign",
        linear_table({25.0: 0.02, 35.0: 0.045}, 3.0, DAYS)
        + linear_table({45.0: 0.095}, 3.0, DAYS, sign=-1.0),
        "shelflife.error.wrong_sign_increasing",
    ),
    (
        "no_change",
        linear_table({25.0: 0.0, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS),
        "shelflife.error.no_change",
    ),
    (
        "zero_rate",
        linear_table({25.0: 0.02, 45.0: 0.095}, 3.0, DAYS)
        + [
            {"temp_c": 35.0, "day": d, "value": v}
            for d, v in zip(DAYS, [3.2, 3.0, 3.0, 3.2], strict=True)
        ],
        "shelflife.error.zero_rate",
    ),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("name", "rows", "key"), CASES, ids=[c[0] for c in CASES])
def test_table_problems_are_shown_as_messages(name, rows, key, lang) -> None:
    lab = _lab(rows, lang=lang)
    lab._compute.click()
    assert lab.fit is None
    assert lab.message.strip()
    assert lab.message.strip().startswith(t(key, lang).split("{")[0][:15])
    assert "Traceback" not in lab.message and "Error" not in lab.message


def test_duplicate_and_non_numeric_rows_named() -> None:
    rows = linear_table({25.0: 0.02, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    lab = _lab([*rows, rows[0]])
    lab._compute.click()
    assert "Baris 14" in lab.message and "baris 2" in lab.message
    text = _csv(rows).replace("35.0,7,", "35.0,tujuh,")
    lab = _lab(text=text, lang="en")
    lab._compute.click()
    assert 'Row 7, column "day": "tujuh" is not a number' in lab.message


def test_two_temperatures_warn() -> None:
    lab = _lab(linear_table({30.0: 0.05, 40.0: 0.11}, 3.0, DAYS))
    lab._compute.click()
    assert lab.life is not None and lab.life.low is None
    assert t("shelflife.warn.two_temps", "id")[:40] in lab.message
    assert t("shelflife.ui.no_interval", "id") in _plain(lab._result.value)


def test_limit_crossed_and_bad_fields() -> None:
    rows = linear_table({25.0: 0.020, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    lab = _lab(rows, initial="7")
    lab._compute.click()
    assert lab.message.startswith("Nilai awal (7) sudah mencapai")
    lab = _lab(rows, storage="tiga puluh")
    lab._compute.click()
    assert "Suhu simpan (°C)" in lab.message
    lab = _lab(rows, storage="200")
    lab._compute.click()
    assert "200" in lab.message


def test_upload_csv_and_excel(tmp_path) -> None:
    import pandas as pd

    rows = linear_table({25.0: 0.020, 35.0: 0.045, 45.0: 0.095}, 3.0, DAYS)
    path = tmp_path / "data.xlsx"
    pd.DataFrame(rows).to_excel(path, index=False)
    lab = AsltLab(lang="id")
    lab._source.value = "upload"
    lab._compute.click()
    assert lab.message.strip() == t("shelflife.error.no_file", "id")
    for name, content in (("data.xlsx", path.read_bytes()), ("data.csv", _csv(rows).encode())):
        lab._upload.value = (
            {"name": name, "type": "", "size": len(content), "content": memoryview(content),
             "last_modified": dt.datetime(2026, 1, 1)},
        )  # fmt: skip
        lab._initial.value, lab._limit.value = "3", "6"
        lab._compute.click()
        assert lab.message == "", lab.message
        assert round(lab.life.days, 1) == 99.5
    broken = b"PK\x03\x04 not really a workbook"
    lab._upload.value = (
        {"name": "x.xlsx", "type": "", "size": len(broken), "content": memoryview(broken),
         "last_modified": dt.datetime(2026, 1, 1)},
    )  # fmt: skip
    lab._compute.click()
    assert lab.message.startswith("Tabel tidak dapat dibaca")


def test_unexpected_errors_show_a_generic_message(monkeypatch) -> None:
    lab = AsltLab(dataset="keripik_kadar_air")

    def boom(*_a, **_k):
        raise RuntimeError("internal detail")

    monkeypatch.setattr("toolkit.shelflife.model.arrhenius.fit_arrhenius", boom)
    lab._compute.click()
    assert lab.message == t("common.app.action_error", "id")
    assert "internal detail" not in lab.message


def test_small_calculators() -> None:
    q = Q10Calculator(lang="id")
    q._compute.click()
    assert round(q.result, 1) == 141.1 and "141,1 hari" in q._output.value
    q._fields["q10"].value = "0"
    q._compute.click()
    assert q.message.startswith("Q10 = 0 harus")
    lab = LabuzaCalculator(lang="en")
    lab._compute.click()
    assert lab.result == pytest.approx(93.6, rel=5e-3)  # Po from 30 °C instead of 31.82
    lab._fields["mc"].value = "0,2"
    lab._compute.click()
    assert lab.message.startswith("Moisture contents must be in order")
    bb = BestBeforeCalculator(lang="id", days=150.4)
    bb._compute.click()
    assert bb.message == t("shelflife.error.no_production_date", "id")
    bb._production.value = dt.date(2026, 12, 13)
    bb._compute.click()
    assert bb.result.text == "Baik digunakan sebelum 12 Mei 2027"
    bb._days.value = "60"
    bb._month_year.value = True
    bb._compute.click()
    assert bb.message == t("shelflife.error.day_required", "id")


class _FakeSession:
    lang = "en"
    workshop = "KPG25"
    participant = "017"

    def __init__(self) -> None:
        self.answers: list[tuple] = []

    def record_answer(self, quiz, question_id, answer, correct=None, key="", **_):
        self.answers.append((quiz, question_id, answer, correct, key))
        return True


def test_drill_set_checks_and_records_answers() -> None:
    session = _FakeSession()
    drills = DrillSet("latihan", session)
    assert len(drills.cards) >= 6
    kinds = {c._drill.kind for c in drills.cards}
    assert {"rate", "ea_kj", "q10_rates", "shelf_life", "labuza", "best_before"} <= kinds
    # before answering, no answer key is in the widget state the browser can read
    for card in drills.cards:
        if card._drill.kind != "order":
            state = str(card.get_state()) + "".join(str(c.get_state()) for c in card.children)
            assert str(card._drill.answer) not in state
    for card in drills.cards:
        expected = card._drill.expected()
        if card._drill.kind == "order":
            card._answer.value = str(expected)
        elif card._drill.kind == "best_before":
            card._answer.value = expected.strftime("%d-%m-%Y")
        else:
            card._answer.value = f"{expected:.4g}".replace(".", ",")
        card._check.click()
        assert card.correct is True, (card._drill.id, card.message, card._feedback.value)
    assert len(session.answers) == len(drills.cards)
    assert all(a[0] == "shelflife.drills" and a[3] is True for a in session.answers)
    assert all(a[4].startswith("KPG25|017|shelflife.drills|") for a in session.answers), (
        session.answers
    )


def test_drill_wrong_answers_hint_then_reveal() -> None:
    card = next(c for c in DrillSet(DRILLS, lang="id").cards if c._drill.kind == "q10_rates")
    card._check.click()
    assert card.message == t("common.check.choose_first", "id")
    card._answer.value = "dua"
    card._check.click()
    assert card.message == t("shelflife.ui.answer_number", "id")
    card._answer.value = "9"
    for _ in range(DrillCard.REVEAL_AFTER):
        card._check.click()
        assert card.correct is False
    assert "Jawaban:" in card._feedback.value


def test_every_widget_key_exists() -> None:
    from toolkit.i18n import has

    src = (ROOT / "toolkit" / "shelflife" / "widgets.py").read_text(encoding="utf-8")
    keys = set(re.findall(r"""_t\(\s*["']([a-z0-9_.]+)["']""", src))
    assert len(keys) > 30
    assert sorted(k for k in keys if not (has(k, "id") and has(k, "en"))) == []
    for order in (0, 1):
        assert has(f"shelflife.ui.order_{order}", "en")


def test_module_quiz_is_the_default_drill_set() -> None:
    quiz = DrillSet(lang="en")
    assert len(quiz.cards) >= 3
    order = quiz.cards[0]
    order._answer.value = "1"
    order._check.click()
    assert order.correct is False
    order._answer.value = str(order._drill.expected())
    order._check.click()
    assert order.correct is True


def test_unreadable_drill_file_is_a_message(tmp_path) -> None:
    bad = tmp_path / "drills.yaml"
    bad.write_text("drills: [{kind: rate}]", encoding="utf-8")
    drills = DrillSet(bad, lang="en")
    assert drills.cards == []
    assert "The drill file cannot be read" in drills.children[0].value
