"""Content check of the label topic's data files, for ``pangan content check``:
``rules.yaml``, ``vocab.yaml``, ``categories.yaml``, ``dates.yaml``, ``generator.yaml`` and
the curated cases."""

from __future__ import annotations

import re
from typing import Any

import yaml

from toolkit import yamlio
from toolkit.i18n import has
from toolkit.labels.model import FIELDS, KLIK, SEVERITIES

STATUSES = ("confirmed", "secondary", "unconfirmed")


def _rules_problems(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    checks = data.get("checks") or {}
    if not checks:
        out.append("rules.yaml: no checks")
    for cid, spec in checks.items():
        w = f"rules.yaml {cid}"
        if not isinstance(spec, dict):
            out.append(f"{w}: not a mapping")
            continue
        for need in ("field", "klik", "severity", "rule", "source", "status"):
            if not spec.get(need):
                out.append(
                    f"{w}: missing '{need}'"
                    + (" (rule without source)" if need == "source" else "")
                )
        if spec.get("field") not in (*FIELDS, "*"):
            out.append(f"{w}: unknown field '{spec.get('field')}'")
        if spec.get("klik") not in KLIK:
            out.append(f"{w}: unknown klik '{spec.get('klik')}'")
        if spec.get("severity") not in SEVERITIES:
            out.append(f"{w}: severity must be error or warning")
        if spec.get("status") not in STATUSES:
            out.append(f"{w}: status must be one of {', '.join(STATUSES)}")
        if spec.get("status") == "unconfirmed" and spec.get("severity") != "warning":
            out.append(f"{w}: an unconfirmed rule must be a warning")
        if spec.get("rule") and not re.fullmatch(
            r"[A-Za-z0-9.\-]+(/[A-Za-z0-9.\-]+)?", spec["rule"]
        ):
            out.append(f"{w}: rule id '{spec['rule']}' is not of the form Regulation/article")
        for kind in ("check", "fix"):
            for lang in ("id", "en"):
                if not has(f"labels.{kind}.{cid}", lang):
                    out.append(f"{w}: no {lang} text labels.{kind}.{cid}")
    for name, spec in (data.get("limits") or {}).items():
        if not isinstance(spec, dict) or "value" not in spec or not spec.get("source"):
            out.append(f"rules.yaml limit {name}: needs value and source")
    return out


def _vocab_problems(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for section, spec in data.items():
        skip = ("required_warnings", "claims")
        if isinstance(spec, dict) and section not in skip and not spec.get("source"):
            out.append(f"vocab.yaml {section}: list without source")
    for name, spec in (data.get("required_warnings") or {}).items():
        if not spec.get("source"):
            out.append(f"vocab.yaml required_warnings.{name}: without source")
        if not spec.get("all_of") or not all(isinstance(a, list) and a for a in spec["all_of"]):
            out.append(f"vocab.yaml required_warnings.{name}: all_of must be a list of lists")
    for name, spec in (data.get("claims") or {}).items():
        if not spec.get("source") or not spec.get("terms"):
            out.append(f"vocab.yaml claims.{name}: needs terms and source")
    groups = (data.get("allergens") or {}).get("groups") or {}
    if len(groups) != 10:
        out.append(f"vocab.yaml allergens: {len(groups)} groups, PerBPOM 31/2018 lists 10")
    for g, spec in groups.items():
        if not spec.get("terms"):
            out.append(f"vocab.yaml allergen {g}: no terms")
        for lang in ("id", "en"):
            if not has(f"labels.allergen.{g}", lang):
                out.append(f"vocab.yaml allergen {g}: no {lang} name")
    for key in (data.get("package_defects") or {}).get("keys", []):
        if not has(f"labels.defect.{key}", "id") or not has(f"labels.defect.{key}", "en"):
            out.append(f"vocab.yaml package defect {key}: no name")
    return out


def _category_problems(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key, spec in (data.get("categories") or {}).items():
        w = f"categories.yaml {key}"
        if spec.get("state") not in ("solid", "liquid", "semi"):
            out.append(f"{w}: state must be solid, liquid or semi")
        for code in spec.get("irt_groups") or []:
            if not (isinstance(code, str) and re.fullmatch(r"\d\d", code)):
                out.append(f"{w}: IRT group '{code}' must be a quoted two-digit code")
        if spec.get("irt_excluded") and not has(f"labels.irt_excluded.{spec['irt_excluded']}"):
            out.append(f"{w}: no text for exclusion '{spec['irt_excluded']}'")
        if spec.get("milk_warning") not in (None, "milk", "kental_manis"):
            out.append(f"{w}: milk_warning must be milk or kental_manis")
        if not has(f"labels.category.{key}", "id") or not has(f"labels.category.{key}", "en"):
            out.append(f"{w}: no name")
    for src in ("source_irt_groups", "source_irt_excluded", "source_milk"):
        if not data.get(src):
            out.append(f"categories.yaml: {src} missing")
    return out


def _cases_problems() -> list[str]:
    from toolkit.labels.cases import CASES_FILE, case_problems

    if not CASES_FILE.exists():
        return [f"{CASES_FILE.name}: missing"]
    try:
        data = yamlio.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"{CASES_FILE.name}: not valid YAML ({exc})"]
    raws = (data or {}).get("cases") or []
    out = [p for i, r in enumerate(raws) for p in case_problems(r, f"cases.yaml #{i + 1}")]
    ids = [r.get("id") for r in raws if isinstance(r, dict)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        out.append(f"cases.yaml: duplicate ids {dupes}")
    return out


def _generator_problems(cats: dict[str, Any], checks: dict[str, Any]) -> list[str]:
    from toolkit.labels.generator import DATA_FILE, MUTATORS

    try:
        data = yamlio.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        return [f"generator.yaml: cannot be read ({exc})"]
    out: list[str] = []
    for key, spec in (data.get("products") or {}).items():
        if spec.get("category") not in (cats.get("categories") or {}):
            out.append(f"generator.yaml product {key}: unknown category")
    for did, spec in (data.get("defects") or {}).items():
        if did not in MUTATORS:
            out.append(f"generator.yaml defect {did}: no mutator in generator.py")
        if spec.get("difficulty") not in (1, 2, 3):
            out.append(f"generator.yaml defect {did}: difficulty must be 1–3")
        for e in spec.get("expects") or []:
            if e.get("check") not in checks:
                out.append(f"generator.yaml defect {did}: unknown check {e.get('check')}")
    return out


def validate() -> list[str]:
    """Problems found in the label topic's data files (empty list when all is well).

    Returns:
        One line per problem: schema violations of label cases, rules without sources,
        texts missing in a language, unknown fields or Cek KLIK letters.
    """
    from toolkit.labels.vocab import HERE

    out: list[str] = []
    loaded: dict[str, Any] = {}
    for name in ("rules.yaml", "vocab.yaml", "categories.yaml", "dates.yaml"):
        try:
            loaded[name] = yamlio.safe_load((HERE / name).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            out.append(f"{name}: cannot be read ({exc})")
            loaded[name] = {}
    out += _rules_problems(loaded["rules.yaml"])
    out += _vocab_problems(loaded["vocab.yaml"])
    out += _category_problems(loaded["categories.yaml"])
    months = loaded["dates.yaml"].get("months") or {}
    if sorted(int(m) for m in months) != list(range(1, 13)):
        out.append("dates.yaml: months must be 1–12")
    out += _cases_problems()
    out += _generator_problems(
        loaded["categories.yaml"], (loaded["rules.yaml"].get("checks") or {})
    )
    return out
