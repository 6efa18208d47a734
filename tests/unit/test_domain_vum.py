"""FFB/VUM reference data: names, codes, tree shape and the ordered scales."""

import json
from pathlib import Path

import pytest

from mentordesk.domain import vum
from mentordesk.domain.ffb_build import build_compact_ffb, dump_compact_ffb
from mentordesk.domain.text import danish_sort_key
from mentordesk.domain.vum import (
    FunctionLevel,
    GoalType,
    InterventionStatus,
    SupportNeed,
    Term,
    activity_themes,
    children,
    condition_themes,
    find_term,
    get_term,
    level_choices,
    level_ffb_code,
    level_from_ffb_code,
    level_label,
    social_pedagogical_support_kinds,
    theme_of,
)

# KL's full FFB CodeSystem, kept with the tests (tests/fixtures/README.md).
REFERENCE = Path(__file__).parents[1] / "fixtures" / "kl-ffb-codesystem.json"
SHIPPED = Path(vum.__file__).parent / "data" / "ffb.json"


def names(terms):
    return [term.name for term in terms]


def test_varetage_oekonomi_sits_under_samfundsliv():
    term = find_term("Varetage økonomi")
    assert term.code == "70443014-3faf-402d-abcf-396bfad32eb9"
    assert get_term(term.parent_code).name == "Samfundsliv"
    assert theme_of(term.code).name == "Samfundsliv"
    assert "økonomi" in term.definition


def test_activity_themes_in_vum_order():
    assert names(activity_themes()) == [
        "Relationer",
        "Kommunikation",
        "Mobilitet",
        "Egenomsorg",
        "Samfundsliv",
        "Praktiske opgaver",
    ]
    assert all(t.parent_code == vum.ACTIVITY_AND_PARTICIPATION_CODE for t in activity_themes())


def test_samfundsliv_and_praktiske_opgaver_subthemes():
    samfundsliv = find_term("Samfundsliv", under=vum.ACTIVITY_AND_PARTICIPATION_CODE)
    assert set(names(children(samfundsliv.code))) == {
        "Varetage økonomi",
        "Håndtere post",
        "Varetage bolig",
        "Varetage beskæftigelse",
        "Varetage uddannelse",
    }
    praktiske = find_term("Praktiske opgaver")
    assert set(names(children(praktiske.code))) == {
        "Købe ind",
        "Lave mad",
        "Gøre rent",
        "Vaske tøj",
        "Passe ejendele",
        "Udvise hjælp og omsorg for andre",
    }


def test_subthemes_are_sorted_the_danish_way():
    kids = names(children(find_term("Samfundsliv").code))
    assert kids == sorted(kids, key=danish_sort_key)
    assert kids[-1] == "Varetage økonomi"  # ø after u, unlike plain Python sorting
    assert danish_sort_key("Åben") > danish_sort_key("Øl") > danish_sort_key("Æble")


def test_condition_themes_and_social_conditions():
    assert names(condition_themes()) == [
        "Mentale funktioner",
        "Sundhedsforhold",
        "Fysiske funktioner",
        "Sociale forhold",
    ]
    social = find_term("Sociale forhold")
    assert "Økonomisk situation" in names(children(social.code))
    assert find_term("Søvn", under=find_term("Sundhedsforhold").code).parent_code == (
        "4fb78b88-d3af-4cfb-84d7-f06daf423317"
    )


def test_social_pedagogical_support_subtree():
    kinds = names(social_pedagogical_support_kinds())
    assert "Støtte til praktiske opgaver" in kinds
    admin = find_term("Støtte til administration")
    assert admin.code == "d473dea2-4f6d-4f36-a8f0-260f0213f50a"
    assert theme_of(admin.code).name == "Støtte til praktiske opgaver"


def test_other_ffb_subtrees_are_not_shipped():
    with pytest.raises(KeyError):
        find_term("Hjemløshed")  # Målgruppe is not part of the extract
    with pytest.raises(KeyError):
        get_term("5ea75f09-8eec-4edc-aafd-a330a523c33e")  # Socialt akuttilbud


