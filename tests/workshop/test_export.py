"""Excel and CSV exports of a simulated 500-participant workshop (issue 8 acceptance)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.workshop.simulate import MODULES, simulate_workshop
from toolkit.cli import main
from toolkit.i18n import t
from toolkit.store import open_store


@pytest.fixture(scope="module")
def simulated(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('sim') / 'sim.sqlite'}"
    store = open_store(url)
    truth = simulate_workshop(store, "SIM500", n=500)
    yield url, store, truth
    store.close()


def test_xlsx_has_the_four_sheets_with_computed_figures(simulated, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    url, store, truth = simulated
    out = tmp_path / "sim.xlsx"
    assert main(["export", "SIM500", "--xlsx", str(out), "--db", url]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["Peserta", "Kemajuan", "Nilai", "Analisis butir"]

    people = list(book["Peserta"].iter_rows(values_only=True))
    assert people[0][:4] == ("Kode", "Nama", "Nama usaha", "Desa/Kecamatan")
    assert [r[0] for r in people[1:]] == truth.codes

    progress = list(book["Kemajuan"].iter_rows(values_only=True))
    assert set(MODULES) <= set(progress[0])
    done_col = progress[0].index("Modul selesai")
    for row in progress[1:]:
        assert row[done_col] == len(truth.completed[row[0]])

    scores = list(book["Nilai"].iter_rows(values_only=True))
    head = scores[0]
    assert head[:5] == ("Kode", "Nama", "Pre-test (%)", "Post-test (%)", "N-gain")
    by_code = {r[0]: r for r in scores[1:] if r[0]}
    assert len(by_code) == 500
    for code in truth.codes:
        row = by_code[code]
        pre = 100 * sum(truth.pre[code]) / truth.items
        assert row[2] == pytest.approx(pre, abs=0.05)
        if code in truth.post:
            post = 100 * sum(truth.post[code]) / truth.items
            assert row[3] == pytest.approx(post, abs=0.05)
            if pre < 100:
                assert row[4] == pytest.approx((post - pre) / (100 - pre), abs=0.0006)
        else:
            assert row[3] is None and row[4] is None

    items = list(book["Analisis butir"].iter_rows(values_only=True))
    item_rows = [r for r in items[1:] if r and r[1] and str(r[1]).startswith("q")]
    assert len(item_rows) == 2 * truth.items
    for quiz, answers in (("pretest", truth.pre), ("posttest", truth.post)):
        for j in range(truth.items):
            (row,) = [r for r in item_rows if r[0] == quiz and r[1] == f"q{j:02d}"]
            assert row[2] == len(answers)
            expected = sum(m[j] for m in answers.values()) / len(answers)
            assert row[3] == pytest.approx(expected, abs=0.0006)
    kr = [r for r in items if r and r[1] == "Reliabilitas KR-20"]
    assert [r[0] for r in kr] == ["pretest", "posttest"]
    assert all(0 < r[3] < 1 for r in kr)


def test_csv_export_opens_with_semicolons_and_indonesian_headers(simulated, tmp_path) -> None:
    url, _store, truth = simulated
    assert main(["export", "SIM500", "--csv", str(tmp_path / "csv"), "--db", url]) == 0
    files = sorted((tmp_path / "csv").glob("*.csv"))
    assert len(files) == 4
    nilai = tmp_path / "csv" / "SIM500_nilai.csv"
    raw = nilai.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(nilai.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0][2] == "Pre-test (%)"
    assert len([r for r in rows[1:] if r and r[0]]) == 500
    code = truth.codes[0]
    (row,) = [r for r in rows if r and r[0] == code]
    pre = 100 * sum(truth.pre[code]) / truth.items
    assert float(row[2].replace(",", ".")) == pytest.approx(pre, abs=0.05)


def test_english_export_headers(simulated, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    url, _store, _truth = simulated
    out = tmp_path / "en.xlsx"
    assert main(["export", "SIM500", "--xlsx", str(out), "--db", url, "--lang", "en"]) == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == [
        t(f"workshop.export.sheet.{k}", "en")
        for k in ("participants", "progress", "scores", "items")
    ]
    book.close()


def test_export_of_unknown_workshop_is_one_line(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'e.sqlite'}"
    open_store(url).create_workshop("A", "a")
    assert main(["export", "NOPE", "--xlsx", str(tmp_path / "x.xlsx"), "--db", url]) == 2
    assert capsys.readouterr().err.count("\n") == 1
