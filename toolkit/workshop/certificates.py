"""Certificates: a PDF per participant who passed, with a QR code of a signed payload, and
offline verification of such payloads.

The payload is ``PA1.<data>.<signature>``: ``data`` is base64url JSON (name, business,
workshop, date, score, participant code and the signer's public key) and ``signature`` the
base64url Ed25519 signature of the ``data`` text. The trainer's private key is generated on
first use in the data directory (``keys/certificate_ed25519.pem``, never in the repository).
Anyone can check the signature offline; whether the signer is *trusted* depends on the key:
this computer's own key, or a public key listed in ``keys/trusted_keys.txt``.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from toolkit.i18n import fmt_date, fmt_number, t
from toolkit.paths import data_dir
from toolkit.store import Store
from toolkit.workshop.errors import WorkshopError
from toolkit.workshop.pdf import FONT, fit_lines, new_pdf, qr_png
from toolkit.workshop.results import DEFAULT_PASS_MARK, POST_QUIZ, quiz_scores

PREFIX = "PA1"
PAYLOAD_RE = re.compile(rb"PA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
KEY_FILE = "certificate_ed25519.pem"
TRUSTED_FILE = "trusted_keys.txt"


class CertificateError(WorkshopError):
    """A certificate payload is malformed or its signature does not verify."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def keys_dir() -> Path:
    """Where the signing key and the trusted public keys live (in the data directory)."""
    return data_dir() / "keys"


