"""The core's packages depend one way (docs/ARCHITECTURE.md, "Layers").

Read from the source with ``ast``, so an import inside a function counts as much as one at the
top of a file: a lazy import only moves the cost, the dependency is the same. A "unit" is one
top-level package or module of ``mentordesk`` (``reports``, ``audit``, ``vault``, ...).

* no import cycle between units;
* the foundation (domain, storage, audit, keys, vault, kernel, pdf and the small helpers) imports
  only what lies below it, never a feature package;
* nothing in ``mentordesk`` imports Qt or ``ui``: the core runs headless (CLI, tests, server).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = "mentordesk"

# What each foundation unit may import. Everything not named here is a feature package (or a
# front end such as cli): the foundation must never need one.
FOUNDATION_MAY_IMPORT: dict[str, set[str]] = {
    "errors": set(),
    "paths": set(),
    "files": set(),
    "domain": {"errors"},
    "storage": {"domain", "errors", "paths", "files"},
    "audit": {"domain", "errors", "storage"},
    "pdf": {"domain", "errors", "files"},
    # Key slots, the key file, this PC's keyring and witness: no feature package below.
    "keys": {"audit", "domain", "errors", "files", "paths", "storage"},
    # Keys and files only: a new team's catalogue and first admin are services' business.
    "vault": {"audit", "domain", "errors", "files", "keys", "paths", "storage"},
    "kernel": {"domain", "errors", "paths", "files", "storage", "audit"},
}
PRESENTATION = {"PySide6", "shiboken6", "ui"}


@dataclass(frozen=True)
class Import:
    source: Path  # the importing file, relative to the repository
    line: int
    target: str  # the imported module, absolute and dotted

    def where(self) -> str:
        return f"{self.source}:{self.line} imports {self.target}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every module a file imports, at any depth; relative imports made absolute.
    ``from pkg import name`` yields both ``pkg`` and ``pkg.name`` (name may be a module)."""
    package = module_name(path, root)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    source = path.relative_to(root)
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(source, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append(Import(source, node.lineno, base))
            found += [Import(source, node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def unit_of(module: str) -> str | None:
    """The top-level unit of ``mentordesk`` a dotted module belongs to, if any."""
    parts = module.split(".")
    return parts[1] if parts[0] == CORE and len(parts) > 1 else None


def core_units(root: Path) -> set[str]:
    core = root / CORE
    return ({path.name for path in core.iterdir() if (path / "__init__.py").exists()}
            | {path.stem for path in core.glob("*.py") if path.stem != "__init__"})


def unit_graph(root: Path) -> dict[str, dict[str, list[Import]]]:
    """unit -> imported unit -> the imports that make the arrow."""
    units = core_units(root)
    graph: dict[str, dict[str, list[Import]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted((root / CORE).rglob("*.py")):
        importer = unit_of(module_name(path, root))
        for found in imports_of(path, root):
            target = unit_of(found.target)
            if not importer or target not in units or target == importer:
                continue
            arrow = graph[importer][target]
            # One entry per statement: "from m import a, b" also names m.a and m.b.
            if not any(seen.line == found.line and seen.source == found.source
                       for seen in arrow):
                arrow.append(found)
    return graph


def strongly_connected(graph: dict[str, dict[str, list[Import]]]) -> list[set[str]]:
    """Tarjan's components with more than one unit: each one is a cycle (or several)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[set[str]] = []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        for target in graph.get(unit, {}):
            if target not in index:
                visit(target)
                low[unit] = min(low[unit], low[target])
            elif target in stack:
                low[unit] = min(low[unit], index[target])
        if low[unit] == index[unit]:
            component = set()
            while (member := stack.pop()) != unit:
                component.add(member)
            component.add(unit)
            if len(component) > 1:
                components.append(component)

    for unit in sorted(graph):
        if unit not in index:
            visit(unit)
    return components


def describe_cycle(graph: dict[str, dict[str, list[Import]]], component: set[str]) -> str:
    arrows = [
        f"  {importer} -> {target}: " + "; ".join(found.where() for found in imports)
        for importer in sorted(component)
        for target, imports in sorted(graph[importer].items()) if target in component
    ]
    return " <-> ".join(sorted(component)) + "\n" + "\n".join(arrows)


def test_no_import_cycle_between_core_packages():
    graph = unit_graph(ROOT)
    cycles = [describe_cycle(graph, component) for component in strongly_connected(graph)]
    assert not cycles, "Import cycles between core packages:\n" + "\n".join(cycles)


def test_foundation_imports_no_feature_package():
    graph = unit_graph(ROOT)
    wrong = [
        f"{unit} -> {target}: {imports[0].where()}"
        for unit, allowed in FOUNDATION_MAY_IMPORT.items()
        for target, imports in sorted(graph.get(unit, {}).items()) if target not in allowed
    ]
    assert not wrong, "The foundation imports above itself:\n" + "\n".join(wrong)




def test_core_never_imports_qt_or_ui():
    wrong = [
        found.where()
        for path in sorted((ROOT / CORE).rglob("*.py"))
        for found in imports_of(path, ROOT)
        if found.target.split(".")[0] in PRESENTATION
    ]
    assert not wrong, "The core imports presentation code:\n" + "\n".join(wrong)


# The team server seen from a PC (profiles, reconnecting) and its administration (set-up,
# people, roles, import, backups): the front ends use it (cli; ui outside the core). It sits
# beside the front ends, above the features (``server init`` seeds the catalogue as a new
# team does); operations run unchanged on a file or a server, so no core package may depend
# on it.
SERVER_UNIT = "server"
MAY_IMPORT_SERVER = {"cli"}


def test_only_front_ends_import_the_server_package():
    graph = unit_graph(ROOT)
    wrong = [f"{unit} -> {SERVER_UNIT}: {targets[SERVER_UNIT][0].where()}"
             for unit, targets in sorted(graph.items())
             if SERVER_UNIT in targets and unit not in MAY_IMPORT_SERVER]
    assert not wrong, "A core package imports mentordesk.server:\n" + "\n".join(wrong)


def test_every_foundation_unit_exists():
    """A renamed foundation package must be renamed here too, or its rule checks nothing."""
    assert set(FOUNDATION_MAY_IMPORT) | {SERVER_UNIT} <= core_units(ROOT)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_reader_sees_lazy_relative_and_from_imports_and_reports_a_cycle(tmp_path):
    """The checks above are only as good as the import reader: prove it on a small tree."""
    _write(tmp_path / CORE / "__init__.py", "")
    _write(tmp_path / CORE / "low" / "__init__.py", "from .inner import thing\n")
    _write(tmp_path / CORE / "low" / "inner.py",
           "def late():\n    from .. import high\n    return high\n")
    _write(tmp_path / CORE / "high.py", "from .low import inner\n")
    _write(tmp_path / CORE / "apart.py", "from PySide6 import QtCore\n")

    graph = unit_graph(tmp_path)

    assert set(graph["low"]) == {"high"}
    assert [found.where() for found in graph["low"]["high"]] == [
        "mentordesk/low/inner.py:2 imports mentordesk.high"]
    assert set(graph["high"]) == {"low"}
    assert strongly_connected(graph) == [{"low", "high"}]
    assert "low -> high: mentordesk/low/inner.py:2" in describe_cycle(graph, {"low", "high"})
    assert "PySide6" in {found.target for found in imports_of(tmp_path / CORE / "apart.py",
                                                              tmp_path)}
