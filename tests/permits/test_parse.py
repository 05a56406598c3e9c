"""Permit-number reader: a table of valid numbers and a table of malformed ones."""

from __future__ import annotations

import pytest

from toolkit.errors import ToolkitError
from toolkit.permits import Permit, PermitError, parse_permit

VALID = [
    # text as printed, kind, canonical number, expires_year, digits of the first real group
    ("P-IRT No. 2063306010023-26", "pirt", "P-IRT No. 2063306010023-26", 2026),
    ("PIRT 2063306010023-26", "pirt", "P-IRT No. 2063306010023-26", 2026),
    ("p-irt no. 2063306010023 - 26", "pirt", "P-IRT No. 2063306010023-26", 2026),
    ("P.IRT No: 206.3306.010023-26", "pirt", "P-IRT No. 2063306010023-26", 2026),
    ("P-IRT 206330601002326", "pirt", "P-IRT No. 2063306010023-26", 2026),
    ("SPP-IRT No. 5105301020012-29", "pirt", "P-IRT No. 5105301020012-29", 2029),
    ("BPOM RI MD 224510107115", "md", "MD 224510107115", None),
    ("MD224510107115", "md", "MD 224510107115", None),
    ("bpom ri md 2245 1010 7115", "md", "MD 224510107115", None),
    ("MD 240935001200027", "md", "MD 240935001200027", None),
    ("BPOM RI ML 821009001234", "ml", "ML 821009001234", None),
    ("NA18150900279", "cosmetic", "NA 18150900279", None),
    ("NC 14181200123", "cosmetic", "NC 14181200123", None),
    ("TR 072224589", "traditional_medicine", "TR 072224589", None),
    ("TI 123456789", "traditional_medicine", "TI 123456789", None),
    ("TL 103301231", "traditional_medicine", "TL 103301231", None),
    ("SD 181234567", "supplement", "SD 181234567", None),
    ("SI 051234567", "supplement", "SI 051234567", None),
    ("SL 111234567", "supplement", "SL 111234567", None),
    ("FF 123456789", "fitofarmaka", "FF 123456789", None),
    ("GKL 9615508910A1", "drug", "GKL 9615508910A1", None),
]


@pytest.mark.parametrize(("text", "kind", "number", "expires"), VALID)
def test_valid_numbers_parse(text: str, kind: str, number: str, expires: int | None) -> None:
    permit = parse_permit(text)
    assert isinstance(permit, Permit)
    assert permit.kind == kind
    assert permit.number == number
    assert permit.expires_year == expires
    assert permit.is_food == (kind in {"pirt", "md", "ml"})
    # the groups spell the whole number, in order
    assert "".join(f.digits for f in permit.fields if f.key not in _PREFIX_GROUPS) == (
        permit.digits
    )


_PREFIX_GROUPS = {"origin", "continent", "drug_brand", "drug_class", "drug_origin"}


def test_pirt_fields_follow_the_worked_example() -> None:
    p = parse_permit("P-IRT No. 2063306010023-26")
    digits = {f.key: f.digits for f in p.fields}
    assert digits == {
        "packaging": "2",
        "food_group": "06",
        "region": "3306",
        "product_serial": "01",
        "irtp_serial": "0023",
        "expiry_year": "26",
    }
    assert p.field("packaging").meaning("id") == "plastik"
    assert p.field("packaging").meaning("en") == "plastic"
    assert "2026" in p.field("expiry_year").meaning("en")
    # the food-group mapping is UNCONFIRMED in facts §2.1 and the text says so
    assert "needs checking" in p.field("food_group").meaning("en")
    assert "perlu konfirmasi" in p.field("food_group").meaning("id")
    assert p.field("packaging").name("en") == "Packaging type"


def test_md_old_and_new_layouts() -> None:
    old = parse_permit("MD 224510107115")
    assert [f.digits for f in old.fields[1:]] == ["2", "245", "10", "107", "115"]
    assert old.layout == 12
    new = parse_permit("MD 240935001200027")
    assert [f.digits for f in new.fields[1:]] == ["2", "4", "09", "35", "0012", "00027"]
    assert new.layout == 15
    assert new.field("risk").meaning("en").startswith("high")


def test_cosmetic_and_traditional_medicine_fields() -> None:
    na = parse_permit("NA18150900279")
    assert na.field("continent").meaning("id").startswith("Asia")
    assert na.field("year").meaning("en") == "year 2015"
    tr = parse_permit("TR 072224589E")
    assert tr.suffix == "E"
    assert tr.field("company_type").meaning("id") == "pabrik jamu"
    assert tr.field("dosage_form").meaning("en") == "powder"


MALFORMED = [
    # text, message key, English message
    ("", "permits.error.empty", None),
    ("   ", "permits.error.empty", None),
    (
        "P-IRT No. 206330601002-26",
        "permits.error.before_dash",
        "13 digits before the dash expected, found 12.",
    ),
    (
        "P-IRT No. 20633060100231-26",
        "permits.error.before_dash",
        "13 digits before the dash expected, found 14.",
    ),
    (
        "P-IRT No. 2063306010023-2",
        "permits.error.after_dash",
        "2 digits after the dash expected, found 1.",
    ),
    (
        "P-IRT No. 2063306010023-266",
        "permits.error.after_dash",
        "2 digits after the dash expected, found 3.",
    ),
    ("P-IRT 20633060100232", "permits.error.pirt_total", None),
    ("P-IRT No. 20633O6010023-26", "permits.error.bad_char", None),
    (
        "P-IRT No. 9063306010023-26",
        "permits.error.pirt_packaging",
        "The first P-IRT digit (packaging type) must be 1–8, found 9.",
    ),
    ("P-IRT No.", "permits.error.no_digits", None),
    ("MD 2245101071", "permits.error.digit_choice", "12 or 15 digits expected after MD, found 10."),
    ("BPOM RI MD 2245101071150", "permits.error.digit_choice", None),
    ("NA 1815090027", "permits.error.digit_count", "11 digits expected after NA, found 10."),
    ("TR 07222458", "permits.error.digit_count", None),
    ("SD 18123456", "permits.error.digit_count", None),
    ("XY 123456789", "permits.error.unknown_prefix", None),
    ("123456789012", "permits.error.no_prefix", None),
    ("GKL 96155089101", "permits.error.drug_format", None),
]


@pytest.mark.parametrize(("text", "key", "english"), MALFORMED)
def test_malformed_numbers_raise_a_precise_error(text: str, key: str, english: str | None) -> None:
    with pytest.raises(PermitError) as info:
        parse_permit(text)
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, ToolkitError)
    assert err.key == key
    # both languages are real sentences, not the bare key
    assert err.message("en") != key and str(err) != key
    assert str(err) != err.message("en")
    if english:
        assert err.message("en") == english


def test_indonesian_message_names_the_counts() -> None:
    with pytest.raises(PermitError) as info:
        parse_permit("P-IRT No. 206330601002-26")
    assert str(info.value) == "Diharapkan 13 angka sebelum tanda hubung, ditemukan 12."


def test_unknown_pom_prefix() -> None:
    with pytest.raises(PermitError):
        parse_permit("POM TR072224589E")
