"""Feature code composes the named query builders of ``storage/queries``; it builds no SQL
of its own, so a rule such as "this grant covers the day" has one home.

Checked for every package and module of ``mentordesk`` except ``storage`` (where the
statements live) and ``demo`` (which fills a database the way a migration would)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import mentordesk

# What builds statements or conditions; ``Session`` and types stay welcome.
SQL_BUILDERS = {"select", "func", "text", "update", "delete", "insert", "and_", "or_",
                "exists", "case", "literal", "true", "false", "aliased"}
# Methods that narrow or run a statement: composing a builder with ``.where(...)`` is
# writing the condition by hand again.
STATEMENT_METHODS = {"where", "order_by", "group_by", "having", "outerjoin", "filter_by",
                     "exec_driver_sql", "on_conflict_do_update", "scalar_subquery"}
# SQL written as text (a pragma, a raw statement).
SQL_TEXT = re.compile(r"^\s*(PRAGMA\s|SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s"
                      r"|DELETE\s+FROM\s|VACUUM\s*$)", re.DOTALL)
ROOT = Path(mentordesk.__file__).parent
# The query layer itself, and the demo data generator (bulk inserts of made-up rows).
ALLOWED = {"storage", "demo"}
FEATURE_UNITS = sorted(
    path.stem if path.is_file() else path.name
    for path in ROOT.iterdir()
    if (path.is_dir() and (path / "__init__.py").exists()
        or path.suffix == ".py" and path.stem != "__init__")
    and path.stem not in ALLOWED)


def _runtime_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    """``from … import`` statements outside ``if TYPE_CHECKING:`` blocks."""
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                   for node in ast.walk(block)}
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and id(node) not in typing_only]


def _sql_builders_imported(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in _runtime_imports(tree):
        if node.module and node.module.split(".")[0] == "sqlalchemy":
            names = {alias.name for alias in node.names} & SQL_BUILDERS
            found += [f"{path.relative_to(ROOT)}: {name}" for name in sorted(names)]
    return found


def _statements_written(path: Path) -> list[str]:
    """Statement methods called and SQL text written in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in STATEMENT_METHODS):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.func.attr}(...)")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and SQL_TEXT.match(node.value)):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    return found


def _files_of(unit: str) -> list[Path]:
    package = ROOT / unit
    return sorted(package.rglob("*.py")) if package.is_dir() else [ROOT / f"{unit}.py"]


def test_every_feature_unit_is_checked():
    # The packages that held SQL before the query layer: a rename must not hide one.
    assert {"services", "reports", "rights", "audit_admin", "importing", "security",
            "kernel", "audit", "schedule", "economy", "cli"} <= set(FEATURE_UNITS)


@pytest.mark.parametrize("unit", FEATURE_UNITS)
def test_feature_code_imports_no_sql_builders(unit):
    found = [hit for path in _files_of(unit) for hit in _sql_builders_imported(path)]
    assert found == []


@pytest.mark.parametrize("unit", FEATURE_UNITS)
def test_feature_code_narrows_no_statements_and_writes_no_sql_text(unit):
    found = [hit for path in _files_of(unit) for hit in _statements_written(path)]
    assert found == []


def test_the_checks_see_sql_where_it_is_written():
    # The query layer itself trips every check: they would see SQL that came back.
    reports = ROOT / "storage" / "queries" / "reports.py"
    maintenance = ROOT / "storage" / "maintenance.py"
    assert _sql_builders_imported(reports)
    assert any(".where(" in hit for hit in _statements_written(reports))
    assert any("PRAGMA" in hit for hit in _statements_written(maintenance))