def test_ambiguous_name_needs_a_subtree():
    with pytest.raises(KeyError):
        find_term("Ikke vurderet")
    assert find_term("Ikke vurderet", under=vum.SUPPORT_NEED_ROOT_CODE).code == (
        vum.SUPPORT_NEED_NOT_ASSESSED_CODE
    )


def test_unknown_code_fails_loudly():
    with pytest.raises(KeyError):
        children("not-a-code")


def test_term_is_frozen_and_compares_by_code_name_parent():
    term = Term("x", "Navn", None, "lang definition")
    assert term == Term("x", "Navn", None)
    with pytest.raises(AttributeError):
        term.name = "Andet"  # type: ignore[misc]


def test_function_levels_in_order():
    assert [(lvl.value, lvl.label) for lvl in FunctionLevel] == [
        (0, "Ingen nedsat funktionsevne"),
        (1, "Let nedsat funktionsevne"),
        (2, "Moderat nedsat funktionsevne"),
        (3, "Svært nedsat funktionsevne"),
        (4, "Fuldstændig nedsat funktionsevne"),
    ]
    assert FunctionLevel.SEVERE > FunctionLevel.MILD
    assert FunctionLevel(2).short_label == "Moderat"
    assert level_label(None) == "Ikke vurderet"


def test_support_need_levels_in_order():
    assert [lvl.label for lvl in SupportNeed] == [
        "Intet støttebehov",
        "Let støttebehov",
        "Moderat støttebehov",
        "Højt støttebehov",
        "Fuldstændigt støttebehov",
    ]
    assert level_choices(SupportNeed)[-1] == (None, "Ikke vurderet")
    assert len(level_choices(SupportNeed)) == 6


def test_level_codes_round_trip_including_not_assessed():
    for scale in (FunctionLevel, SupportNeed):
        for level in [*scale, None]:
            assert level_from_ffb_code(scale, level_ffb_code(scale, level)) == level
    assert level_ffb_code(FunctionLevel, None) == "1c327095-107f-4b96-88d0-ec562cb980be"
    assert level_ffb_code(FunctionLevel, 0) == "b508ff66-6326-4862-a6d7-7bbf184c9823"
    with pytest.raises(ValueError):
        level_from_ffb_code(FunctionLevel, vum.SUPPORT_NEED_NOT_ASSESSED_CODE)


@pytest.mark.parametrize(
    ("enum", "root"),
    [
        (FunctionLevel, vum.FUNCTION_LEVEL_ROOT_CODE),
        (SupportNeed, vum.SUPPORT_NEED_ROOT_CODE),
        (GoalType, vum.GOAL_TYPE_ROOT_CODE),
        (InterventionStatus, vum.INTERVENTION_STATUS_ROOT_CODE),
    ],
)
def test_enum_codes_and_labels_match_the_ffb_data(enum, root):
    in_data = {term.code: term.name for term in children(root)}
    for member in enum:
        assert in_data[member.ffb_code] == member.label


def test_goal_types():
    assert GoalType("develop") is GoalType.DEVELOP
    assert GoalType.LIMIT_LOSS.label == "Begrænse tab af funktionsevne"
    assert [g.short_label for g in GoalType] == ["Udvikle", "Fastholde", "Begrænse tab"]
    assert GoalType.from_ffb_code("10752a63-00b4-4958-b7f4-9f3a18f74266") is GoalType.MAINTAIN


def test_intervention_status_has_three_decisions():
    assert [s.value for s in InterventionStatus] == ["continue", "end", "end_and_refer"]
    assert InterventionStatus.END_AND_REFER.ffb_code == "b4c01aa8-82fd-44e4-83ff-ca19ec02c779"
    assert "visiteres" in InterventionStatus.END_AND_REFER.recommendation_label


def test_ffb_version():
    assert vum.ffb_version() == "20240530"


def test_shipped_json_is_what_the_generator_builds():
    built = dump_compact_ffb(build_compact_ffb(json.loads(REFERENCE.read_text(encoding="utf-8"))))
    assert built == SHIPPED.read_text(encoding="utf-8")
