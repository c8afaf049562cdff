"""The package's import structure: every module imports on its own, and no module imports
another that imports it back (at the top or inside a function)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from toolkit import config

PACKAGE = config.PROJECT_DIR / "toolkit"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module name an ``ImportFrom`` names (relative ones resolved)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(module: str, path: Path) -> set[str]:
    """The toolkit modules ``module`` imports anywhere in its code (``from x import y``
    counts as importing ``x.y`` when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, path, node)
            names = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES
                     else source for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in MODULES and name != module}
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walk_finds_a_cycle_through_a_function_level_import(tmp_path):
    graph = {"toolkit.analysis": {"toolkit.sourcing"}, "toolkit.sourcing": {"toolkit.analysis"},
             "toolkit.text": set()}
    assert cycles(graph) == [["toolkit.analysis", "toolkit.sourcing"]]
    source = tmp_path / "labels.py"
    source.write_text("def f():\n    from ..sourcing import density\n    from . import voice\n")
    assert imported_modules("toolkit.framing.labels", source) == {
        "toolkit.sourcing.density", "toolkit.framing.voice"}


def test_the_import_graph_of_toolkit_has_no_cycle():
    graph = {module: imported_modules(module, path) for module, path in MODULES.items()}
    assert graph["toolkit.analysis"] >= {"toolkit.measures", "toolkit.text",
                                         "toolkit.sourcing.density"}
    assert cycles(graph) == []


ALONE = """
import importlib, sys, traceback
failed = {}
for module in sys.argv[1:]:
    for name in [n for n in sys.modules if n == "toolkit" or n.startswith("toolkit.")]:
        del sys.modules[name]
    try:
        importlib.import_module(module)
    except Exception:
        failed[module] = traceback.format_exc().strip().splitlines()[-1]
print(repr(failed))
"""


def test_every_module_imports_alone():
    """Each module is imported with no toolkit module loaded before it (its own imports
    must bring all it needs), in one fresh interpreter: third-party packages load once."""
    done = subprocess.run([sys.executable, "-c", ALONE, *sorted(MODULES)], capture_output=True,
                          text=True, cwd=config.PROJECT_DIR, check=True)
    assert done.stdout.strip().splitlines()[-1] == "{}"
