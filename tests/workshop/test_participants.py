"""Participant import (CSV/Excel, bad rows by line, --skip-bad), codes, delete, cards."""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.store import AnswerRecord, open_store
from toolkit.workshop.cards import write_cards_pdf
from toolkit.workshop.errors import ParticipantsImportError, WorkshopError
from toolkit.workshop.links import personal_link
from toolkit.workshop.participants import import_participants, read_rows

HEADER = ["Nama", "Nama usaha", "Desa/Kecamatan", "Jenis produk", "Telepon"]


def _people(n: int, seed: int = 1) -> list[list[str]]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        phone = rnd.choice(["", f"0812-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}"])
        rows.append([f"Peserta {i}", f"Usaha {i}", "Oebobo/Kota Kupang", "keripik", phone])
    return rows


def _with_bad_rows(rows: list[list[str]], seed: int = 7) -> tuple[list[list[str]], list[int]]:
    """Spoil three rows in three different ways; returns the rows and their file lines."""
    rnd = random.Random(seed)
    idx = sorted(rnd.sample(range(len(rows)), 3))
    rows = [list(r) for r in rows]
    rows[idx[0]][0] = "  "  # empty name
    rows[idx[1]][4] = "12ab"  # bad phone
    rows[idx[2]][3] = ""  # empty product type
    return rows, [i + 2 for i in idx]  # header is line 1


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def _write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for r in rows:
        sheet.append(r)
    book.save(path)
    return path


@pytest.fixture
def store(store_url: str):
    s = open_store(store_url)
    s.create_workshop("KPG25", "Pelatihan Keamanan Pangan", "Kupang")
    yield s
    s.close()


@pytest.mark.parametrize("fmt", ["csv", "csv;", "xlsx"])
def test_500_rows_with_3_bad_report_exactly_those_lines(store, tmp_path: Path, fmt: str) -> None:
    rows, bad_lines = _with_bad_rows(_people(500))
    if fmt == "xlsx":
        path = _write_xlsx(tmp_path / "peserta.xlsx", rows)
    else:
        path = _write_csv(tmp_path / "peserta.csv", rows, ";" if fmt == "csv;" else ",")
    with pytest.raises(ParticipantsImportError) as err:
        import_participants(store, "KPG25", path)
    assert [b.line for b in err.value.bad] == bad_lines
    assert [b.field for b in err.value.bad] == ["name", "phone", "product_type"]
    assert store.participants("KPG25") == []  # nothing imported
    assert all(str(line) in str(err.value) for line in bad_lines)

    result = import_participants(store, "KPG25", path, skip_bad=True)
    assert len(result.imported) == 497
    assert [b.line for b in result.bad] == bad_lines
    assert len(store.participants("KPG25")) == 497


def test_good_file_imports_all_with_unique_codes_and_clean_phones(store, tmp_path: Path) -> None:
    rows = _people(40)
    result = import_participants(store, "KPG25", _write_csv(tmp_path / "p.csv", rows))
    assert len(result.imported) == 40 and result.bad == []
    stored = store.participants("KPG25")
    assert len({p.code for p in stored}) == 40
    for p, row in zip(stored, rows, strict=True):
        assert p.name == row[0]
        assert p.phone == (row[4].replace("-", "") or None)


def test_reimport_marks_registered_rows_bad(store, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "p.csv", _people(5))
    import_participants(store, "KPG25", path)
    with pytest.raises(ParticipantsImportError) as err:
        import_participants(store, "KPG25", path)
    assert [b.reason for b in err.value.bad] == ["registered"] * 5
    assert len(store.participants("KPG25")) == 5


def test_duplicate_row_in_file_names_the_first_line(tmp_path: Path) -> None:
    rows = _people(4)
    rows.append(list(rows[1]))
    parsed = read_rows(_write_csv(tmp_path / "p.csv", rows))
    (bad,) = parsed.bad
    assert (bad.line, bad.reason, bad.params["other"]) == (6, "duplicate", 3)
    assert "3" in bad.message("en") and "line 6" in bad.message("en")


