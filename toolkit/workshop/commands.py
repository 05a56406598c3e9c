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
