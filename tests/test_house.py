"""The house: no import cycle between newsie's modules, every module importable alone in a fresh
interpreter, one country index, and every stage declaring what it assigns and requires."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every pipeline module ``path`` imports, at module level or inside functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if _exists(candidate) else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.split(".")[0] == "pipeline" and _exists(m) and m != name}


def _exists(module: str) -> bool:
    rel = Path(*module.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").exists() or (PACKAGE.parent / rel / "__init__.py").exists()


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_no_import_cycle():
    graph = {_module_name(p): _imports(p) for p in MODULES}
    state: dict[str, int] = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph.get(node, set())):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(stack + [node, nxt]))
            if not state.get(nxt):
                visit(nxt, stack + [node])
        state[node] = 2

    for module in graph:
        if not state.get(module):
            visit(module, [])


def _import_alone(name: str):
    result = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True, timeout=300)
    return name, result.returncode, (result.stderr.strip().splitlines() or [""])[-1]


def test_every_module_imports_alone():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(_import_alone, [_module_name(p) for p in MODULES]))
    assert [r for r in results if r[1]] == []


def test_stages_declare_assigns_and_requires(nlp):
    summary = nlp.analyze_pipes(pretty=False)
    for name, info in summary["summary"].items():
        if name.startswith("newsie_"):
            assert info["assigns"], f"{name} declares no assigns"
    for name in ("newsie_quotes", "newsie_documents"):
        assert "doc._.entities" in summary["summary"][name]["requires"]
    assert not any(summary["problems"].values()), summary["problems"]


def test_one_country_index():
    """Only core.countries reads the country gazetteer for lookups; stages do not build their own."""
    for path in (PACKAGE / "stages").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name == "gazetteer.py" and path.parent.name == "entities":  # patterns from the rows themselves
            continue
        assert "read_country_table" not in text, f"{path.name} indexes the country table itself"