def load_or_create_key(folder: Path | None = None) -> Ed25519PrivateKey:
    """The trainer's signing key, generated (readable by the owner only) on first use.

    Raises:
        CertificateError: the key file is not an Ed25519 key, or a new key would be created
            inside the toolkit's source checkout (where it could be committed).
    """
    folder = folder or keys_dir()
    path = folder / KEY_FILE
    if path.is_file():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise CertificateError("workshop.cert.error.key", path=str(path))
        return key
    source = Path(__file__).resolve().parents[2]
    if (source / ".git").exists() and folder.resolve().is_relative_to(source):
        raise CertificateError("workshop.cert.error.key_in_repo", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    return key


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The raw public key as base64url text (as carried in payloads and trusted-key lists)."""
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _b64(raw)


def fingerprint(public_key: str) -> str:
    """A short, readable fingerprint of a base64url public key: ``AB12-CD34-EF56-7890``."""
    digest = hashlib.sha256(_unb64(public_key)).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def sign_payload(data: dict[str, Any], key: Ed25519PrivateKey) -> str:
    """The signed payload text of ``data`` (the signer's public key is added as ``k``)."""
    body = dict(data, k=public_key_text(key))
    text = _b64(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return f"{PREFIX}.{text}.{_b64(key.sign(text.encode('ascii')))}"


@dataclasses.dataclass(frozen=True)
class Verification:
    """A verified payload: its data, the signer's fingerprint and whether it is trusted."""

    data: dict[str, Any]
    fingerprint: str
    trusted: bool


def trusted_keys(folder: Path | None = None) -> set[str]:
    """Public keys trusted here: this computer's own key and those in ``trusted_keys.txt``."""
    folder = folder or keys_dir()
    keys: set[str] = set()
    own = folder / KEY_FILE
    if own.is_file():
        keys.add(public_key_text(load_or_create_key(folder)))
    listed = folder / TRUSTED_FILE
    if listed.is_file():
        for line in listed.read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                keys.add(word)
    return keys


def verify_payload(payload: str, trusted: set[str] | None = None) -> Verification:
    """Check a payload's signature offline.

    Args:
        payload: The text of the certificate's QR code.
        trusted: Trusted public keys (default: :func:`trusted_keys`).

    Returns:
        The certificate data, the signer's fingerprint and whether that key is trusted.

    Raises:
        CertificateError: the text is not a payload, or the signature does not match (the
            payload was changed after signing).
    """
    parts = payload.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise CertificateError("workshop.cert.error.malformed")
    try:
        body = json.loads(_unb64(parts[1]).decode("utf-8"))
        pub = Ed25519PublicKey.from_public_bytes(_unb64(body["k"]))
        signature = _unb64(parts[2])
    except (ValueError, KeyError, TypeError) as exc:
        raise CertificateError("workshop.cert.error.malformed") from exc
    try:
        pub.verify(signature, parts[1].encode("ascii"))
    except InvalidSignature as exc:
        raise CertificateError("workshop.cert.error.signature") from exc
    keys = trusted_keys() if trusted is None else trusted
    return Verification(data=body, fingerprint=fingerprint(body["k"]), trusted=body["k"] in keys)


def payload_from_file(path: str | Path) -> str:
    """The payload stored in a certificate PDF (its metadata) or in a text file.

    Raises:
        CertificateError: the file holds no payload.
    """
    raw = Path(path).read_bytes()
    found = PAYLOAD_RE.search(raw)
    if not found:
        raise CertificateError("workshop.cert.error.no_payload", path=str(path))
    return found.group(0).decode("ascii")


@dataclasses.dataclass(frozen=True)
class Issued:
    """One certificate written: who, where, with which payload."""

    code: str
    name: str
    score: float
    path: Path
    payload: str


def _when(ws: Any) -> dt.date:
    return ws.end_date or ws.start_date or dt.date.today()


def _dates_text(ws: Any) -> str:
    if ws.start_date and ws.end_date and ws.end_date != ws.start_date:
        return f"{fmt_date(ws.start_date, 'id')} – {fmt_date(ws.end_date, 'id')}"
    return fmt_date(_when(ws), "id")


def make_certificates(
    store: Store,
    workshop: str,
    out_dir: str | Path,
    pass_mark: float = DEFAULT_PASS_MARK,
    key: Ed25519PrivateKey | None = None,
) -> list[Issued]:
    """Write a certificate PDF for every participant whose post-test reaches ``pass_mark``.

    Args:
        store: The results store.
        workshop: Workshop code.
        out_dir: Folder for ``sertifikat-<workshop>-<code>.pdf`` files.
        pass_mark: Post-test percentage needed.
        key: Signing key (default: the trainer's key in the data directory).

    Returns:
        What was issued (also saved in the store's ``certificates`` table).

    Raises:
        WorkshopError: unknown workshop, bad pass mark, or the folder cannot be written.
    """
    ws = store.workshop(workshop)
    if ws is None:
        raise WorkshopError("workshop.error.no_workshop", code=workshop)
    if not 0 < pass_mark <= 100:
        raise WorkshopError("workshop.cert.error.pass_mark", mark=pass_mark)
    key = key or load_or_create_key()
    fp = fingerprint(public_key_text(key))
    post = quiz_scores(store, workshop, POST_QUIZ)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkshopError("workshop.error.cannot_write", path=str(out)) from exc
    issued = []
    for p in store.participants(workshop):
        score = post.get(p.code)
        if score is None or score < pass_mark:
            continue
        score = round(score, 1)
        payload = sign_payload(
            {
                "v": 1,
                "n": p.name,
                "b": p.business_name,
                "w": ws.code,
                "wn": ws.name,
                "d": _when(ws).isoformat(),
                "s": score,
                "p": p.code,
            },
            key,
        )
        path = out / f"sertifikat-{ws.code}-{p.code}.pdf"
        _write_pdf(path, ws, p, score, payload, fp)
        store.save_certificate(ws.code, p.code, score, payload)
        issued.append(Issued(p.code, p.name, score, path, payload))
    return issued


def _write_pdf(path: Path, ws: Any, person: Any, score: float, payload: str, fp: str) -> None:
    pdf = new_pdf("L")
    pdf.set_title(t("workshop.cert.title", "id"))
    pdf.set_subject(f"{ws.code} {person.code}")
    pdf.set_keywords(payload)
    pdf.add_page()
    w, h = 297, 210
    pdf.set_draw_color(20, 90, 60)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, w - 16, h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, w - 22, h - 22)

    def line(text: str, size: float, style: str = "", y: float | None = None, gap: float = 2):
        if y is not None:
            pdf.set_y(y)
        pdf.set_font(FONT, style, size)
        pdf.set_x(20)
        pdf.multi_cell(w - 40, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line(t("workshop.cert.title", "id"), 30, "B", y=24, gap=1)
    line(t("workshop.cert.number", "id", number=f"{ws.code}-{person.code}"), 10, gap=8)
    line(t("workshop.cert.given_to", "id"), 13, gap=4)
    pdf.set_font(FONT, "B", 24)
    line(fit_lines(pdf, person.name, w - 40, 12, 2), 24, "B", gap=1)
    if person.business_name:
        pdf.set_font(FONT, "", 13)
        line(fit_lines(pdf, person.business_name, w - 40, 6.5, 1), 13, gap=6)
    line(t("workshop.cert.attended", "id", workshop=ws.name), 13, gap=1)
    place = f"{ws.place}, " if ws.place else ""
    line(f"{place}{_dates_text(ws)}", 12, gap=4)
    line(t("workshop.cert.score", "id", score=fmt_number(score, "id", 1)), 13, "B", gap=2)

    if ws.trainer:
        pdf.set_font(FONT, "", 11)
        pdf.set_xy(30, h - 48)
        pdf.cell(90, 6, t("workshop.cert.trainer", "id"), align="C")
        pdf.line(40, h - 28, 110, h - 28)
        pdf.set_xy(30, h - 27)
        pdf.cell(90, 6, ws.trainer, align="C")

    size = 46
    x, y = w - 20 - size, h - 20 - size - 8
    pdf.image(qr_png(payload, error="l"), x, y, size, size)
    pdf.set_font(FONT, "", 7)
    pdf.set_xy(x - 30, y + size + 1)
    pdf.multi_cell(size + 30, 3, t("workshop.cert.verify_hint", "id", key=fp), align="R")
    try:
        pdf.output(str(path))
    except OSError as exc:
        raise WorkshopError("workshop.error.cannot_write", path=str(path)) from exc
