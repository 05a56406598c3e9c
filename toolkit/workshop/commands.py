"""The trainer's commands: ``workshop``, ``participants``, ``export``, ``certificates``,
``verify`` and ``dashboard`` (registered into ``pangan`` by ``toolkit.cli``).

Each handler opens the store given by ``--db`` (default ``$PANGAN_DB_URL`` or the SQLite file
in the data directory), prints short translated lines, and raises a ``ToolkitError`` for
anything the trainer can fix, which the CLI prints as one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from toolkit.i18n import t
from toolkit.store import Store, open_store
from toolkit.workshop.errors import ParticipantsImportError, WorkshopError


def _help(key: str) -> str:
    return f"{t(key, 'id')} / {t(key, 'en')}"


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help=_help("workshop.help.db"))
    p.add_argument("--lang", choices=["id", "en"], default="id", help=_help("workshop.help.lang"))


def _workshop_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("-w", "--workshop", metavar="KODE", help=_help("workshop.help.workshop"))


def _say(args: argparse.Namespace, key: str, **params: Any) -> None:
    print(t(key, args.lang, **params))


def _store(args: argparse.Namespace) -> Store:
    return open_store(args.db)


def _check_code(code: str) -> str:
    from toolkit.app.session import CODE_RE

    code = (code or "").strip()
    if not CODE_RE.match(code):
        raise WorkshopError("workshop.error.bad_code", code=code)
    return code.upper()


def _resolve_workshop(store: Store, code: str | None) -> str:
    if code:
        code = _check_code(code)
        if store.workshop(code) is None:
            raise WorkshopError("workshop.error.no_workshop", code=code)
        return code
    workshops = store.workshops()
    if len(workshops) == 1:
        return workshops[0].code
    raise WorkshopError("workshop.error.which", codes=", ".join(w.code for w in workshops) or "—")


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise WorkshopError("workshop.error.bad_date", value=text) from exc


# -- workshop -------------------------------------------------------------------------------


def cmd_workshop_create(args: argparse.Namespace) -> int:
    """``pangan workshop create``."""
    code = _check_code(args.code)
    start = _date(args.start)
    end = _date(args.end) or start
    if start and end and end < start:
        raise WorkshopError("workshop.error.date_order", start=args.start, end=args.end)
    if not args.name.strip():
        raise WorkshopError("workshop.error.no_name")
    store = _store(args)
    store.create_workshop(code, args.name.strip(), args.place.strip(), start, end, args.trainer)
    _say(args, "workshop.msg.created", code=code, name=args.name.strip())
    return 0


def cmd_workshop_list(args: argparse.Namespace) -> int:
    """``pangan workshop list``."""
    from toolkit.store.models import Participant

    store = _store(args)
    workshops = store.workshops()
    if not workshops:
        _say(args, "workshop.msg.none")
    for w in workshops:
        n = store.count(Participant, w.code)
        print(f"{w.code}\t{w.name}\t{w.place}\t{w.start_date or ''}\t{n}")
    return 0


# -- participants ---------------------------------------------------------------------------


def cmd_participants_import(args: argparse.Namespace) -> int:
    """``pangan participants import FILE``."""
    from toolkit.workshop.participants import forbidden_columns, import_participants

    store = _store(args)
    ws = _resolve_workshop(store, args.workshop)
    try:
        result = import_participants(store, ws, args.file, skip_bad=args.skip_bad)
    except ParticipantsImportError as err:
        for bad in err.bad:
            print(bad.message(args.lang), file=sys.stderr)
        raise
    for bad in result.bad:
        print(bad.message(args.lang), file=sys.stderr)
    for col in forbidden_columns(result.ignored_columns):
        _say(args, "workshop.msg.forbidden_column", column=col)
    others = [c for c in result.ignored_columns if c not in forbidden_columns([c])]
    if others:
        _say(args, "workshop.msg.ignored_columns", columns=", ".join(others))
    _say(
        args,
        "workshop.msg.imported",
        count=len(result.imported),
        skipped=len(result.bad),
        code=ws,
    )
    return 0


def cmd_participants_list(args: argparse.Namespace) -> int:
    """``pangan participants list``."""
    store = _store(args)
    ws = _resolve_workshop(store, args.workshop)
    for p in store.participants(ws):
        print(f"{p.code}\t{p.name}\t{p.business_name}\t{p.village}\t{p.product_type}")
    return 0


def cmd_participants_cards(args: argparse.Namespace) -> int:
    """``pangan participants cards``."""
    from toolkit.workshop.cards import write_cards_pdf
    from toolkit.workshop.links import default_host

    store = _store(args)
    ws = _resolve_workshop(store, args.workshop)
    host = args.host or default_host()
    out = Path(args.out or f"kartu-peserta-{ws}.pdf")
    cards = write_cards_pdf(store, ws, out, host, args.port, codes=args.code or None)
    if host.startswith("127."):
        _say(args, "workshop.msg.localhost_cards")
    _say(args, "workshop.msg.cards", count=len(cards), path=str(out), host=host, port=args.port)
    return 0


def cmd_participants_delete(args: argparse.Namespace) -> int:
    """``pangan participants delete CODE``."""
    store = _store(args)
    ws = _resolve_workshop(store, args.workshop)
    code = _check_code(args.code)
    person = store.participant(ws, code)
    if person is None:
        raise WorkshopError("workshop.error.no_participant", code=code, workshop=ws)
    if not args.yes:
        if not sys.stdin.isatty():
            raise WorkshopError("workshop.error.confirm")
        reply = input(t("workshop.msg.confirm_delete", args.lang, name=person.name, code=code))
        if reply.strip().lower() not in ("y", "ya", "yes"):
            _say(args, "workshop.msg.cancelled")
            return 1
    counts = store.delete_participant(ws, code)
    _say(
        args,
        "workshop.msg.deleted",
        name=person.name,
        code=code,
        answers=counts.answers,
        progress=counts.progress + counts.attempts + counts.certificates,
    )
    return 0


# -- export ---------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    """``pangan export WORKSHOP --xlsx FILE --csv DIR``."""
    from toolkit.workshop.export import write_csv, write_xlsx

    store = _store(args)
    ws = _resolve_workshop(store, args.workshop)
    xlsx = args.xlsx
    if not xlsx and not args.csv:
        xlsx = f"{ws}.xlsx"
    modules = _module_keys()
    if xlsx:
        write_xlsx(store, ws, xlsx, args.lang, args.pass_mark, modules)
        _say(args, "workshop.msg.exported", path=str(xlsx))
    if args.csv:
        for path in write_csv(store, ws, args.csv, args.lang, args.pass_mark, modules):
            _say(args, "workshop.msg.exported", path=str(path))
    return 0


def cmd_certificates(args: argparse.Namespace) -> int:
    """``pangan certificates WORKSHOP``."""
    from toolkit.workshop.certificates import make_certificates

    store = _store(args)
    ws = _resolve_workshop(store, args.workshop)
    _say(args, "workshop.msg.pass_mark_note", mark=f"{args.pass_mark:g}")
    out = Path(args.out or f"sertifikat-{ws}")
    issued = make_certificates(store, ws, out, args.pass_mark)
    if not issued:
        _say(args, "workshop.msg.no_passed", mark=f"{args.pass_mark:g}")
        return 0
    _say(args, "workshop.msg.certificates", count=len(issued), path=str(out))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """``pangan verify PAYLOAD|FILE``."""
    from toolkit.workshop.certificates import (
        fingerprint,
        keys_dir,
        load_or_create_key,
        payload_from_file,
        public_key_text,
        verify_payload,
    )

    if args.show_key:
        pub = public_key_text(load_or_create_key())
        _say(args, "workshop.msg.key_info", key=pub, fingerprint=fingerprint(pub))
        _say(args, "workshop.msg.key_trust", path=str(keys_dir() / "trusted_keys.txt"))
        return 0
    if not args.certificate:
        raise WorkshopError("workshop.cert.error.nothing")
    text = args.certificate.strip()
    if not text.startswith("PA1."):
        if not Path(text).is_file():
            raise WorkshopError("workshop.error.no_file", path=text)
        text = payload_from_file(text)
    result = verify_payload(text)
    d = result.data
    _say(
        args,
        "workshop.msg.verify_ok",
        name=d.get("n", ""),
        workshop=f"{d.get('wn', '')} ({d.get('w', '')})",
        date=d.get("d", ""),
        score=d.get("s", ""),
    )
    if result.trusted:
        _say(args, "workshop.msg.verify_trusted", fingerprint=result.fingerprint)
        return 0
    _say(args, "workshop.msg.verify_untrusted", fingerprint=result.fingerprint)
    return 1


def cmd_dashboard(args: argparse.Namespace) -> int:
    """``pangan dashboard``."""
    from toolkit.dashboard.launch import DashboardOptions, run

    return run(
        DashboardOptions(
            port=args.port,
            host=args.host,
            db=args.db,
            workshop=args.workshop,
            lang=args.lang,
            token=args.token,
            refresh=args.refresh,
        )
    )


def _module_keys() -> list[str]:
    """The classroom's module keys in course order (none when the catalogue is unreadable)."""
    try:
        from toolkit.app.catalogue import discover

        return [m.key for m in discover()]
    except Exception:  # an unreadable catalogue must not stop an export
        return []


