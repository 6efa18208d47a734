"""VUM 2.0 reference data from KL's Fælles Faglige Begreber (FFB), with official codes.

Two kinds of data live here:

* The theme trees (*Aktivitet og deltagelse*, *Funktioner og forhold*, *Socialpædagogisk
  støtte*) as ``Term`` rows, loaded lazily from ``data/ffb.json`` (built by ``ffb_build``).
* The small fixed scales (*Funktionsevneniveau*, *Støttebehovsniveau*, *Måltype*, *Status på
  indsats*) as enums with the FFB code on each member, because code paths branch on them
  and charts need their order. Tests check they agree with the JSON.

Goals store the FFB code of their (sub-)theme, never the name: KL may rename a term, the
code stays, and reports to the municipality can use the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TypeVar

from .labels import CodedIntEnum, CodedStrEnum

FFB_SYSTEM = "urn:oid:1.2.208.176.2.22"

ACTIVITY_AND_PARTICIPATION_CODE = "93433530-b85c-4d04-a4fb-5ae26cf16f1c"  # Aktivitet og deltagelse
FUNCTIONS_AND_CONDITIONS_CODE = "740934cd-002b-4b96-b92e-b3562eed9448"  # Funktioner og forhold
SOCIAL_PEDAGOGICAL_SUPPORT_CODE = "1f0ff82b-3243-422f-9651-1d00fd2dcd61"  # Socialpædagogisk støtte
FUNCTION_LEVEL_ROOT_CODE = "e89d317c-4657-4970-b614-ada2ed220595"  # Funktionsevneniveau
SUPPORT_NEED_ROOT_CODE = "7ac451dc-773b-4877-baaf-1e6b1d5c8e28"  # Støttebehovsniveau
GOAL_TYPE_ROOT_CODE = "b5257b2d-0fbf-4d00-bf38-d298c8568116"  # Måltype
INTERVENTION_STATUS_ROOT_CODE = "90479ffa-bf46-4b3a-a172-91f2798e2a43"  # Status på indsats

NOT_ASSESSED_LABEL = "Ikke vurderet"


@dataclass(frozen=True)
class Term:
    """One FFB concept. ``parent_code`` is ``None`` for the top of a kept subtree."""

    code: str
    name: str
    parent_code: str | None
    definition: str = field(default="", compare=False, repr=False)


# --- the theme trees (lazy JSON) ------------------------------------------------------


@cache
def _load() -> dict:
    # importlib.resources keeps this working from a wheel or a frozen (PyInstaller) build.
    text = resources.files(__package__).joinpath("data", "ffb.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _terms_by_code() -> dict[str, Term]:
    rows = _load()["terms"]
    return {
        row["code"]: Term(row["code"], row["name"], row["parent"], row.get("definition", ""))
        for row in rows
    }


@cache
def _children_by_code() -> dict[str | None, tuple[Term, ...]]:
    grouped: dict[str | None, list[Term]] = {}
    for term in _terms_by_code().values():  # dict keeps the file's display order
        grouped.setdefault(term.parent_code, []).append(term)
    return {parent: tuple(kids) for parent, kids in grouped.items()}


def ffb_version() -> str:
    """Version of the FFB release the data was taken from, e.g. ``"20240530"``."""
    return _load()["version"]


def all_terms() -> tuple[Term, ...]:
    return tuple(_terms_by_code().values())


def get_term(code: str) -> Term:
    """The term with this FFB code; ``KeyError`` if unknown."""
    return _terms_by_code()[code]


def children(code: str) -> tuple[Term, ...]:
    """Direct children in display order (empty for a leaf)."""
    get_term(code)  # unknown codes should fail loudly, not look like leaves
    return _children_by_code().get(code, ())


def descendants(code: str) -> tuple[Term, ...]:
    """All terms below ``code``, depth first, in display order."""
    found: list[Term] = []
    for child in children(code):
        found.append(child)
        found.extend(descendants(child.code))
    return tuple(found)


def ancestors(code: str) -> tuple[Term, ...]:
    """From the parent of ``code`` up to the top of its subtree."""
    chain: list[Term] = []
    parent_code = get_term(code).parent_code
    while parent_code is not None:
        parent = get_term(parent_code)
        chain.append(parent)
        parent_code = parent.parent_code
    return tuple(chain)


def find_term(name: str, under: str | None = None) -> Term:
    """Look a term up by its Danish name, optionally only below the term ``under``.

    ``KeyError`` when no or several terms match (e.g. "Ikke vurderet" exists in two scales).
    """
    pool = descendants(under) if under else all_terms()
    wanted = name.strip().casefold()
    matches = [term for term in pool if term.name.casefold() == wanted]
    if len(matches) != 1:
        raise KeyError(f"{len(matches)} FFB-begreber hedder {name!r}")
    return matches[0]


def activity_themes() -> tuple[Term, ...]:
    """Goal themes: Relationer, Kommunikation, Mobilitet, Egenomsorg, Samfundsliv,
    Praktiske opgaver."""
    return children(ACTIVITY_AND_PARTICIPATION_CODE)


def condition_themes() -> tuple[Term, ...]:
    """Mentale funktioner, Sundhedsforhold, Fysiske funktioner, Sociale forhold."""
    return children(FUNCTIONS_AND_CONDITIONS_CODE)


def social_pedagogical_support_kinds() -> tuple[Term, ...]:
    """Kinds of *Socialpædagogisk støtte* (§85 services), e.g. "Støtte til sundhed"."""
    return children(SOCIAL_PEDAGOGICAL_SUPPORT_CODE)


def theme_of(code: str) -> Term:
    """The theme (e.g. Samfundsliv) a sub-theme (e.g. Varetage økonomi) belongs to.

    A theme is its own theme. Reports group goals by theme even when a goal uses a sub-theme.
    """
    chain = (get_term(code),) + ancestors(code)
    if len(chain) < 2:
        raise ValueError(f"{chain[0].name} er et hovedområde, ikke et tema")
    return chain[-2]


# --- the fixed scales --------------------------------------------------------------------


class FunctionLevel(CodedIntEnum):
    """*Funktionsevneniveau* 0–4; ``None`` means *Ikke vurderet* (not assessed)."""

    NONE = 0, "Ingen nedsat funktionsevne", "b508ff66-6326-4862-a6d7-7bbf184c9823"
    MILD = 1, "Let nedsat funktionsevne", "8328ce4a-6238-4f73-bf1a-74aadb68eff8"
    MODERATE = 2, "Moderat nedsat funktionsevne", "5bdde847-2837-416b-ab63-bbff8b7aa531"
    SEVERE = 3, "Svært nedsat funktionsevne", "cae545f5-2813-4d79-98fc-0a7d770af3cd"
    COMPLETE = 4, "Fuldstændig nedsat funktionsevne", "832ae90b-23b5-4063-80aa-0b81bdce680e"

    @property
    def short_label(self) -> str:
        """For chart axes: "Ingen", "Let", "Moderat", "Svært", "Fuldstændig"."""
        return self.label.split()[0]


class SupportNeed(CodedIntEnum):
    """*Støttebehovsniveau* 0–4; ``None`` means *Ikke vurderet*."""

    NONE = 0, "Intet støttebehov", "ae9f388a-91c3-46cf-af55-f81952f2977c"
    LOW = 1, "Let støttebehov", "dd628e73-d6c9-4837-a2b8-aa62d73bd6ae"
    MODERATE = 2, "Moderat støttebehov", "401a397b-b3aa-4ca3-8b23-bd8f99dd3f76"
    HIGH = 3, "Højt støttebehov", "b99a0790-4d70-4152-b149-3fe58b745583"
    COMPLETE = 4, "Fuldstændigt støttebehov", "e99763d6-6c43-4969-ad52-2b1a7055f9dc"

    @property
    def short_label(self) -> str:
        return self.label.split()[0]


# "Ikke vurderet" has its own FFB code per scale; we model it as None, not as a 5th level,
# so it can never be averaged or plotted as if it were a score.
FUNCTION_LEVEL_NOT_ASSESSED_CODE = "1c327095-107f-4b96-88d0-ec562cb980be"
SUPPORT_NEED_NOT_ASSESSED_CODE = "2254dac8-8aa3-4334-8502-9720194f49ad"

_NOT_ASSESSED_CODES: dict[type, str] = {
    FunctionLevel: FUNCTION_LEVEL_NOT_ASSESSED_CODE,
    SupportNeed: SUPPORT_NEED_NOT_ASSESSED_CODE,
}

Level = TypeVar("Level", FunctionLevel, SupportNeed)


def level_label(level: FunctionLevel | SupportNeed | None) -> str:
    """Danish label; ``None`` → "Ikke vurderet"."""
    return NOT_ASSESSED_LABEL if level is None else level.label


def level_ffb_code(scale: type[Level], level: Level | None) -> str:
    """FFB code of a level, including the scale's own "Ikke vurderet" code for ``None``."""
    return _NOT_ASSESSED_CODES[scale] if level is None else scale(level).ffb_code


