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


def test_model_modules_import_no_ui() -> None:
    models = list((ROOT / "toolkit").rglob("model.py")) + list(
        (ROOT / "toolkit").rglob("model/*.py")
    )
    assert models, "no model.py found"
    for path in models:
        bad = {n for n in _imports(path) if n.split(".")[0] in {m.split(".")[0] for m in UI_MODULES}}
        bad = {n for n in bad if n in UI_MODULES or n.split(".")[0] in {"ipywidgets", "IPython", "voila", "traitlets"}}
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
