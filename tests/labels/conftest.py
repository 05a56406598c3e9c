"""A label with no findings, that each rule test changes in one place."""

from __future__ import annotations

import datetime as dt

import pytest

from toolkit.labels import Label

TODAY = dt.date(2026, 3, 1)


def good_label(**changes: object) -> Label:
    """A correct P-IRT label of abon ikan (fish floss) from Kupang, with ``changes`` applied."""
    base = {
        "product_name": "Abon Ikan Tongkol",
        "ingredients": "Komposisi: ikan tongkol (60%), gula, bawang merah, bawang putih, ketumbar, "
        "garam, minyak kelapa",
        "net_content": "Berat bersih 100 g",
        "producer": "UMKM Mama Ina, Jl. Timor Raya No. 12, Kel. Oesapa, Kota Kupang, NTT",
        "permit_number": "P-IRT No. 2025371010023-29",
        "production_code": "AI-100126-01",
        "production_date": "10/01/2026",
        "best_before": "Baik digunakan sebelum 10 Jul 2026",
        "halal_logo": True,
        "allergen_statement": "Mengandung alergen: ikan",
        "warnings": [],
        "claims": ["Khas Kupang"],
        "storage": "Simpan di tempat kering dan sejuk. Tutup rapat setelah dibuka.",
        "category": "abon_ikan",
        "main_panel": {
            "product_name",
            "net_content",
            "producer",
            "halal_logo",
            "best_before",
            "permit_number",
        },
        "shelf_life_days": 180,
        "package_defects": [],
    }
    base.update(changes)
    return Label(**base)  # type: ignore[arg-type]


@pytest.fixture
def today() -> dt.date:
    return TODAY
