"""Every user-visible source string in ui/ has a Danish translation in the .ts file.

The scan reads the Python AST: ``self.tr("...")`` inside a class (context = class name,
as PySide6 and lupdate use) and ``translate("Context", "...")``. A ``tr()`` whose text
is not a literal (an f-string, a variable) cannot be translated at all and fails too.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from ui.i18n import ts_paths

UI_DIR = Path(__file__).resolve().parents[2] / "ui"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n|%\d")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    location: str
    numerus: bool = False


class _TrCollector(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.messages: list[Message] = []
        self.problems: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        where = f"{self.path.relative_to(UI_DIR.parent)}:{node.lineno}"
        if name == "tr":
            self._tr(node, where)
        elif name == "translate":
            self._translate(node, where)
        self.generic_visit(node)

    def _tr(self, node: ast.Call, where: str) -> None:
        if not self.classes:
            self.problems.append(f"{where}: tr() outside a class has no context")
            return
        text = _literal(node.args[0]) if node.args else None
        if text is None:
            self.problems.append(f"{where}: tr() needs a string literal")
            return
        self.messages.append(Message(self.classes[-1], text, where, numerus=len(node.args) >= 3))

    def _translate(self, node: ast.Call, where: str) -> None:
        context = _literal(node.args[0]) if len(node.args) >= 2 else None
        text = _literal(node.args[1]) if len(node.args) >= 2 else None
        if context is None or text is None:
            self.problems.append(f"{where}: translate() needs literal context and text")
            return
        self.messages.append(Message(context, text, where, numerus=len(node.args) >= 4))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def scan_ui() -> _TrCollector:
    total = _TrCollector(UI_DIR)
    for path in sorted(UI_DIR.rglob("*.py")):
        collector = _TrCollector(path)
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        total.messages += collector.messages
        total.problems += collector.problems
    return total


def load_ts() -> dict[tuple[str, str], ET.Element]:
    """All messages of all per-area .ts files; the same message twice is an error."""
    entries: dict[tuple[str, str], ET.Element] = {}
    assert ts_paths(), "no resources/translations/*_da.ts files"
    for ts in ts_paths():
        root = ET.parse(ts).getroot()
        assert root.get("language", "").startswith("da"), f"{ts.name} must declare Danish"
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                key = (name, message.findtext("source", ""))
                assert key not in entries, f"{key} is translated twice ({ts.name})"
                entries[key] = message
    return entries


def danish_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def scanned() -> _TrCollector:
    return scan_ui()


def test_scanner_finds_the_ui_strings(scanned):
    # Guards against a scanner that silently finds nothing and so passes everything.
    sources = {(m.context, m.source) for m in scanned.messages}
    assert ("MainWindow", "Citizens") in sources
    assert ("FirstRunDialog", "Create new database") in sources
    assert len(sources) > 50


def test_every_tr_call_uses_a_literal_in_a_class(scanned):
    assert scanned.problems == []


def test_every_source_string_has_a_danish_translation(scanned):
    entries = load_ts()
    missing = []
    for message in scanned.messages:
        entry = entries.get((message.context, message.source))
        texts = danish_texts(entry) if entry is not None else []
        if not texts or not all(text.strip() for text in texts):
            missing.append(f"{message.location} [{message.context}] {message.source!r}")
    assert missing == [], "missing Danish translations:\n" + "\n".join(missing)


def test_numerus_strings_have_both_danish_forms(scanned):
    entries = load_ts()
    for message in (m for m in scanned.messages if m.numerus):
        entry = entries[(message.context, message.source)]
        assert entry.get("numerus") == "yes", message
        assert len(danish_texts(entry)) == 2, message  # Danish: singular and plural


def test_translations_keep_placeholders(scanned):
    entries = load_ts()
    for message in scanned.messages:
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for text in danish_texts(entries[(message.context, message.source)]):
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (message, text)


@pytest.mark.parametrize("ts", ts_paths(), ids=lambda path: path.name)
def test_no_unfinished_or_obsolete_entries_left(ts):
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text
