"""``mentordesk.domain`` names each of its names twice: for type checkers (imports under
``TYPE_CHECKING``) and for the first use at run time (``_HOME``). The two lists must agree,
or a name the type checker accepts fails when the program runs."""

from __future__ import annotations

import ast
from pathlib import Path

import mentordesk.domain as domain

SOURCE = Path(domain.__file__).read_text(encoding="utf-8")


def _names_for_type_checkers() -> dict[str, str]:
    tree = ast.parse(SOURCE)
    guarded = next(node for node in tree.body if isinstance(node, ast.If)
                   and getattr(node.test, "id", None) == "TYPE_CHECKING")
    return {alias.name: str(statement.module)
            for statement in guarded.body if isinstance(statement, ast.ImportFrom)
            for alias in statement.names}


def test_every_name_a_type_checker_sees_is_found_at_run_time_in_the_same_module():
    assert domain._HOME == _names_for_type_checkers()


def test_every_name_resolves_to_its_modules_own_object():
    import importlib

    for name, module in domain._HOME.items():
        home = importlib.import_module(f"mentordesk.domain.{module}")
        assert getattr(domain, name) is getattr(home, name), name
