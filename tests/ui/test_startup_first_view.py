"""Start-up in two steps: the window shows the person's first citizens list before the
database layer loads, and it never shows a case the person may not see; the full unlock
then logs the unlock and the list, as a one-step open always did."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from mentordesk import vault
from mentordesk.domain.codes import Role
from mentordesk.kernel.actor import Actor
from mentordesk.kernel.context import Context
from mentordesk.keys.first_opening import FirstOpeningInAdvance
from mentordesk.security.people import complete_enrolment, enrol_person
from mentordesk.services.assignments import assign_mentor
from mentordesk.services.citizens import NewCitizen, create_citizen
from mentordesk.services.team import NewUser, create_user, resolve_actor
from mentordesk.storage.citizen_rows import CitizenRow
from mentordesk.storage.database import Database
from mentordesk.storage.models import AuditEvent
from ui import launch, settings
from ui.app import AppController
from ui.tasks import TaskRunner
from ui.views.first_list import FirstListPage
from ui.views.main_window import LazyPage
from ui.views.opening import flow as flow_module
from ui.workspace import FirstView

MONA_PASSPHRASE = "Monas helt egen sætning"
TIMEOUT = 20_000
ROOT = Path(__file__).resolve().parents[2]


def _team_where_mona_has_one_citizen(make_database, path: Path, keystore) -> None:
    """Mona, a mentor with her own key remembered on this PC, and two citizens."""
    database = make_database(path, keep_open=True)
    context = Context(database, resolve_actor(database, vault.current_login()))
    mona_id = create_user(context, NewUser(login="mona", full_name="Mona Mentor")).value
    hers = create_citizen(context, NewCitizen(first_name="Hanne", last_name="Hendes")).value
    create_citizen(context, NewCitizen(first_name="Ole", last_name="Other"))
    assign_mentor(context, hers, mona_id, "primary")
    code = enrol_person(context, "mona").value
    database.close()
    complete_enrolment(path, "mona", code, MONA_PASSPHRASE, remember=True,
                       keystore=keystore).close()
    settings.remember_login("mona")


def test_a_mentors_first_list_shows_only_her_citizens_then_the_open_is_logged(
        controller, qtbot, database_path, make_database, keystore):
    _team_where_mona_has_one_citizen(make_database, database_path, keystore)
    first: list[tuple[str, str, list[str]]] = []

    def seen(view) -> None:  # after the controller has shown the first window
        window = controller.first_window
        first.append((view.actor.login, view.actor.role.value,
                      window.first_list.visible_names()))

    controller.flow.first_view.connect(seen)
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
    assert first == [("mona", "mentor", ["Hanne Hendes"])]
    window = controller.main_window
    assert window.is_attached and window.navigation.isEnabled()
    assert window.citizens_view.visible_names() == ["Hanne Hendes"]
    database = window.ops.context.database

    def last_events() -> list[tuple[str, str, str]]:
        with database.read_session() as session:
            events = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())
                                     .limit(2)).all()
        return [(event.user_login, event.action, event.detail) for event in reversed(events)]

    qtbot.waitUntil(lambda: last_events()[-1][1] == "list", timeout=TIMEOUT)
    assert last_events() == [("mona", "unlock", ""), ("mona", "list", "Borgerliste (1 borgere)")]


def test_without_a_remembered_key_no_window_shows_and_the_passphrase_is_asked(
        controller, qtbot, database_path, make_database, keystore, memory_keyring):
    """No first window without a key that opens the file: the passphrase is asked."""
    _team_where_mona_has_one_citizen(make_database, database_path, keystore)
    memory_keyring.secrets.clear()
    shown: list[object] = []
    controller.flow.first_view.connect(shown.append)
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.flow.unlock_dialog is not None
                    and controller.flow.unlock_dialog.isVisible(), timeout=TIMEOUT)
    assert shown == [] and controller.first_window is None and controller.main_window is None


def test_the_first_window_paints_before_sqlalchemy_is_imported(tmp_path: Path):
    """What makes start-up fast (bench/startup.py): a fresh process started as
    ``mentordesk --demo`` is (ui/launch.py) shows the window with its rows while SQLAlchemy,
    the models and the features are still unloaded, the passphrase's key derived once, at
    launch; then the working window comes."""
    home = tmp_path / "home"
    env = dict(os.environ, MENTORDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    making = textwrap.dedent("""
        from mentordesk import paths, vault
        from mentordesk.kernel.context import Context
        from mentordesk.services.citizens import NewCitizen, create_citizen
        from mentordesk.services.new_team import create_database
        from mentordesk.services.team import resolve_actor

        # A team file of two citizens where the demo lives, unlocked as the demo is.
        new = create_database(paths.demo_database_path(), paths.DEMO_PASSPHRASE,
                              team_name="Demo")
        context = Context(new.database, resolve_actor(new.database, vault.current_login()))
        for first, last in (("Åse", "Ågård"), ("Anders", "And")):
            create_citizen(context, NewCitizen(first_name=first, last_name=last))
        new.database.close()
    """)
    subprocess.run([sys.executable, "-c", making], env=env, check=True, timeout=120,
                   cwd=ROOT)
    starting = textwrap.dedent("""
        import json, sys
        from mentordesk.keys import crypto

        derivations = []
        derive = crypto.argon2id
        crypto.argon2id = lambda *args: (derivations.append(1), derive(*args))[1]
        from ui.launch import first_opening_in_advance
        in_advance = first_opening_in_advance(["--demo"])
        begun_before_the_gui = "PySide6.QtWidgets" not in sys.modules
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from mentordesk.keys.keystore import KeyStore
        from ui.app import AppController, configure_application
        from ui.tasks import TaskRunner

        app = QApplication([])
        configure_application(app)
        controller = AppController(TaskRunner(), KeyStore(), in_advance=in_advance)
        seen = {"begun before the GUI": begun_before_the_gui}

        def first(view):
            window = controller.first_window
            seen["first"] = {"visible": window.isVisible(),
                             "names": window.first_list.visible_names(),
                             "sqlalchemy": "sqlalchemy" in sys.modules,
                             "models": "mentordesk.storage.models" in sys.modules,
                             "services": "mentordesk.services" in sys.modules}

        def ready(_workspace):
            # The working window came without the record's tabs; they follow by themselves.
            seen["tabs at first"] = "ui.views.citizens.record_content" in sys.modules
            record = controller.main_window.citizens_view.record

            def tabs_built():
                if record._content is None:
                    QTimer.singleShot(10, tabs_built)
                else:
                    app.exit(0)

            tabs_built()

        controller.flow.first_view.connect(first)
        controller.flow.opened.connect(ready)
        controller.flow.aborted.connect(app.exit)
        QTimer.singleShot(0, lambda: controller.start(demo=True))
        QTimer.singleShot(60_000, lambda: app.exit(9))
        code = app.exec()
        seen["working"] = controller.main_window.citizens_view.visible_names()
        seen["derivations"] = len(derivations)
        seen["postgresql dialect"] = "sqlalchemy.dialects.postgresql" in sys.modules
        controller.shutdown()
        print(json.dumps(seen))
        sys.exit(code)
    """)
    done = subprocess.run([sys.executable, "-c", starting], env=env, check=True, timeout=120,
                          capture_output=True, text=True, cwd=ROOT)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["first"] == {"visible": True, "names": ["Anders And", "Åse Ågård"],
                             "sqlalchemy": False, "models": False, "services": False}
    assert seen["working"] == ["Anders And", "Åse Ågård"]
    assert seen["begun before the GUI"] and seen["derivations"] == 1
    assert not seen["postgresql dialect"]  # a file needs only SQLite's (~50 ms spared)
    assert not seen["tabs at first"]



def test_quitting_at_the_first_window_still_closes_what_the_full_open_opened(
        controller, qtbot, database_path, make_database, keystore, monkeypatch):
    _team_where_mona_has_one_citizen(make_database, database_path, keystore)
    closed: list[Database] = []
    close = Database.close
    monkeypatch.setattr(Database, "close", lambda self: (closed.append(self), close(self))[1])
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.first_window is not None, timeout=TIMEOUT)
    controller.first_window.close()  # the user quits at once: the full open is under way
    controller.shutdown()
    opened = [workspace.database for workspace in
              (*controller.workspaces, *controller.flow.not_handed_over())]
    assert len(opened) == 1 and opened[0] in closed


def _controller_with(keystore, in_advance) -> AppController:
    return AppController(TaskRunner(), keystore, in_advance=in_advance)


def test_the_first_look_begun_at_launch_is_the_one_shown_and_not_looked_again(
        qtbot, database_path, make_database, keystore, monkeypatch):
    """Launch begins Mona's first look (her remembered key, her file) while the GUI's
    modules import; the window shows that look and the flow does not read the file twice."""
    _team_where_mona_has_one_citizen(make_database, database_path, keystore)
    settings.remember_database(database_path)
    looked_again: list[Path] = []
    monkeypatch.setattr(flow_module, "first_opening_with_keyring",
                        lambda path, *_args: looked_again.append(path))
    in_advance = launch.first_opening_in_advance([])
    assert in_advance is not None and (in_advance.path, in_advance.login) == (database_path,
                                                                             "mona")
    controller = _controller_with(keystore, in_advance)
    try:
        first: list[list[str]] = []
        controller.flow.first_view.connect(
            lambda _view: first.append(controller.first_window.first_list.visible_names()))
        controller.start()
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
        assert first == [["Hanne Hendes"]] and looked_again == []
        assert controller.main_window.citizens_view.visible_names() == ["Hanne Hendes"]
    finally:
        controller.shutdown()


def test_a_look_begun_for_another_login_is_not_shown(
        qtbot, database_path, make_database, keystore, controller):
    """Whatever launch began for someone else, Mona's window shows Mona's list."""
    _team_where_mona_has_one_citizen(make_database, database_path, keystore)
    other = _controller_with(keystore, FirstOpeningInAdvance(
        database_path, "ole", lambda: pytest.fail("never waited for")))
    try:
        first: list[tuple[str, list[str]]] = []
        other.flow.first_view.connect(lambda view: first.append(
            (view.actor.login, other.first_window.first_list.visible_names())))
        other.flow.open_path(database_path)
        qtbot.waitUntil(lambda: other.main_window is not None, timeout=TIMEOUT)
        assert first == [("mona", ["Hanne Hendes"])]
    finally:
        other.shutdown()


def test_a_look_begun_at_launch_that_failed_leaves_the_opening_to_the_full_unlock(
        qtbot, database_path, make_database, keystore):
    _team_where_mona_has_one_citizen(make_database, database_path, keystore)

    def broken() -> None:
        raise OSError("the file went away for a moment")

    controller = _controller_with(keystore, FirstOpeningInAdvance(database_path, "mona",
                                                                  broken))
    try:
        shown: list[object] = []
        controller.flow.first_view.connect(shown.append)
        controller.flow.open_path(database_path)
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
        assert shown == [] and controller.main_window.citizens_view.visible_names() == [
            "Hanne Hendes"]
    finally:
        controller.shutdown()


def test_launch_begins_nothing_for_a_command_or_a_demo_not_yet_built(isolated_home):
    assert launch.first_opening_in_advance(["check", "team.mentordesk"]) is None
    assert launch.first_opening_in_advance(["--version"]) is None
    assert launch.first_opening_in_advance(["--demo"]) is None  # built with its progress


@pytest.fixture
def full_unlock_held(monkeypatch) -> Iterator[threading.Event]:
    """The full unlock waits until the test lets it go: time to act in the first window."""
    go_on = threading.Event()
    load = flow_module.load_workspace

    def held(*args, **kwargs):
        go_on.wait(TIMEOUT / 1000)
        return load(*args, **kwargs)

    monkeypatch.setattr(flow_module, "load_workspace", held)
    yield go_on
    go_on.set()


def _first_window_of_three(controller, qtbot, make_database, database_path):
    make_database(database_path, [NewCitizen(first_name=first, last_name=last) for first, last
                                  in (("Åse", "Ågård"), ("Bo", "Berg"), ("Carl", "Clausen"))],
                  remember=True)
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.first_window is not None
                    and controller.first_window.isVisible(), timeout=TIMEOUT)
    return controller.first_window


def test_what_is_typed_and_opened_in_the_first_window_carries_on_in_the_working_one(
        controller, qtbot, make_database, database_path, full_unlock_held):
    """A mentor starts typing a name the moment the list shows and presses Enter on the
    one left: nothing is lost while the database finishes opening."""
    window = _first_window_of_three(controller, qtbot, make_database, database_path)
    first = window.first_list
    window.activateWindow()
    first.search_edit.setFocus()
    qtbot.keyClicks(first.search_edit, "bo")
    assert first.visible_names() == ["Bo Berg"]  # narrowed at once, by name
    qtbot.keyClick(first.search_edit, Qt.Key.Key_Return)
    full_unlock_held.set()
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
    view = controller.main_window.citizens_view
    qtbot.waitUntil(lambda: view.visible_names() == ["Bo Berg"], timeout=TIMEOUT)
    assert view.search_edit.text() == "bo"
    qtbot.waitUntil(lambda: view.record.citizen_id is not None
                    and view.record.is_shown(view.record.citizen_id), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.record.overview.fields["first_name"].hasFocus(),
                    timeout=TIMEOUT)
    assert view.record.overview.fields["first_name"].text() == "Bo"


def test_a_row_chosen_in_the_first_window_is_the_record_the_working_one_shows(
        controller, qtbot, make_database, database_path, full_unlock_held):
    window = _first_window_of_three(controller, qtbot, make_database, database_path)
    first = window.first_list
    window.activateWindow()
    first.table.setFocus()
    first.table.selectRow(1)  # Bo, Carl, Åse: Danish order
    chosen = first.state()
    assert chosen.citizen_id is not None and chosen.focus == "list" and not chosen.open_asked
    full_unlock_held.set()
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
    view = controller.main_window.citizens_view
    qtbot.waitUntil(lambda: view.record.citizen_id is not None
                    and view.record.is_shown(view.record.citizen_id), timeout=TIMEOUT)
    assert view.record.overview.fields["first_name"].text() == "Carl"
    assert view.visible_names() == ["Bo Berg", "Carl Clausen", "Åse Ågård"]
    assert view.table.hasFocus()


def test_start_up_builds_and_reads_only_the_citizens_area(
        controller, qtbot, make_database, database_path):
    """Nothing reads behind the user's back: opening at the citizens list builds no other
    area's page, and the log holds the unlock and that list, not the deadlines page."""
    _first_window_of_three(controller, qtbot, make_database, database_path)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
    window = controller.main_window
    qtbot.waitUntil(window.ops.runner.is_idle, timeout=TIMEOUT)
    built = [window.navigation.item(row).text() for row in range(window.pages.count())
             if isinstance(window.pages.widget(row), LazyPage)
             and window.pages.widget(row).page is not None]
    assert built == []
    with window.ops.context.database.read_session() as session:
        since_unlock = session.execute(
            select(AuditEvent.action, AuditEvent.entity).order_by(AuditEvent.id)).all()
    actions = [(action, entity) for action, entity in since_unlock]
    last_unlock = max(i for i, (action, _entity) in enumerate(actions) if action == "unlock")
    assert [action for action, _entity in actions[last_unlock:]] == ["unlock", "list"]