def _pass_mark(text: str) -> float:
    try:
        mark = float(text.replace(",", "."))
    except ValueError:
        mark = float("nan")
    if not 0 < mark <= 100:
        raise argparse.ArgumentTypeError(
            f"{t('workshop.cert.error.pass_mark', 'id', mark=text)} / "
            f"{t('workshop.cert.error.pass_mark', 'en', mark=text)}"
        )
    return mark


def _pass_mark_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pass-mark",
        type=_pass_mark,
        default=60.0,
        metavar="NILAI",
        help=_help("workshop.help.pass_mark"),
    )


# -- registration ---------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    """Add the workshop commands to the ``pangan`` parser."""
    ws = subparsers.add_parser("workshop", help=_help("workshop.help.workshop_group"))
    ws_sub = ws.add_subparsers(dest="workshop_command", metavar="PERINTAH/COMMAND")
    create = ws_sub.add_parser("create", help=_help("workshop.help.create"))
    create.add_argument("--code", required=True, help=_help("workshop.help.code"))
    create.add_argument("--name", required=True, help=_help("workshop.help.name"))
    create.add_argument("--place", default="", help=_help("workshop.help.place"))
    create.add_argument("--start", metavar="YYYY-MM-DD", help=_help("workshop.help.start"))
    create.add_argument("--end", metavar="YYYY-MM-DD", help=_help("workshop.help.end"))
    create.add_argument("--trainer", default="", help=_help("workshop.help.trainer"))
    _common(create)
    create.set_defaults(func=cmd_workshop_create)
    lst = ws_sub.add_parser("list", help=_help("workshop.help.list"))
    _common(lst)
    lst.set_defaults(func=cmd_workshop_list)

    parts = subparsers.add_parser("participants", help=_help("workshop.help.participants"))
    p_sub = parts.add_subparsers(dest="participants_command", metavar="PERINTAH/COMMAND")
    imp = p_sub.add_parser("import", help=_help("workshop.help.import"))
    imp.add_argument("file", metavar="FILE", help=_help("workshop.help.file"))
    imp.add_argument("--skip-bad", action="store_true", help=_help("workshop.help.skip_bad"))
    _workshop_arg(imp)
    _common(imp)
    imp.set_defaults(func=cmd_participants_import)

    pl = p_sub.add_parser("list", help=_help("workshop.help.plist"))
    _workshop_arg(pl)
    _common(pl)
    pl.set_defaults(func=cmd_participants_list)

    cards = p_sub.add_parser("cards", help=_help("workshop.help.cards"))
    cards.add_argument("-o", "--out", metavar="PDF", help=_help("workshop.help.out_pdf"))
    cards.add_argument("--host", help=_help("workshop.help.card_host"))
    cards.add_argument("--port", type=int, default=8866, help=_help("workshop.help.card_port"))
    cards.add_argument("--code", action="append", help=_help("workshop.help.only_code"))
    _workshop_arg(cards)
    _common(cards)
    cards.set_defaults(func=cmd_participants_cards)

    dele = p_sub.add_parser("delete", help=_help("workshop.help.delete"))
    dele.add_argument("code", metavar="KODE", help=_help("workshop.help.pcode"))
    dele.add_argument("-y", "--yes", action="store_true", help=_help("workshop.help.yes"))
    _workshop_arg(dele)
    _common(dele)
    dele.set_defaults(func=cmd_participants_delete)

    exp = subparsers.add_parser("export", help=_help("workshop.help.export"))
    exp.add_argument("workshop", metavar="KODE", nargs="?", help=_help("workshop.help.workshop"))
    exp.add_argument("--xlsx", metavar="FILE", help=_help("workshop.help.xlsx"))
    exp.add_argument("--csv", metavar="FOLDER", help=_help("workshop.help.csv"))
    _pass_mark_arg(exp)
    _common(exp)
    exp.set_defaults(func=cmd_export)

    cert = subparsers.add_parser("certificates", help=_help("workshop.help.certificates"))
    cert.add_argument("workshop", metavar="KODE", nargs="?", help=_help("workshop.help.workshop"))
    cert.add_argument("-o", "--out", metavar="FOLDER", help=_help("workshop.help.cert_out"))
    _pass_mark_arg(cert)
    _common(cert)
    cert.set_defaults(func=cmd_certificates)

    ver = subparsers.add_parser("verify", help=_help("workshop.help.verify"))
    ver.add_argument("certificate", nargs="?", metavar="PDF|TEKS", help=_help("workshop.help.cert"))
    ver.add_argument("--show-key", action="store_true", help=_help("workshop.help.show_key"))
    ver.add_argument("--lang", choices=["id", "en"], default="id", help=_help("workshop.help.lang"))
    ver.set_defaults(func=cmd_verify)

    dash = subparsers.add_parser("dashboard", help=_help("workshop.help.dashboard"))
    dash.add_argument("workshop", metavar="KODE", nargs="?", help=_help("workshop.help.workshop"))
    dash.add_argument("--port", type=int, default=8867, help=_help("workshop.help.dash_port"))
    dash.add_argument("--host", default="127.0.0.1", help=_help("workshop.help.dash_host"))
    dash.add_argument("--token", help=_help("workshop.help.token"))
    dash.add_argument("--refresh", type=float, default=15.0, help=_help("workshop.help.refresh"))
    _common(dash)
    dash.set_defaults(func=cmd_dashboard)
