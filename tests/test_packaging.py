"""One source of truth for dependencies: environment.yml lists what pyproject.toml does."""

from __future__ import annotations

import re
import tomllib

import yaml

from tests.conftest import ROOT

# conda-forge names that differ from PyPI names
CONDA_NAMES = {"psycopg[binary]": "psycopg"}


def _split(req: str) -> tuple[str, str]:
    m = re.match(r"^([A-Za-z0-9_.\-]+(?:\[[a-z,]+\])?)\s*(.*)$", req.strip())
    assert m, req
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pyproject = {}
    for req in project["dependencies"]:
        name, spec = _split(req)
        pyproject[CONDA_NAMES.get(name, name)] = spec
    conda = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str) and not dep.startswith(("python", "pip")):
            name, spec = _split(dep)
            conda[name] = spec
    assert pyproject, "no dependencies read from pyproject.toml"
    assert conda == pyproject
    assert any(isinstance(d, dict) and "-e ." in d.get("pip", []) for d in env["dependencies"])


def test_python_floor_agrees() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert project["requires-python"] == ">=3.11"
    assert "python>=3.11" in env["dependencies"]


def test_console_script_is_pangan() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["pangan"] == "toolkit.cli:main"
    assert project["name"] == "pangan-aman-toolkit"
