"""What the Windows delivery relies on, checked without a frozen build (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk import __version__, cli
from mentordesk.files import safe_file_stem
from mentordesk.keys.crypto import PersonKeys
from mentordesk.vault import WINDOWS_PERSISTENCE, KeyStore


@pytest.mark.parametrize("name", [
    "CONIN$", "conout$", "COM0", "LPT0", "COM¹", "com²", "COM³", "LPT¹", "LPT²", "lpt³",
    "CONIN$.txt", "COM¹.pdf",
])
def test_windows_device_names_are_refused_as_file_names(name):
    assert safe_file_stem(name) == f"_{name}"


@pytest.mark.parametrize("name", ["COM10", "LPT⁴", "CONINS", "Conrad"])
def test_ordinary_names_that_resemble_devices_are_kept(name):
    assert safe_file_stem(name) == name


class WindowsVaultLike:
    """Stands in for keyring's WinVaultKeyring: ``persist`` decides where Windows keeps it."""

    persist = "enterprise"  # keyring's default on Windows: roams with a roaming profile

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], tuple[str, str]] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = (password, self.persist)


class ChainerLike:
    def __init__(self, *backends: object) -> None:
        self.backends = list(backends)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.backends[0].set_password(service, username, password)  # type: ignore[attr-defined]


def _remember(backend: object) -> None:
    assert KeyStore(backend).remember(  # type: ignore[arg-type]
        "fil-id", "anna", PersonKeys.generate())


def test_a_remembered_key_stays_on_this_pc():
    vault = WindowsVaultLike()
    _remember(vault)
    [(_password, persistence)] = vault.stored.values()
    assert persistence == WINDOWS_PERSISTENCE == "local machine"


def test_a_remembered_key_stays_on_this_pc_through_keyrings_chainer():
    vault = WindowsVaultLike()
    _remember(ChainerLike(vault))
    [(_password, persistence)] = vault.stored.values()
    assert persistence == "local machine"


def test_every_command_module_is_registered_explicitly():
    # A freezer cannot see modules found at run time: a new *_commands.py must be listed.
    folder = Path(cli.__file__).parent
    files = {path.stem for path in folder.glob("*_commands.py")}
    registered = {module.__name__.rsplit(".", 1)[-1] for module in cli.COMMAND_MODULES}
    assert files == registered


def test_both_programs_print_the_version(capsys):
    from ui.app import main

    with pytest.raises(SystemExit) as exit_request:
        cli.main(["--version"])
    assert exit_request.value.code == 0
    assert main(["mentordesk", "--version"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"MentorDesk {__version__}"] * 2


@pytest.mark.parametrize(("args", "console"), [
    ([], False), (["--demo"], False), (["-platform", "offscreen"], False),
    (["--version"], True), (["--help"], True), (["check", "team.mentordesk"], True),
])
def test_the_windowed_program_wants_a_console_only_for_commands(args, console):
    from ui.app import wants_console

    assert wants_console(args) is console


def test_resources_are_package_data_of_ui():
    import ui
    from ui.resource_paths import icon_path, style_path, translations_dir

    package = Path(ui.__file__).parent
    for path in (icon_path(), style_path(), translations_dir()):
        assert path.exists() and package in path.parents
