"""One failing and one passing label for every check of rules.yaml."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.labels.conftest import TODAY, good_label
from toolkit.labels import Finding, check_label
from toolkit.labels.vocab import rules

MAIN = {"product_name", "net_content", "producer", "halal_logo", "best_before", "permit_number"}
SWEET_WARN = (
    "Mengandung pemanis buatan, disarankan tidak dikonsumsi oleh anak di bawah 5 (lima) "
    "tahun, ibu hamil, dan ibu menyusui"
)

# check id -> (changes that trigger it, nearby changes that must not)
CASES: dict[str, tuple[dict, dict]] = {
    "product_name.missing": ({"product_name": "  "}, {"product_name": "Abon"}),
    "ingredients.missing": ({"ingredients": None}, {"ingredients": "Komposisi: ikan tongkol"}),
    "ingredients.heading": (
        {"ingredients": "Bahan: ikan tongkol, gula"},
        {"ingredients": "Bahan-bahan: ikan tongkol, gula"},
    ),
    "ingredients.pork_name": (
        {
            "ingredients": "Komposisi: daging babi, lard, gula",
            "halal_logo": False,
            "warnings": ["MENGANDUNG BABI"],
            "category": "dendeng_babi",
            "permit_number": "P-IRT No. 2015371010023-29",
            "allergen_statement": None,
        },
        {
            "ingredients": "Komposisi: daging babi, lemak babi (lard), gula",
            "halal_logo": False,
            "warnings": ["MENGANDUNG BABI"],
            "category": "dendeng_babi",
            "permit_number": "P-IRT No. 2015371010023-29",
            "allergen_statement": None,
        },
    ),
    "net_content.missing": ({"net_content": ""}, {"net_content": "Netto 100 g"}),
    "net_content.unit": (
        {"net_content": "Berat bersih 1 ons"},
        {"net_content": "Berat bersih 0,1 kg"},
    ),
    "net_content.unit_state": (
        {"net_content": "Isi bersih 100 ml"},
        {"net_content": "Berat bersih 100 gram"},
    ),
    "producer.missing": ({"producer": None}, {"producer": "UD Flobamora, Kupang"}),
    "producer.address": ({"producer": "UMKM Mama Ina"}, {"producer": "UMKM Mama Ina Desa Oebelo"}),
    "halal_logo.pork": (
        {
            "ingredients": "Komposisi: daging babi, gula",
            "warnings": ["MENGANDUNG BABI"],
            "category": "dendeng_babi",
            "permit_number": "P-IRT No. 2015371010023-29",
            "allergen_statement": None,
        },
        {
            "ingredients": "Komposisi: daging babi, gula",
            "warnings": ["MENGANDUNG BABI"],
            "category": "dendeng_babi",
            "permit_number": "P-IRT No. 2015371010023-29",
            "allergen_statement": None,
            "halal_logo": False,
        },
    ),
    "production_code.missing": ({"production_code": None}, {"production_code": "A1"}),
    "production_date.missing": ({"production_date": None}, {"production_date": "Jan 2026"}),
    "production_date.unreadable": (
        {"production_date": "kemarin"},
        {"production_date": "Diproduksi: 10 Januari 2026"},
    ),
    "main_panel.missing": (
        {"main_panel": MAIN - {"permit_number"}},
        {"main_panel": MAIN | {"ingredients"}},
    ),
    "allergen_statement.missing": (
        {"allergen_statement": "Mungkin mengandung udang"},
        {"allergen_statement": "Mengandung alergen: ikan. Mungkin mengandung udang."},
    ),
    "allergen_statement.undeclared": (
        {"ingredients": "Komposisi: ikan tongkol, kecap manis, gula"},
        {
            "ingredients": "Komposisi: ikan tongkol, kecap manis, gula",
            "allergen_statement": "Mengandung alergen: ikan, kedelai",
        },
    ),
    "allergen_statement.sulphite": (
        {"ingredients": "Komposisi: ikan tongkol, gula, natrium metabisulfit"},
        {
            "ingredients": "Komposisi: ikan tongkol, gula, natrium metabisulfit",
            "allergen_statement": "Mengandung alergen: ikan, sulfit",
        },
    ),
    "warnings.sweetener": (
        {"ingredients": "Komposisi: ikan tongkol, sukralosa", "warnings": []},
        {"ingredients": "Komposisi: ikan tongkol, sukralosa", "warnings": [SWEET_WARN]},
    ),
    "warnings.sugar_sweetener": (
        {"ingredients": "Komposisi: ikan tongkol, gula, siklamat", "warnings": [SWEET_WARN]},
        {
            "ingredients": "Komposisi: ikan tongkol, gula, siklamat",
            "warnings": [SWEET_WARN, "Mengandung gula dan pemanis buatan"],
        },
    ),
    "warnings.aspartame": (
        {"ingredients": "Komposisi: ikan tongkol, aspartam", "warnings": [SWEET_WARN]},
        {
            "ingredients": "Komposisi: ikan tongkol, aspartam",
            "warnings": [
                SWEET_WARN,
                "Mengandung fenilalanin, tidak cocok untuk penderita fenilketonurik",
            ],
        },
    ),
    "warnings.polyol": (
        {"ingredients": "Komposisi: ikan tongkol, sorbitol"},
        {
            "ingredients": "Komposisi: ikan tongkol, sorbitol",
            "warnings": ["Konsumsi berlebihan mempunyai efek laksatif"],
        },
    ),
    "warnings.pork": (
        {
            "ingredients": "Komposisi: daging babi, gula",
            "halal_logo": False,
            "category": "dendeng_babi",
            "permit_number": "P-IRT No. 2015371010023-29",
            "allergen_statement": None,
        },
        {
            "ingredients": "Komposisi: daging babi, gula",
            "halal_logo": False,
            "category": "dendeng_babi",
            "permit_number": "P-IRT No. 2015371010023-29",
            "allergen_statement": None,
            "warnings": ["MENGANDUNG BABI"],
        },
    ),
    "warnings.milk": (
        {
            "category": "susu_bubuk",
            "ingredients": "Komposisi: susu sapi bubuk",
            "permit_number": "BPOM RI MD 224510107115",
            "allergen_statement": "Mengandung alergen: susu",
        },
        {
            "category": "susu_bubuk",
            "ingredients": "Komposisi: susu sapi bubuk",
            "permit_number": "BPOM RI MD 224510107115",
            "allergen_statement": "Mengandung alergen: susu",
            "warnings": [
                "Perhatian! Tidak cocok untuk bayi sampai usia 12 bulan. Tidak dapat "
                "menggantikan Air Susu Ibu (ASI)."
            ],
        },
    ),
    "warnings.kental_manis": (
        {
            "category": "susu_kental_manis",
            "ingredients": "Komposisi: susu, gula",
            "permit_number": "BPOM RI MD 224510107115",
            "allergen_statement": "Mengandung alergen: susu",
            "warnings": ["Tidak menggantikan ASI, tidak cocok untuk bayi sampai 12 bulan."],
        },
        {
            "category": "susu_kental_manis",
            "ingredients": "Komposisi: susu, gula",
            "permit_number": "BPOM RI MD 224510107115",
            "allergen_statement": "Mengandung alergen: susu",
            "warnings": [
                "Tidak menggantikan ASI, tidak cocok untuk bayi sampai 12 bulan.",
                "Tidak dapat digunakan sebagai satu-satunya sumber gizi.",
            ],
        },
    ),
    "claims.medicinal": ({"claims": ["Mencegah stunting"]}, {"claims": ["Enak dan gurih"]}),
    "claims.pirt": ({"claims": ["Tinggi protein"]}, {"claims": ["Oleh-oleh khas NTT"]}),
    "claims.md_approval": (
        {"claims": ["Tinggi protein"], "permit_number": "MD 224510107115"},
        {"claims": ["Gurih"], "permit_number": "MD 224510107115"},
    ),
    "claims.check_word": ({"claims": ["Murni tanpa pengawet"]}, {"claims": ["Tanpa MSG"]}),
    "category.unknown": ({"category": "roti_lapis"}, {"category": "abon_ikan"}),
    "permit_number.missing": (
        {"permit_number": None},
        {
            "permit_number": None,
            "shelf_life_days": 3,
            "best_before": "Baik digunakan sebelum 03/03/2026",
        },
    ),
    "permit_number.malformed": (
        {"permit_number": "P-IRT No. 202537101002-29"},
        {"permit_number": "PIRT 2025371010023 29"},
    ),
    "permit_number.not_food": (
        {"permit_number": "NA18150900279"},
        {"permit_number": "ML 821009001234"},
    ),
    "permit_number.pirt_expired": (
        {"permit_number": "P-IRT No. 2025371010023-25"},
        {"permit_number": "P-IRT No. 2025371010023-27"},
    ),
    "permit_number.pirt_final_year": (
        {"permit_number": "P-IRT No. 2025371010023-26"},
        {"permit_number": "P-IRT No. 2025371010023-27"},
    ),
    "permit_number.pirt_not_allowed": (
        {"category": "nugget_beku", "net_content": "Berat bersih 250 g"},
        {"category": "nugget_beku", "permit_number": "MD 224510107115"},
    ),
    "permit_number.pirt_group": (
        {"permit_number": "P-IRT No. 2105371010023-29"},
        {"permit_number": "P-IRT No. 8025371010023-29"},
    ),
    "best_before.missing": (
        {"best_before": ""},
        {"best_before": "Baik digunakan sebelum Des 2026"},
    ),
    "best_before.lead_in": (
        {"best_before": "Exp. 10/07/2026"},
        {"best_before": "BAIK DIGUNAKAN SEBELUM: 10/07/2026"},
    ),
    "best_before.unreadable": (
        {"best_before": "Baik digunakan sebelum lihat tutup"},
        {"best_before": "Baik digunakan sebelum 10-07-26"},
    ),
    "best_before.day_required": (
        {"best_before": "Baik digunakan sebelum Mei 2026", "shelf_life_days": 90},
        {"best_before": "Baik digunakan sebelum Jul 2026", "shelf_life_days": 180},
    ),
    "best_before.expired": (
        {"best_before": "Baik digunakan sebelum 28/02/2026"},
        {"best_before": "Baik digunakan sebelum 01/03/2026"},
    ),
    "package_defects.defect": ({"package_defects": ["bulging"]}, {"package_defects": []}),
    "package_defects.unknown": ({"package_defects": ["dirty"]}, {"package_defects": []}),
}


def _checks(findings: list[Finding]) -> list[str]:
    return [f.check for f in findings]


def test_the_good_label_has_no_findings() -> None:
    assert check_label(good_label(), today=TODAY) == []


def test_every_check_has_a_test_case() -> None:
    assert set(CASES) == set(rules()["checks"])


@pytest.mark.parametrize("check", sorted(CASES))
def test_rule_fails_and_passes(check: str) -> None:
    failing, passing = CASES[check]
    found = check_label(good_label(**failing), today=TODAY)
    assert check in _checks(found), [f.check for f in found]
    finding = next(f for f in found if f.check == check)
    spec = rules()["checks"][check]
    assert finding.klik == spec["klik"]
    assert finding.rule == spec["rule"]
    assert finding.severity in ("error", "warning")
    for lang in ("id", "en"):
        text = finding.message(lang)
        assert text and not text.startswith("labels.") and "{" not in text, text
        assert not finding.fix(lang).startswith("labels.")
    assert finding.message("id") != finding.message("en")
    others = check_label(good_label(**passing), today=TODAY)
    assert check not in _checks(others), [f.message("en") for f in others]


def test_unconfirmed_rules_are_warnings_that_say_so() -> None:
    f = next(
        f
        for f in check_label(good_label(permit_number="P-IRT No. 2105371010023-29"), today=TODAY)
        if f.check == "permit_number.pirt_group"
    )
    assert f.severity == "warning"
    assert "needs" in f.message("en") or "confirm" in f.message("en")
    assert "konfirmasi" in f.message("id")


def test_main_panel_finding_names_the_misplaced_field() -> None:
    found = check_label(good_label(main_panel={"product_name"}), today=TODAY)
    assert sorted(f.field for f in found) == sorted(MAIN - {"product_name"})
    assert all(f.check == "main_panel.missing" for f in found)


def test_unknown_main_panel_skips_the_placement_check() -> None:
    assert check_label(good_label(main_panel=None), today=TODAY) == []


def test_expiry_compares_with_today() -> None:
    label = good_label(best_before="Baik digunakan sebelum 10 Jul 2026")
    assert check_label(label, today=dt.date(2026, 7, 10)) == []
    assert _checks(check_label(label, today=dt.date(2026, 7, 11))) == ["best_before.expired"]


def test_month_year_expiry_lasts_to_the_end_of_the_month() -> None:
    label = good_label(best_before="Baik digunakan sebelum 07/2026")
    assert check_label(label, today=dt.date(2026, 7, 31)) == []
    assert _checks(check_label(label, today=dt.date(2026, 8, 1))) == ["best_before.expired"]


def test_unreadable_text_never_crashes() -> None:
    label = good_label(
        best_before="???",
        production_date="32/13/2026",
        permit_number="P-IRT ??",
        ingredients="((((",
        net_content="banyak",
    )
    found = check_label(label, today=TODAY)
    assert {
        "best_before.unreadable",
        "production_date.unreadable",
        "permit_number.malformed",
    } <= set(_checks(found))


def test_finding_order_follows_cek_klik() -> None:
    label = good_label(
        package_defects=["torn"], best_before=None, permit_number=None, product_name=None
    )
    assert [f.klik for f in check_label(label, today=TODAY)] == [
        "kemasan",
        "label",
        "izin_edar",
        "kedaluwarsa",
    ]