def level_from_ffb_code(scale: type[Level], code: str) -> Level | None:
    """Inverse of ``level_ffb_code``; ``ValueError`` for a code outside the scale."""
    if code == _NOT_ASSESSED_CODES[scale]:
        return None
    return scale.from_ffb_code(code)


def level_choices(scale: type[FunctionLevel | SupportNeed]) -> list[tuple[int | None, str]]:
    """``(value, label)`` for 0..4 followed by ``(None, "Ikke vurderet")``."""
    return [*scale.choices(), (None, NOT_ASSESSED_LABEL)]


class GoalType(CodedStrEnum):
    """*Måltype* of an *indsatsmål*."""

    DEVELOP = "develop", "Udvikle funktionsevne", "d41c8072-52f8-42b5-9375-ddbea454d27f"
    MAINTAIN = "maintain", "Fastholde funktionsevne", "10752a63-00b4-4958-b7f4-9f3a18f74266"
    LIMIT_LOSS = (
        "limit_loss",
        "Begrænse tab af funktionsevne",
        "e47c22bd-d88d-48ab-882b-419923e1f44e",
    )

    @property
    def short_label(self) -> str:
        """Short form for narrow columns: "Udvikle", "Fastholde", "Begrænse tab"."""
        return self.label.removesuffix(" af funktionsevne").removesuffix(" funktionsevne")


