"""Money is integer øre, shown and typed the Danish way."""

from decimal import Decimal

import pytest

from mentordesk.domain.money import format_dkk, kroner_to_oere, oere_to_kroner, parse_dkk


@pytest.mark.parametrize(
    ("oere", "expected"),
    [
        (123456, "1.234,56 kr."),
        (-123456, "-1.234,56 kr."),
        (0, "0,00 kr."),
        (5, "0,05 kr."),
        (-5, "-0,05 kr."),
        (50_000, "500,00 kr."),
        (250_000, "2.500,00 kr."),
        (123_456_789_012, "1.234.567.890,12 kr."),
    ],
)
def test_format_dkk(oere, expected):
    assert format_dkk(oere) == expected


def test_format_dkk_without_unit_for_table_cells():
    assert format_dkk(123456, with_unit=False) == "1.234,56"


@pytest.mark.parametrize("bad", [12.5, Decimal("12.5"), "1234", True])
def test_format_dkk_refuses_non_integer_amounts(bad):
    with pytest.raises(TypeError):
        format_dkk(bad)


@pytest.mark.parametrize(
    ("text", "oere"),
    [
        ("1.234,50", 123450),
        ("1234,5", 123450),
        ("-12", -1200),
        ("1.234", 123400),  # the dot is a thousands separator, not a decimal point
        (" 12 kr.", 1200),
        ("12 kr", 1200),
        ("kr. 800,-", 80_000),
        ("DKK 5", 500),
        ("1.234.567,89", 123_456_789),
        ("1 234,50", 123450),
        ("1\u00a0234,50", 123450),
        ("- 12", -1200),
        ("\u22123,5", -350),
        ("+7", 700),
        (",50", 50),
        ("0,01", 1),
    ],
)
def test_parse_dkk_accepts_danish_input(text, oere):
    assert parse_dkk(text) == oere


@pytest.mark.parametrize(
    ("text", "oere"),
    [("12,345", 1235), ("12,344", 1234), ("0,005", 1), ("-0,005", -1), ("-12,345", -1235)],
)
def test_parse_dkk_rounds_half_up_to_whole_oere(text, oere):
    assert parse_dkk(text) == oere


@pytest.mark.parametrize(
    "text", ["abc", "1,2,3", "12,", "1 2", "1e5", "nan", "--1", "12.34.5", "1.2345"]
)
def test_parse_dkk_rejects_garbage_in_danish(text):
    with pytest.raises(ValueError, match="Ugyldigt beløb"):
        parse_dkk(text)


@pytest.mark.parametrize("text", ["", "   ", "kr."])
def test_parse_dkk_reports_missing_amount(text):
    with pytest.raises(ValueError, match="Beløbet mangler"):
        parse_dkk(text)


def test_parse_dkk_explains_decimal_point():
    with pytest.raises(ValueError, match="Brug komma som decimaltegn"):
        parse_dkk("12.5")


def test_parse_and_format_round_trip():
    for oere in (0, 1, 99, 100, 123456, -987654321):
        assert parse_dkk(format_dkk(oere)) == oere


def test_kroner_to_oere_uses_decimal_never_float():
    assert kroner_to_oere(Decimal("12.345")) == 1235
    assert kroner_to_oere("0.125") == 13
    assert kroner_to_oere(7) == 700
    with pytest.raises(TypeError):
        kroner_to_oere(0.1)
    with pytest.raises(ValueError):
        kroner_to_oere("Infinity")


def test_oere_to_kroner_is_exact():
    assert oere_to_kroner(123456) == Decimal("1234.56")
    assert oere_to_kroner(-1) == Decimal("-0.01")
