"""Loading question-bank YAML files into validated :class:`~toolkit.quiz.model.Bank` objects.

Every problem names the file, the question id and the field, so a trainer can fix it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from toolkit import yamlio
from toolkit.quiz.model import BANKS_DIR, Bank, BankProblem, QuizError

log = logging.getLogger("pangan")


def _display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(BANKS_DIR.parents[2]))
    except ValueError:
        return str(path)


def _problems_from_validation(fname: str, raw: dict[str, Any], exc: ValidationError) -> list:
    problems: list[BankProblem] = []
    questions = raw.get("questions") if isinstance(raw.get("questions"), list) else []
    errors = exc.errors()
    seen: set[tuple[str, tuple]] = set()
    inside = any(len(e["loc"]) >= 2 and e["loc"][0] == "questions" for e in errors)
    for err in errors:
        loc = list(err.get("loc", ()))
        if inside and loc == ["questions"] and err.get("type") == "too_short":
            continue  # a side effect of a broken question, already reported
        qid = ""
        if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
            idx = loc[1]
            item = questions[idx] if idx < len(questions) else None
            qid = (
                str(item.get("id")) if isinstance(item, dict) and item.get("id") else f"#{idx + 1}"
            )
            loc = loc[2:]
        msg = str(err.get("msg", "invalid"))
        msg = msg.removeprefix("Value error, ")
        if err.get("type") == "string_type" and isinstance(err.get("input"), int | float):
            msg += " (YAML read a number or yes/no here: put the text in double quotes)"
        if err.get("type") == "extra_forbidden" and err.get("input") is None and len(loc) > 1:
            # `{id: a, b, en: c}`: YAML read the part after a comma as a new key
            msg = (
                f"'{loc[-1]}' looks like part of a text cut at a comma: "
                "put the whole text in double quotes"
            )
            loc = loc[:-1]
            key = (qid, tuple(loc))
            if key in seen:
                continue
            seen.add(key)
        # A model-level check names its own field as "field: message".
        field = ".".join(str(p) for p in loc)
        if not field and ": " in msg:
            field, msg = msg.split(": ", 1)
        problems.append(BankProblem(file=fname, question=qid, field=field, detail=msg))
    return problems


_loaded: dict[str, tuple[tuple[int, int], Bank]] = {}  # path -> (mtime, size), bank


def load_bank(path: str | Path) -> Bank:
    """Read and validate one bank file; its key is the file name without ``.yaml``.

    A bank already read is reused while its file is unchanged (same modification time and
    size): a trainer's edit is read at the next opening, and kernels forked from the warm
    fork server share the banks it read (toolkit.serve.forkserver).

    Args:
        path: The YAML file (e.g. ``toolkit/quiz/banks/hygiene.yaml``).

    Returns:
        The validated bank.

    Raises:
        QuizError: ``quiz.error.bank`` naming the file, question id and field of the first
            problem; ``err.problems`` lists all of them.
    """
    path = Path(path)
    try:
        st = path.stat()
        key, stamp = str(path.resolve()), (st.st_mtime_ns, st.st_size)
    except OSError:
        return _read_bank(path)  # says why it cannot be read
    known = _loaded.get(key)
    if known is not None and known[0] == stamp:
        return known[1]
    bank = _read_bank(path)
    _loaded[key] = (stamp, bank)
    return bank


def _read_bank(path: Path) -> Bank:
    fname = _display_name(path)
    try:
        raw = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        problem = BankProblem(file=fname, detail=f"cannot read: {exc.strerror or exc}")
        raise QuizError("quiz.error.bank", [problem], **_params(problem, 1)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problem = BankProblem(
            file=fname, field=where, detail=f"not valid YAML: {getattr(exc, 'problem', exc)}"
        )
        raise QuizError("quiz.error.bank", [problem], **_params(problem, 1)) from exc
    if not isinstance(raw, dict):
        problem = BankProblem(file=fname, detail="the file must be a mapping with 'questions:'")
        raise QuizError("quiz.error.bank", [problem], **_params(problem, 1))
    if "key" in raw:
        problem = BankProblem(
            file=fname, field="key", detail="do not write 'key'; the file name is the key"
        )
        raise QuizError("quiz.error.bank", [problem], **_params(problem, 1))
    try:
        return Bank.model_validate({**raw, "key": path.stem})
    except ValidationError as exc:
        problems = _problems_from_validation(fname, raw, exc)
        raise QuizError("quiz.error.bank", problems, **_params(problems[0], len(problems))) from exc


def _params(problem: BankProblem, count: int) -> dict[str, Any]:
    return {
        "file": problem.file,
        "question": problem.question or "-",
        "field": problem.field or "-",
        "detail": problem.detail,
        "count": count,
    }


def bank_files(folder: Path | None = None) -> list[Path]:
    """Every ``*.yaml`` bank file in ``folder`` (default: the shipped banks), sorted."""
    return sorted((folder or BANKS_DIR).glob("*.yaml"))


def bank_path(key: str) -> Path:
    """The shipped bank file for ``key`` (a module topic key, ``pretest`` or ``posttest``)."""
    return BANKS_DIR / f"{key}.yaml"


def load_banks(folder: Path | None = None) -> tuple[dict[str, Bank], list[BankProblem]]:
    """Load every bank in ``folder``; a broken file is reported and skipped, not fatal.

    Returns:
        ``(banks by key, problems)``; the other banks keep working when one is corrupt.
    """
    banks: dict[str, Bank] = {}
    problems: list[BankProblem] = []
    for path in bank_files(folder):
        try:
            banks[path.stem] = load_bank(path)
        except QuizError as exc:
            log.warning("question bank %s skipped: %s", path.name, exc.problems[0])
            problems.extend(exc.problems)
    return banks, problems
