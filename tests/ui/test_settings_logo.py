"""Indstillinger → Logo til rapporter: an administrator chooses, sees and removes the logo;
a file that is not a usable image is refused in Danish and the old logo stays."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox

from mentordesk.domain.codes import Role
from mentordesk.kernel.actor import Actor
from mentordesk.services.team_settings import team_logo
from ui.views import settings
from ui.workspace import Workspace, load_workspace


@pytest.fixture
def workspace(database_path, make_database):
    return load_workspace(make_database(database_path, keep_open=True))


def _open(qtbot, workspace, make_ops):
    page = settings.create_page(make_ops(workspace), "Indstillinger")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.catalogue is not None, timeout=5_000)
    return page


def _png_file(tmp_path, size=(400, 100)):
    path = tmp_path / "logo.png"
    out = BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return path


def _choose(qtbot, tab, path) -> None:
    # Waits for the answer itself (the status line), not any signal: the initial load of
    # the logo may still be under way when the test clicks.
    tab.status_label.clear()
    tab.choose_open_path = lambda *_args: path
    tab.choose_button.click()
    qtbot.waitUntil(lambda: tab.status_label.text() != "", timeout=10_000)


def test_admin_sets_previews_and_removes_the_logo(qtbot, workspace, make_ops, tmp_path):
    page = _open(qtbot, workspace, make_ops)
    tab = page.logo
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.preview.text() == "Der er ikke valgt et logo.", timeout=5_000)
    assert not tab.remove_button.isEnabled()

    _choose(qtbot, tab, _png_file(tmp_path))
    assert tab.status_label.text() == "Logoet er gemt (400 × 100 pixel)."
    assert tab.has_logo and not tab.preview.pixmap().isNull()
    assert tab.preview.pixmap().width() == 360  # scaled into the preview box
    stored = team_logo(workspace.database)
    tab.grab().save(str(tmp_path / "logo_tab.png"))

    bad = tmp_path / "ikke-et-billede.png"
    bad.write_text("<svg/>")
    _choose(qtbot, tab, bad)
    assert tab.status_label.text() == (
        "Filen er ikke et PNG- eller JPEG-billede. Vælg en anden fil.")
    assert team_logo(workspace.database) == stored and tab.has_logo

    tab.ask_remove()
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: tab.status_label.text() == "Logoet er fjernet.", timeout=10_000)
    assert team_logo(workspace.database) is None and not tab.remove_button.isEnabled()


def test_too_large_an_image_is_refused(qtbot, workspace, make_ops, tmp_path):
    tab = _open(qtbot, workspace, make_ops).logo
    _choose(qtbot, tab, _png_file(tmp_path, (2400, 50)))
    assert tab.status_label.text() == (
        "Logoet er 2400 × 50 pixel; det må højst være 2000 × 2000 pixel.")
    assert team_logo(workspace.database) is None


def test_only_an_administrator_has_the_logo_tab(qtbot, workspace, make_ops):
    coordinator = Workspace(workspace.database,
                            Actor(99, "koord", "Kim Koordinator", Role.COORDINATOR),
                            workspace.team_name, False)
    page = _open(qtbot, coordinator, make_ops)
    assert page.logo is None
    assert "Logo til rapporter" not in [page.tabs.tabText(i) for i in range(page.tabs.count())]