def test_the_first_windows_narrowing_finds_what_the_full_search_then_finds(
        controller, qtbot, make_database, database_path):
    """Typing before the database is fully open narrows the list as the full search will:
    by name and alias, whatever the case, with æ, ø and å (never by the "(anonym)" mark)."""
    people = [NewCitizen(first_name=first, last_name=last) for first, last in (
        ("Åse", "Ågård"), ("Søren", "Østergaard"), ("Anne", "Hansen"), ("Bo", "Berg"))]
    people.append(NewCitizen(alias="Falken", anonymous=True))
    make_database(database_path, people, remember=True)
    looked: list[FirstView] = []
    controller.flow.first_view.connect(looked.append)
    controller.flow.open_path(database_path)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=TIMEOUT)
    view = controller.main_window.citizens_view
    first = FirstListPage(looked[0].rows, looked[0].actor)
    qtbot.addWidget(first)
    for term in ("an", "ÅGÅ", "øster", "falk", "sen", " bo "):
        first.search_edit.setText(term)
        with qtbot.waitSignal(view.rows_loaded, timeout=TIMEOUT):
            view.search_edit.setText(term)
            view.refresh()
        assert first.visible_names() == view.visible_names(), term


def test_the_first_windows_narrowing_searches_every_row_of_a_long_list(qtbot):
    """A team of 450 citizens: the list shows them in chunks, the narrowing finds the last."""
    rows = [CitizenRow(number, f"Borger {number:03d}", "", False, "010101-xxxx", "active", "")
            for number in range(450)]
    rows.append(CitizenRow(999, "Åse Ågård", "", False, "020202-xxxx", "active", ""))
    first = FirstListPage(rows, Actor(1, "kirsten", "Kirsten Koordinator", Role.COORDINATOR))
    qtbot.addWidget(first)
    assert first.filter_bar.count_label.text() == "451 borgere"
    first.search_edit.setText("ågå")
    assert first.visible_names() == ["Åse Ågård"]
    assert first.filter_bar.count_label.text() == "1 borger"
    first.search_edit.clear()
    assert first.filter_bar.count_label.text() == "451 borgere"
