"""ui.app: command-line delegation, options, the demo flow, translation build, layering."""

from __future__ import annotations

import ast
import importlib.machinery
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

import mentordesk
from mentordesk import paths
from mentordesk.services.new_team import create_database
from mentordesk.storage.database import DEMO_KEY
from mentordesk.storage.models import AppMeta
from ui import app as app_module
from ui import i18n, settings
from ui.app import DEMO_PASSPHRASE, main, parse_options

UI_DIR = Path(app_module.__file__).resolve().parent


def test_subcommand_goes_to_the_command_line(monkeypatch):
    calls: list[list[str]] = []
    fake_cli = types.ModuleType("mentordesk.cli")
    fake_cli.main = lambda args: calls.append(args) or 3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mentordesk.cli", fake_cli)
    # Once the real package was imported (by an earlier test), ``from mentordesk import cli``
    # finds it as an attribute of ``mentordesk``: replace that too.
    monkeypatch.setattr(mentordesk, "cli", fake_cli, raising=False)

    assert main(["mentordesk", "check", "team.mentordesk"]) == 3
    assert calls == [["check", "team.mentordesk"]]


def test_options_leave_qt_arguments_alone():
    options, rest = parse_options(["--demo", "-platform", "offscreen"])
    assert options.demo is True
    assert rest == ["-platform", "offscreen"]


def test_unknown_usage_exits_with_2(capsys):
    assert main(["mentordesk", "--demo=ja"]) == 2


def install_fake_demo_builder(monkeypatch, calls: list[dict]) -> None:
    """Stands in for mentordesk.demo until the colleague's module lands."""
    fake = types.ModuleType("mentordesk.demo")

    def build_demo(path, passphrase, *, progress=None, cancelled=None, **_options):
        calls.append({"path": path, "passphrase": passphrase})
        progress(1, 2)
        database = create_database(path, passphrase, team_name="Demoteam").database
        with database.session() as session:
            session.merge(AppMeta(key=DEMO_KEY, value="1"))
        progress(2, 2)
        return database

    fake.build_demo = build_demo  # type: ignore[attr-defined]
    fake.__spec__ = importlib.machinery.ModuleSpec("mentordesk.demo", None)
    monkeypatch.setitem(sys.modules, "mentordesk.demo", fake)


def test_demo_is_built_on_first_use_then_reopened(controller, qtbot, monkeypatch):
    calls: list[dict] = []
    install_fake_demo_builder(monkeypatch, calls)

    controller.start(demo=True)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)

    assert calls == [{"path": paths.demo_database_path(), "passphrase": DEMO_PASSPHRASE}]
    assert controller.main_window.windowTitle() == "MentorDesk – Demoteam – DEMO (fiktive data)"
    assert settings.last_database() is None  # the demo is never the remembered database

    controller.shutdown()
    from ui.app import AppController
    from ui.tasks import TaskRunner

    again = AppController(TaskRunner(), controller.keystore)
    try:
        again.start(demo=True)
        qtbot.waitUntil(lambda: again.main_window is not None, timeout=10_000)
        assert len(calls) == 1  # opened with the demo passphrase, not rebuilt
    finally:
        again.shutdown()


def test_translation_is_compiled_into_the_data_folder(isolated_home):
    qm = i18n.ensure_compiled()
    beside = i18n.shipped_qm_path()
    if qm != beside:
        assert qm == paths.data_dir() / "translations" / "mentordesk_da.qm"
    assert qm.stat().st_size > 0


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(UI_DIR.rglob("*.py")), ids=lambda p: p.name)
def test_ui_never_touches_sql(path):
    forbidden = {name for name in _imported_modules(path)
                 if name.split(".")[0] in {"sqlalchemy", "sqlite3", "sqlcipher3"}
                 or name.startswith(("mentordesk.storage.models", "mentordesk.storage.engine"))}
    assert forbidden == set()


def test_cancelling_the_real_demo_build_removes_the_file_and_quits_normally(controller, qtbot):
    # mentordesk.demo builds 250 citizens by default: long enough to show progress.
    controller.start(demo=True)
    task = controller.flow.last_task
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5_000)
    cancel_button = task.dialog.findChild(QPushButton)

    with qtbot.waitSignal(controller.quit_requested, timeout=10_000) as quit_signal:
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)

    assert quit_signal.args == [0]
    assert controller.main_window is None
    assert not paths.demo_database_path().exists()


def test_an_opened_workspace_announces_changes_on_the_controllers_one_hub(controller, qtbot,
                                                                          monkeypatch):
    install_fake_demo_builder(monkeypatch, [])
    controller.start(demo=True)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    ops = controller.main_window.ops
    assert ops.hub is controller.hub
    assert ops.workspace is controller.workspaces[-1]
    assert ops.context.actor == ops.actor == controller.workspaces[-1].actor
