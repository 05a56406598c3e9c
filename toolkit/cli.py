"""The ``pangan`` command: bilingual help, one clear line on every user error.

Each command group lives in its own module with a ``register(subparsers)`` function; this
file only assembles them, so adding a command never touches another topic's code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from toolkit.errors import ToolkitError

# Modules that add sub-commands. A module that is not there yet is skipped.
COMMAND_MODULES: tuple[str, ...] = (
    "toolkit.serve.command",
    "toolkit.workshop.commands",
    "toolkit.content",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="pangan",
        description=(
            "Pangan Aman Toolkit — pelatihan keamanan pangan untuk UMKM. "
            "/ Food-safety training toolkit for small food businesses."
        ),
    )
    from toolkit import __version__

    parser.add_argument("--version", action="version", version=f"pangan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH/COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``pangan`` command; returns the exit status."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ToolkitError as exc:
        lang = getattr(args, "lang", None) or "id"
        print(f"pangan: {exc.message(lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