class InterventionStatus(CodedStrEnum):
    """*Status på indsats*: the decision (or recommendation) at the end of a period."""

    CONTINUE = (
        "continue",
        "Træf afgørelse om fortsættelse af indsats",
        "1e971d84-10a4-4ef8-a8b3-0daa4c7d088a",
    )
    END = (
        "end",
        "Træf afgørelse om afslutning af indsats",
        "d7d03656-4c87-4e67-9146-aa5990460f16",
    )
    END_AND_REFER = (
        "end_and_refer",
        "Træf afgørelse om afslutning af indsats og visiter til ny",
        "b4c01aa8-82fd-44e4-83ff-ca19ec02c779",
    )

    @property
    def recommendation_label(self) -> str:
        """Wording for the provider's recommendation in a progression report.

        The FFB names are phrased as the municipality's decision; the provider only recommends.
        """
        return _RECOMMENDATION_LABELS[self]


# Phrased as a recommendation: the authority decides, the provider recommends.
_RECOMMENDATION_LABELS = {
    InterventionStatus.CONTINUE: "Det anbefales, at indsatsen fortsætter",
    InterventionStatus.END: "Det anbefales, at indsatsen afsluttes",
    InterventionStatus.END_AND_REFER: ("Det anbefales, at indsatsen afsluttes, og at borgeren "
                                       "visiteres til en ny indsats"),
}
