"""Layering rules of DESIGN.md / STYLE.md that can be checked mechanically."""

from __future__ import annotations

import ast
import json

from tests.conftest import ROOT

UI_MODULES = {"ipywidgets", "IPython", "voila", "traitlets", "matplotlib.pyplot"}


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


UI_PACKAGES = {"app", "serve", "dashboard"}


def _is_ui_module(path) -> bool:
    rel = path.relative_to(ROOT / "toolkit")
    return rel.parts[0] in UI_PACKAGES or path.stem == "widgets" or path.stem.endswith("_widgets")


def test_domain_modules_import_no_ui() -> None:
    domain = [p for p in (ROOT / "toolkit").rglob("*.py") if not _is_ui_module(p)]
    assert any(p.name == "five_keys.py" for p in domain), "scan found no domain module"
    ui_roots = {m.split(".")[0] for m in UI_MODULES}
    for path in domain:
        bad = {
            n
            for n in _imports(path)
            if n in UI_MODULES or n.split(".")[0] in ui_roots - {"matplotlib"}
        }
        assert not bad, f"{path.relative_to(ROOT)} imports UI modules {bad}"


def test_notebooks_define_no_functions_or_classes() -> None:
    notebooks = list((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks
    for nb_path in notebooks:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"])
            tree = ast.parse(src)
            for node in ast.walk(tree):
                assert not isinstance(
                    node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
                ), f"{nb_path.name}: logic belongs in toolkit/, not in a notebook cell"


def test_notebooks_have_no_error_outputs() -> None:
    for nb_path in list((ROOT / "notebooks").glob("*.ipynb")) + list(
        (ROOT / "exercises").rglob("*.ipynb")
    ):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                assert out.get("output_type") != "error", nb_path.name
