"""The ``pangan content check`` command: validate every piece of teaching content.

Checks every question bank (schema, file names, parallel pre/post forms), every translation
file (readable, same keys and placeholders in ``id`` and ``en``), and calls
``toolkit.<topic>.content.validate()`` for each topic module that has one (label cases,
checklists, …). Problems are listed one per line; the exit status is 1 when there are any.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from toolkit import yamlio
from toolkit.i18n import LOCALES_DIR, t

log = logging.getLogger("pangan")

#: Topic modules whose ``content.validate()`` is called when they exist.
TOPICS: tuple[str, ...] = ("labels", "shelflife", "hygiene", "gmp", "nutrition", "permits")
#: Bank file names allowed besides the topic keys.
FORM_KEYS: tuple[str, ...] = ("pretest", "posttest")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _flatten(prefix: str, node: Any, out: dict[str, Any]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[prefix] = node


def check_translations(locales_dir: Path | None = None) -> list[str]:
    """Problems in the locale catalogues: unreadable files, keys or placeholders that differ."""
    root = locales_dir or LOCALES_DIR
    problems: list[str] = []
    cats: dict[str, dict[str, Any]] = {}
    for lang in ("id", "en"):
        cat: dict[str, Any] = {}
        files = sorted((root / lang).glob("*.yaml"))
        if not files:
            problems.append(f"{root / lang}: no translation files")
        for path in files:
            name = f"locales/{lang}/{path.name}"
            try:
                data = yamlio.safe_load(path.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                problems.append(f"{name}: not valid YAML: {getattr(exc, 'problem', exc)}")
                continue
            if not isinstance(data, dict):
                problems.append(f"{name}: must be a mapping of keys to texts")
                continue
            flat: dict[str, Any] = {}
            _flatten(path.stem, data, flat)
            for key, value in flat.items():
                if not isinstance(value, str) or not value.strip():
                    problems.append(f"{name}: {key}: must be a non-empty text")
            cat.update(flat)
        cats[lang] = cat
    ids, ens = cats["id"], cats["en"]
    for key in sorted(set(ids) - set(ens)):
        problems.append(f"locales/en: {key}: missing (it is in locales/id)")
    for key in sorted(set(ens) - set(ids)):
        problems.append(f"locales/id: {key}: missing (it is in locales/en)")
    for key in sorted(set(ids) & set(ens)):
        a = set(_PLACEHOLDER.findall(str(ids[key])))
        b = set(_PLACEHOLDER.findall(str(ens[key])))
        if a != b:
            problems.append(f"locales: {key}: placeholders differ (id {sorted(a)}, en {sorted(b)})")
    return problems


def check_banks(banks_dir: Path | None = None) -> list[str]:
    """Problems in the question banks (and in ``examples/``), each naming file/question/field."""
    from toolkit.quiz.bank import load_banks
    from toolkit.quiz.model import BANKS_DIR
    from toolkit.quiz.prepost import parallel_problems

    root = banks_dir or BANKS_DIR
    problems: list[str] = []
    banks, bank_problems = load_banks(root)
    problems += [str(p) for p in bank_problems]
    if (root / "examples").is_dir():
        _, example_problems = load_banks(root / "examples")
        problems += [str(p) for p in example_problems]
    allowed = set(TOPICS) | set(FORM_KEYS)
    for key, bank in sorted(banks.items()):
        if key not in allowed:
            problems.append(
                f"{key}.yaml: the file name must be a module topic key "
                f"({', '.join(sorted(allowed))})"
            )
        expected = key if key in FORM_KEYS else "module"
        if bank.kind != expected:
            problems.append(f"{key}.yaml, field kind: must be '{expected}'")
        if key in TOPICS:
            for q in bank.questions:
                if q.topic != key:
                    problems.append(
                        f"{key}.yaml, question {q.id}, field topic: must be '{key}' in this bank"
                    )
    if "pretest" in banks and "posttest" in banks:
        problems += [str(p) for p in parallel_problems(banks["pretest"], banks["posttest"])]
    elif "pretest" in banks or "posttest" in banks:
        problems.append("pretest.yaml/posttest.yaml: both forms are needed")
    return problems


def check_topics(topics: Iterable[str] = TOPICS) -> list[str]:
    """Run ``toolkit.<topic>.content.validate()`` for each topic that has it."""
    problems: list[str] = []
    for topic in topics:
        name = f"toolkit.{topic}.content"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name in (name, f"toolkit.{topic}"):
                continue
            problems.append(f"{name}: cannot be imported: {exc}")
            continue
        validate = getattr(module, "validate", None)
        if validate is None:
            problems.append(f"{name}: has no validate() function")
            continue
        try:
            found = validate() or []
        except Exception as exc:  # a topic's bug must not hide the other topics' problems
            log.exception("content validation of %s failed", topic)
            problems.append(f"{name}.validate() failed: {exc}")
            continue
        problems += [f"{topic}: {p}" for p in found]
    return problems


def check_content(
    banks_dir: Path | None = None,
    locales_dir: Path | None = None,
    topics: Iterable[str] = TOPICS,
) -> list[str]:
    """Every content problem (banks, translations, topic data); empty when all is well."""
    return check_banks(banks_dir) + check_translations(locales_dir) + check_topics(topics)


def _run_check(args: argparse.Namespace) -> int:
    lang = args.lang
    problems = check_content(
        banks_dir=Path(args.banks) if args.banks else None,
        locales_dir=Path(args.locales) if args.locales else None,
    )
    if problems:
        print(t("content.problems", lang, count=len(problems)), file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print(t("content.ok", lang))
    return 0


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``content check`` to the ``pangan`` command."""
    p = sub.add_parser(
        "content",
        help="Periksa isi pelatihan / check the training content",
        description="Periksa bank soal, terjemahan dan data modul. "
        "/ Check question banks, translations and module data.",
    )
    p.set_defaults(func=lambda _args: _usage(p))
    inner = p.add_subparsers(dest="content_command", metavar="check")
    c = inner.add_parser(
        "check",
        help="Periksa semua isi; keluar dengan status 1 bila ada masalah "
        "/ check everything; exit status 1 on problems",
    )
    c.add_argument("--lang", choices=["id", "en"], default="id", help="Bahasa / language")
    c.add_argument("--banks", default=None, help="Folder bank soal / question-bank folder")
    c.add_argument("--locales", default=None, help="Folder terjemahan / locales folder")
    c.set_defaults(func=_run_check)
