"""Certificates: who gets one, Ed25519-signed payloads, `pangan verify`, tampering fails."""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import pytest

from tests.conftest import ROOT
from toolkit.cli import main
from toolkit.store import open_store
from toolkit.workshop.certificates import (
    KEY_FILE,
    CertificateError,
    load_or_create_key,
    make_certificates,
    payload_from_file,
    sign_payload,
    verify_payload,
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PANGAN_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def workshop(tmp_path: Path, data_dir: Path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    store = open_store(url)
    store.create_workshop("KPG25", "Pelatihan Keamanan Pangan", "Kupang", trainer="Bu Rina")
    people = store.add_participants(
        "KPG25", [{"name": f"Peserta {i}", "business_name": f"Usaha {i}"} for i in range(6)]
    )
    posts = [95, 60, 59.9, 30, None, 75]
    for p, post in zip(people, posts, strict=True):
        store.record_attempt("KPG25", p.code, "pretest", 20)
        if post is not None:
            store.record_attempt("KPG25", p.code, "posttest", post)
    yield url, store, people, posts
    store.close()


def _tamper(payload: str, **changes) -> str:
    prefix, data, sig = payload.split(".")
    body = json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    body.update(changes)
    raw = json.dumps(body, separators=(",", ":")).encode()
    return ".".join([prefix, base64.urlsafe_b64encode(raw).rstrip(b"=").decode(), sig])


def test_only_passed_participants_get_a_verifiable_certificate(workshop, tmp_path) -> None:
    _url, store, people, posts = workshop
    issued = make_certificates(store, "KPG25", tmp_path / "out", pass_mark=60)
    expected = [p.code for p, s in zip(people, posts, strict=True) if s is not None and s >= 60]
    assert [c.code for c in issued] == expected
    for cert in issued:
        assert cert.path.read_bytes().startswith(b"%PDF")
        found = payload_from_file(cert.path)
        assert found == cert.payload
        result = verify_payload(found)
        assert result.trusted
        assert result.data["n"] == cert.name and result.data["w"] == "KPG25"
        assert result.data["s"] == cert.score
    assert {c.participant_code for c in store.certificates("KPG25")} == set(expected)


def test_key_is_made_once_in_the_data_dir_owner_only(data_dir: Path) -> None:
    first = load_or_create_key()
    path = data_dir / "keys" / KEY_FILE
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not path.resolve().is_relative_to(ROOT)
    again = load_or_create_key()
    assert first.public_key().public_bytes_raw() == again.public_key().public_bytes_raw()


def test_tampered_payload_fails(data_dir: Path) -> None:
    key = load_or_create_key()
    good = sign_payload({"n": "Ana", "s": 55.0, "w": "KPG25"}, key)
    assert verify_payload(good).data["s"] == 55.0
    with pytest.raises(CertificateError) as err:
        verify_payload(_tamper(good, s=95.0))
    assert err.value.key == "workshop.cert.error.signature"
    flipped = good[:-3] + ("A" if good[-3] != "A" else "B") + good[-2:]
    with pytest.raises(CertificateError):
        verify_payload(flipped)
    with pytest.raises(CertificateError) as err:
        verify_payload("hello")
    assert err.value.key == "workshop.cert.error.malformed"


def test_signature_by_an_unknown_key_is_valid_but_not_trusted(data_dir: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    load_or_create_key()
    stranger = sign_payload({"n": "Ana"}, Ed25519PrivateKey.generate())
    result = verify_payload(stranger)
    assert result.trusted is False
    (data_dir / "keys" / "trusted_keys.txt").write_text(result.data["k"] + "  # Bu Ani\n")
    assert verify_payload(stranger).trusted is True


def test_cli_certificates_and_verify(workshop, tmp_path: Path, capsys) -> None:
    url, _store, people, _posts = workshop
    out = tmp_path / "sert"
    assert main(["certificates", "KPG25", "--db", url, "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "belum dikonfirmasi" in text  # the UNCONFIRMED pass-mark warning
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 3
    assert main(["verify", str(pdfs[0])]) == 0
    assert "SAH" in capsys.readouterr().out
    payload = payload_from_file(pdfs[0])
    assert main(["verify", payload, "--lang", "en"]) == 0
    assert main(["verify", _tamper(payload, n="Orang Lain")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "TIDAK SAH" in err[0]
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(
        pdfs[0].read_bytes().replace(payload.encode(), _tamper(payload, s=100).encode())
    )
    assert main(["verify", str(fake)]) == 2


def test_bad_pass_mark_is_refused(workshop, tmp_path: Path) -> None:
    _url, store, _people, _posts = workshop
    with pytest.raises(Exception) as err:
        make_certificates(store, "KPG25", tmp_path, pass_mark=0)
    assert "0" in str(err.value)


def test_key_is_never_created_inside_the_repository(monkeypatch) -> None:
    folder = ROOT / "build" / "keys-test"
    monkeypatch.setenv("PANGAN_DATA_DIR", str(folder.parent))
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    with pytest.raises(CertificateError) as err:
        load_or_create_key(folder)
    assert err.value.key == "workshop.cert.error.key_in_repo"
    assert not folder.exists()
