"""Build ``data/ffb.json`` from KL's full FFB CodeSystem (FHIR JSON).

The full CodeSystem (~100 kB, also target groups, offers, …) is not shipped. We keep only the
subtrees MentorDesk uses, flattened to ``code, name, parent, definition`` rows, so the app
loads a small file and codes stay beside the Danish names for later reporting to KL.

Regenerate after a new FFB release::

    python -m mentordesk.domain.ffb_build tests/fixtures/kl-ffb-codesystem.json \
        mentordesk/domain/data/ffb.json

(replace the copy in ``tests/fixtures/`` with the new release first).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .text import danish_sort_key

# Paths of display names from the CodeSystem's top level to each subtree we keep.
KEPT_SUBTREES: tuple[tuple[str, ...], ...] = (
    ("FFB tilstande", "Aktivitet og deltagelse"),
    ("FFB tilstande", "Funktioner og forhold"),
    ("Funktionsevneniveau",),
    ("Støttebehovsniveau",),
    ("Måltype",),
    ("Status på indsats",),
    ("Social indsats", "Ydelse", "Socialpædagogisk støtte"),
)


def build_compact_ffb(codesystem: dict[str, Any]) -> dict[str, Any]:
    """Return the compact document written to ``ffb.json``."""
    terms: list[dict[str, Any]] = []
    roots: list[str] = []
    for path in KEPT_SUBTREES:
        root = _find_by_path(codesystem["concept"], path)
        roots.append(root["code"])
        _flatten(root, parent_code=None, depth=0, out=terms)
    _check_unique_codes(terms)
    return {
        "system": codesystem.get("url"),
        "version": codesystem.get("version"),
        "source": "KL Fælles Faglige Begreber (FFB), uddrag til MentorDesk",
        "roots": roots,
        "terms": terms,
    }


def write_compact_ffb(source: Path, target: Path) -> None:
    codesystem = json.loads(Path(source).read_text(encoding="utf-8"))
    Path(target).write_text(dump_compact_ffb(build_compact_ffb(codesystem)), encoding="utf-8")


def dump_compact_ffb(document: dict[str, Any]) -> str:
    """One term per line: small diffs when KL publishes a new version."""
    header = {key: value for key, value in document.items() if key != "terms"}
    lines = [json.dumps(term, ensure_ascii=False) for term in document["terms"]]
    head = json.dumps(header, ensure_ascii=False, indent=1)[:-2]  # drop closing "\n}"
    return head + ',\n "terms": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n"


def _find_by_path(concepts: list[dict[str, Any]], path: tuple[str, ...]) -> dict[str, Any]:
    node: dict[str, Any] = {"concept": concepts}
    for name in path:
        matches = [child for child in node.get("concept", []) if child["display"] == name]
        if len(matches) != 1:
            raise ValueError(f"FFB: expected exactly one {name!r} under {path}")
        node = matches[0]
    return node


def _flatten(
    node: dict[str, Any], parent_code: str | None, depth: int, out: list[dict[str, Any]]
) -> None:
    term = {"code": node["code"], "name": node["display"], "parent": parent_code}
    definition = (node.get("definition") or "").strip()
    # KL repeats the name as definition for scale values; that adds nothing.
    if definition and definition != node["display"]:
        term["definition"] = definition
    out.append(term)
    children = node.get("concept", [])
    # The root's direct children (the themes) keep KL's order, which VUM also uses;
    # deeper lists are sorted by name so a mentor can scan them.
    if depth >= 1:
        children = sorted(children, key=lambda child: danish_sort_key(child["display"]))
    for child in children:
        _flatten(child, parent_code=node["code"], depth=depth + 1, out=out)


def _check_unique_codes(terms: list[dict[str, Any]]) -> None:
    codes = [term["code"] for term in terms]
    if len(codes) != len(set(codes)):
        raise ValueError("FFB: duplicate codes in the kept subtrees")


if __name__ == "__main__":  # pragma: no cover - manual maintenance tool
    if len(sys.argv) != 3:
        sys.exit("usage: python -m mentordesk.domain.ffb_build SOURCE.json TARGET.json")
    write_compact_ffb(Path(sys.argv[1]), Path(sys.argv[2]))
