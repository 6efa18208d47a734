"""What ``mentordesk.spec`` computes: the Windows version resource, the data files that
``importlib.resources`` finds at run time, and the Qt parts the app never loads.

Kept out of the spec so the spec reads as a list of decisions.
"""

from __future__ import annotations

import re
from pathlib import Path

from packaging.version import Version

DANISH_UNICODE = ("040604b0", 0x0406, 1200)  # language id Danish, code page UTF-16

# Qt libraries, plugins and folders the app never uses (it is a QtWidgets app: no QML,
# no Quick, no web view, no on-screen keyboard); the platform input-context plugin for
# the virtual keyboard would otherwise pull QML and Quick in with it.
UNUSED_QT = re.compile(
    r"Qt6?(Qml|Quick|WebEngine|WebChannel|WebSockets|VirtualKeyboard|3D|Multimedia"
    r"|Designer|Help|Test|RemoteObjects|Sensors|SerialPort|Positioning|Location"
    r"|Bluetooth|Nfc|SpatialAudio|TextToSpeech|Graphs|DataVisualization|Scxml"
    r"|StateMachine|ShaderTools|Lottie)"
    r"|/qml/|[\\/]qml[\\/]|virtualkeyboard|qtquick|webengine"
    # Qt's software OpenGL (20 MB); the app draws nothing with OpenGL.
    r"|opengl32sw",
    re.IGNORECASE,
)
# Qt plugins a desktop QtWidgets app on Windows (and the Linux build that tests it) never
# loads: other windowing systems (Wayland, EGL full-screen, framebuffer, VNC), desktop
# themes of Linux (GTK pulls in the whole GTK/cairo/pango stack), touch and tablet input,
# networking (the app has none), and image formats it never reads; on Linux, where the
# build exists only to test the Windows one, CUPS printing (libcups with GnuTLS, Avahi,
# p11-kit…: 7 MB that made room for the team server's driver; Windows prints through
# windowsprintersupport). Dropped before PyInstaller follows their dependencies, so those
# are not collected either.
UNUSED_QT_PLUGIN = re.compile(
    r"(?:^|[\\/])(?:lib)?q?("
    r"eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc|wayland|direct2d"
    r"|gtk3|xdgdesktopportal"
    r"|evdev|tuiotouch|connman|glib|networkmanager|netlistmgr|certonlybackend|opensslbackend"
    r"|schannelbackend|icns|tga|tiff|wbmp|webp|cupsprintersupport"
    r")[^\\/]*$"
    r"|egldeviceintegrations|wayland-",
    re.IGNORECASE,
)
QT_TRANSLATION = re.compile(r"PySide6[\\/]Qt[\\/]translations[\\/](?P<name>[^\\/]+)$")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.2.1`` → (0, 2, 1, 0): the four numbers a Windows version resource holds."""
    release = (*Version(version).release, 0, 0, 0)[:4]
    return release  # type: ignore[return-value]


def version_resource(version: str, *, file_name: str, description: str) -> str:
    """The Windows version resource (Explorer's Details tab, AppLocker's publisher rules)
    generated from the package version, so the two never drift; in the text form that
    PyInstaller reads (``EXE(version=FILE)``; used on Windows only)."""
    numbers = version_tuple(version)
    table_id, language, code_page = DANISH_UNICODE
    strings = {
        "CompanyName": "MentorDesk",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": file_name.removesuffix(".exe"),
        "LegalCopyright": "MentorDesk",
        "OriginalFilename": file_name,
        "ProductName": "MentorDesk",
        "ProductVersion": version,
    }
    string_structs = ",\n".join(f"          StringStruct({key!r}, {value!r})"
                                 for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable({table_id!r}, [
{string_structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [{language:#06x}, {code_page}])])
  ]
)
"""


def migration_sources(package_dir: Path, package: str) -> list[tuple[str, str]]:
    """Alembic reads its ``env.py`` and version scripts as files, not as imports: every
    folder in the package that is an Alembic script folder ships its ``.py`` as data."""
    datas = []
    for env in package_dir.rglob("env.py"):
        folder = env.parent
        if not (folder / "script.py.mako").is_file():
            continue
        for source in folder.rglob("*.py"):
            target = Path(package, source.parent.relative_to(package_dir))
            datas.append((str(source), str(target)))
    return datas


def is_unused_qt(destination: str) -> bool:
    return bool(UNUSED_QT.search(destination.replace("\\", "/")))


def is_foreign_qt_translation(destination: str) -> bool:
    """Qt's own translations: only the Danish ones (qtbase_da.qm, …) are loaded."""
    match = QT_TRANSLATION.search(destination)
    return bool(match) and not match["name"].endswith("_da.qm")


def skip_unused_qt_plugins() -> None:
    """Make PyInstaller's Qt hooks leave out ``UNUSED_QT_PLUGIN`` (call before Analysis)."""
    from PyInstaller.utils.hooks.qt import QtLibraryInfo

    collect = QtLibraryInfo.collect_plugins
    if getattr(collect, "filtered", False):
        return

    def collect_used_plugins(self, plugin_type):
        return [(source, target) for source, target in collect(self, plugin_type)
                if not UNUSED_QT_PLUGIN.search(f"{target}/{Path(source).name}")]

    collect_used_plugins.filtered = True
    QtLibraryInfo.collect_plugins = collect_used_plugins


def is_unused_stdnum_registry(destination: str) -> bool:
    """python-stdnum's registries (ISBN ranges, IBAN formats, OUI, …): the app validates
    only Danish CPR numbers (``stdnum.dk.cpr``), which need none of them."""
    return bool(re.match(r"stdnum[\\/].*\.dat$", destination))


def keep(toc, *, drop):
    """A PyInstaller TOC without the entries whose destination ``drop`` rejects."""
    return [entry for entry in toc if not drop(entry[0])]
