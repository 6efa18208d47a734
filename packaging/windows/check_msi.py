"""Inspect a MentorDesk.msi with msitools' ``msiinfo``: what IT relies on is in its tables.

    python check_msi.py MentorDesk.msi VERSION

Per-machine (ALLUSERS=1) into Program Files\\MentorDesk; the fixed UpgradeCode with major-
upgrade detection; the Start-menu shortcut with the icon; and nothing that reaches the
users' data: no folder under the profile, no RemoveFile row, no ``.mentordesk`` file.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

UPGRADE_CODE = "{8F9CBB59-A98D-4913-96EB-D9E6F92953EA}"
PROFILE_FOLDERS = {"LocalAppDataFolder", "AppDataFolder", "PersonalFolder", "DesktopFolder"}


def table(msi: str, name: str) -> list[dict[str, str]]:
    """The rows of one table; ``msiinfo export`` writes names, types and keys first (and
    binary columns as files into the working folder: a temporary one)."""
    with tempfile.TemporaryDirectory() as scratch:
        lines = subprocess.run(["msiinfo", "export", str(Path(msi).resolve()), name],
                               capture_output=True, text=True, check=True,
                               cwd=scratch).stdout.splitlines()
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:] if line]


def check(msi: str, version: str) -> list[str]:
    problems = []
    properties = {row["Property"]: row["Value"] for row in table(msi, "Property")}
    if properties.get("ALLUSERS") != "1":
        problems.append(f"not per machine: ALLUSERS={properties.get('ALLUSERS')!r}")
    if properties.get("UpgradeCode", "").upper() != UPGRADE_CODE:
        problems.append(f"UpgradeCode changed: {properties.get('UpgradeCode')}")
    if properties.get("ProductVersion") != version:
        problems.append(f"ProductVersion {properties.get('ProductVersion')} is not {version}")
    upgrades = [row for row in table(msi, "Upgrade") if row["UpgradeCode"] == UPGRADE_CODE]
    finds_older = any(row["VersionMax"] == version and not row["VersionMin"] for row in upgrades)
    refuses_newer = any(row["VersionMin"] == version for row in upgrades)
    if not (finds_older and refuses_newer):
        problems.append(f"no major upgrade rows for {UPGRADE_CODE}: {upgrades}")
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    install = directories.get("INSTALLDIR", {})
    if install.get("Directory_Parent") != "ProgramFiles64Folder" \
            or install.get("DefaultDir") != "MentorDesk":
        problems.append(f"not installed into Program Files\\MentorDesk: {install}")
    if PROFILE_FOLDERS & set(directories):
        problems.append(f"touches the user profile: {PROFILE_FOLDERS & set(directories)}")
    shortcuts = table(msi, "Shortcut")
    if not any(row["Directory_"] == "ProgramMenuFolder" and row["Name"] == "MentorDesk"
               and row["Target"] == "[INSTALLDIR]MentorDesk.exe"
               and row["Icon_"] == "MentorDesk.ico" for row in shortcuts):
        problems.append(f"no Start-menu shortcut with the icon: {shortcuts}")
    if "MentorDesk.ico" not in {row["Name"] for row in table(msi, "Icon")}:
        problems.append("the icon is not in the Icon table")
    if table(msi, "RemoveFile"):
        problems.append(f"removes files beyond its own: {table(msi, 'RemoveFile')}")
    files = [row["FileName"].split("|")[-1] for row in table(msi, "File")]
    programs = {name.removesuffix(".exe") for name in files}
    if not {"MentorDesk", "mentordesk-cli"} <= programs:
        problems.append("MentorDesk and mentordesk-cli are not both installed")
    if any(name.lower().endswith(".mentordesk") for name in files):
        problems.append("a .mentordesk database is part of the package")
    registry = table(msi, "Registry")
    if any(row["Root"] != "2" or not row["Key"].startswith("Software\\MentorDesk")
           for row in registry):
        problems.append(f"writes the registry outside HKLM\\Software\\MentorDesk: {registry}")
    print(f"{msi}: {len(files)} files, {len(shortcuts)} shortcut, "
          f"UpgradeCode {UPGRADE_CODE}, per machine, version {version}")
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1], sys.argv[2])
    for problem in found:
        print(f"MSI: {problem}", file=sys.stderr)
    sys.exit(1 if found else 0)
