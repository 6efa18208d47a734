"""The decisions packaging/mentordesk.spec relies on, checked without PyInstaller."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import mentordesk

SUPPORT = Path(__file__).resolve().parents[2] / "packaging" / "freeze_support.py"


@pytest.fixture(scope="module")
def support():
    spec = importlib.util.spec_from_file_location("freeze_support", SUPPORT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_alembic_scripts_are_collected_as_files(support):
    package = Path(mentordesk.__file__).parent
    targets = {Path(source).name: target
               for source, target in support.migration_sources(package, "mentordesk")}
    assert "env.py" in targets and "0001_baseline.py" in targets
    assert Path(targets["0001_baseline.py"]).name == "versions"


@pytest.mark.parametrize(("path", "unused"), [
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/tls/qschannelbackend.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/imageformats/qsvg.dll", False),
    ("PySide6/Qt/plugins/printsupport/windowsprintersupport.dll", False),
])
def test_only_plugins_the_app_never_loads_are_left_out(support, path, unused):
    assert bool(support.UNUSED_QT_PLUGIN.search(path)) is unused


@pytest.mark.parametrize(("path", "unused"), [
    ("PySide6/Qt6Quick.dll", True), ("PySide6/Qt6Qml.dll", True),
    ("PySide6/Qt6WebEngineCore.dll", True), ("PySide6/opengl32sw.dll", True),
    ("PySide6/Qt6Pdf.dll", False), ("PySide6/Qt6Charts.dll", False),
    ("PySide6/Qt6PrintSupport.dll", False), ("PySide6/Qt6Widgets.dll", False),
])
def test_only_qt_libraries_the_app_never_loads_are_left_out(support, path, unused):
    assert support.is_unused_qt(path) is unused


def test_only_danish_qt_translations_are_kept(support):
    assert support.is_foreign_qt_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert not support.is_foreign_qt_translation("PySide6/Qt/translations/qtbase_da.qm")
    assert not support.is_foreign_qt_translation("ui/resources/translations/mentordesk_da.qm")


def test_version_resource_follows_the_package_version(support):
    assert support.version_tuple("1.2") == (1, 2, 0, 0)
    assert support.version_tuple("0.3.1rc2") == (0, 3, 1, 0)
    text = support.version_resource("0.3.1", file_name="MentorDesk.exe", description="x")
    assert "filevers=(0, 3, 1, 0)" in text
    assert "StringStruct('ProductVersion', '0.3.1')" in text
    assert "StringStruct('OriginalFilename', 'MentorDesk.exe')" in text
