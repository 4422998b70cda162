"""The layers hold: the core never imports a front end, stages and the engine never import the
store, the store never imports analysis, dedup is pure. Read from the source (every import
statement, module-level or inside a function), so a lazy import cannot hide a violation."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "casus"
FRONT_ENDS = ("casus.cli", "casus.api", "casus.web")
CORE = (
    "casus.model",
    "casus.dates",
    "casus.document",
    "casus.config",
    "casus.errors",
    "casus.pipeline",
    "casus.coder",
    "casus.nlp",
    "casus.ontology",
    "casus.engine",
    "casus.stages",
    "casus.dedup",
    "casus.io",
    "casus.evaluation",
)
# (importer prefix, forbidden prefixes, why)
RULES = [
    (CORE, FRONT_ENDS, "the core never imports a front end"),
    (
        ("casus.engine", "casus.stages"),
        ("casus.store", "casus.analysis"),
        "stages never touch the store",
    ),
    (("casus.store",), ("casus.analysis", *FRONT_ENDS), "the store sits below analysis"),
    (("casus.dedup",), ("casus.store", "casus.analysis", "casus.coder"), "dedup is pure"),
    (("casus.ontology",), ("casus.engine", "casus.stages", "casus.pipeline"), "tables only"),
]


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every casus module the file imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name == "casus" or name.startswith("casus.")}


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_violations(root: Path = SRC) -> list[str]:
    """``importer -> imported (rule)`` for every import that breaks a rule."""
    out = []
    for path in sorted(root.rglob("*.py")):
        module = _module_name(path, root)
        for imported in sorted(_imports(path)):
            for importers, forbidden, why in RULES:
                if _within(module, importers) and _within(imported, forbidden):
                    out.append(f"{module} -> {imported} ({why})")
    return out


def test_no_module_imports_across_a_layer() -> None:
    assert layer_violations() == []


def test_a_bad_import_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "casus" / "stages"
    bad.mkdir(parents=True)
    (bad / "x.py").write_text("def f():\n    from casus.store import Store\n", encoding="utf-8")
    assert layer_violations(tmp_path / "casus") == [
        "casus.stages.x -> casus.store (stages never touch the store)"
    ]


@pytest.mark.parametrize(
    ("package", "absent"),
    [("casus.store", "networkx"), ("casus.dedup", "duckdb"), ("casus", "duckdb")],
)
def test_importing_a_package_pulls_in_only_its_layer(package: str, absent: str) -> None:
    code = f"import sys, {package}; print({absent!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