def test_national_id_column_is_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "name,business name,village,district,product type,NIK\n"
        "Ana,Kue Ana,Oesapa,Kelapa Lima,kue,5301234567890001\n",
        encoding="utf-8",
    )
    parsed = read_rows(path)
    assert parsed.ignored_columns == ["NIK"]
    ((line, fields),) = parsed.rows
    assert line == 2
    assert fields["village"] == "Oesapa, Kelapa Lima"
    assert "5301234567890001" not in repr(fields)


def test_missing_column_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Nama,Telepon\nAna,0812\n", encoding="utf-8")
    with pytest.raises(WorkshopError) as err:
        read_rows(path)
    assert "Nama usaha" in str(err.value)


def test_excel_numeric_phone_keeps_leading_zero(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["Ana", "Kue Ana", "Oesapa", "kue", 81234567890])
    book.save(tmp_path / "p.xlsx")
    ((_, fields),) = read_rows(tmp_path / "p.xlsx").rows
    assert fields["phone"] == "081234567890"


def test_cli_create_import_list_delete(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["workshop", "create", "--code", "kpg25", "--name", "PKP Kupang", "--db", db]) == 0
    rows, bad_lines = _with_bad_rows(_people(30))
    path = _write_csv(tmp_path / "p.csv", rows)
    assert main(["participants", "import", str(path), "--db", db, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    for line in bad_lines:
        assert f"line {line}:" in err
    assert err.strip().splitlines()[-1].startswith("pangan: 3 bad rows")
    assert main(["participants", "import", str(path), "--db", db, "--skip-bad"]) == 0
    store = open_store(db)
    people = store.participants("KPG25")
    assert len(people) == 27
    victim = people[0]
    store.record_answer(AnswerRecord("KPG25", victim.code, "pretest", "q1", "a", True))
    store.record_answer(AnswerRecord("KPG25", people[1].code, "pretest", "q1", "a", True))
    assert main(["participants", "delete", victim.code, "-w", "KPG25", "--db", db, "-y"]) == 0
    assert store.participant("KPG25", victim.code) is None
    assert {a.participant_code for a in store.answers("KPG25")} == {people[1].code}
    assert main(["participants", "delete", "NOSUCH", "--db", db, "-y"]) == 2
    assert "NOSUCH" in capsys.readouterr().err
    store.close()


def test_cli_errors_are_one_line(tmp_path: Path, capsys) -> None:
    db = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["workshop", "create", "--code", "bad code!", "--name", "x", "--db", db]) == 2
    assert main(["workshop", "create", "--code", "A", "--name", "x", "--start", "2027-13-01",
                 "--db", db]) == 2  # fmt: skip
    assert main(["participants", "import", "nope.csv", "-w", "A", "--db", db]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("pangan: ") for line in lines)


def test_cards_pdf_has_one_qr_per_participant(store, tmp_path: Path) -> None:
    import_participants(store, "KPG25", _write_csv(tmp_path / "p.csv", _people(23)))
    out = tmp_path / "cards.pdf"
    cards = write_cards_pdf(store, "KPG25", out, host="192.168.1.10")
    people = store.participants("KPG25")
    assert [c.code for c in cards] == [p.code for p in people]
    assert cards[0].link == f"http://192.168.1.10:8866/?ws=KPG25&p={people[0].code}"
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 3  # 10 cards per page
    assert len(re.findall(rb"/Subtype\s*/Image", data)) == 23


def test_personal_link_matches_the_session_parser() -> None:
    from urllib.parse import urlsplit

    from toolkit.app.session import Session

    link = personal_link("KPG25", "K7M2QX", "10.0.0.5", 8866)
    session = Session.from_query(urlsplit(link).query)
    assert (session.workshop, session.participant) == ("KPG25", "K7M2QX")
