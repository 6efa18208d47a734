"""The locked dependencies the frozen app and the MSI are built from: every runtime
dependency of pyproject.toml, within its pinned range, on Windows as well as on Linux."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "packaging" / "requirements.lock"
# The environments the MSI and the Linux CI build for (Python 3.11, as the lock).
PLATFORMS = {
    "windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
}
_PINNED = re.compile(r"^([A-Za-z0-9_.\-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _runtime_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def _locked_for(platform: str) -> dict[str, Version]:
    environment = {"python_version": "3.11", "python_full_version": "3.11.7",
                   "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", **PLATFORMS[platform]}
    locked = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = _PINNED.match(line)
        if match and (match[3] is None or Marker(match[3]).evaluate(environment)):
            locked[canonicalize_name(match[1])] = Version(match[2])
    return locked


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_every_runtime_dependency_is_locked_within_its_range(platform):
    locked = _locked_for(platform)
    missing = [str(requirement) for requirement in _runtime_requirements()
               if canonicalize_name(requirement.name) not in locked]
    outside = [f"{requirement.name} {locked[canonicalize_name(requirement.name)]} "
               f"not in {requirement.specifier}"
               for requirement in _runtime_requirements()
               if canonicalize_name(requirement.name) in locked
               and locked[canonicalize_name(requirement.name)] not in requirement.specifier]
    assert not missing, f"not locked for {platform}: {missing}"
    assert not outside, outside
