"""The ``pangan serve`` sub-command (bilingual help)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``serve`` to the ``pangan`` command."""
    p = sub.add_parser(
        "serve",
        help="Sajikan kelas untuk peserta / serve the trainee classroom",
        description=(
            "Menyajikan modul peserta dengan Voila di jaringan lokal. "
            "/ Serves the trainee modules with Voila on the local network."
        ),
    )
    p.add_argument("--port", type=int, default=8866, help="Port (bawaan/default 8866)")
    p.add_argument(
        "--host",
        default="0.0.0.0",
        help="Alamat yang didengarkan / address to listen on (bawaan/default 0.0.0.0 = semua/all)",
    )
    p.add_argument(
        "--db",
        default=None,
        help="URL SQLAlchemy basis data / SQLAlchemy database URL "
        "(bawaan/default: berkas SQLite di folder data / a SQLite file in the data folder)",
    )
    p.add_argument(
        "--lang",
        choices=["id", "en"],
        default="id",
        help="Bahasa pesan & tautan / language of messages and link (id|en)",
    )
    p.add_argument(
        "--module",
        default=None,
        help="Sajikan satu modul saja / serve one module notebook only (mis./e.g. 01_higiene_sanitasi)",
    )
    p.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        help="Folder notebook modul / folder of module notebooks",
    )
    p.add_argument(
        "--cull-idle",
        type=int,
        default=900,
        dest="cull_idle_seconds",
        help="Detik sebelum kernel halaman yang ditutup dihentikan "
        "/ seconds before a closed page's kernel is stopped (bawaan/default 900)",
    )
    p.add_argument(
        "--expect",
        type=int,
        default=0,
        help="Perkiraan jumlah peserta: menyiapkan kernel lebih dulu "
        "/ expected participants: keeps kernels ready (bawaan/default 0 = tidak/none)",
    )
    p.add_argument(
        "--max-kernels",
        type=int,
        default=None,
        help="Batas kernel peserta sekaligus; lebih dari itu melihat halaman 'ruangan penuh' "
        "/ cap on live trainee kernels; beyond it a 'room is full' page "
        "(bawaan/default: menurut memori / from free memory)",
    )
    p.add_argument("--no-qr", action="store_false", dest="qr", help="Tanpa kode QR / no QR code")
    p.add_argument(
        "--jupyterhub",
        action="store_true",
        help="Dijalankan oleh JupyterHub: alamat dan awalan URL dari JupyterHub, masuk lewat "
        "JupyterHub / started by JupyterHub: address and URL prefix from JupyterHub, "
        "login through JupyterHub (deploy/README.md)",
    )
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from toolkit.serve.launch import ServeOptions, serve

    return serve(
        ServeOptions(
            port=args.port,
            host=args.host,
            db=args.db,
            lang=args.lang,
            module=args.module,
            notebooks=args.notebooks,
            cull_idle_seconds=args.cull_idle_seconds,
            qr=args.qr,
            expect=args.expect,
            max_kernels=args.max_kernels,
            jupyterhub=args.jupyterhub,
        )
    )
