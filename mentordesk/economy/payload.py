"""Sheets, debts and benefits as JSON-able dicts: snapshot payloads and the summary."""

from __future__ import annotations

from datetime import date
from typing import Any

from mentordesk.domain.economy import DebtType, PriorityClass
from mentordesk.economy.records import BENEFIT_FIELDS, DEBT_FIELDS, BenefitRow, DebtRow
from mentordesk.economy.sheet import Sheet, SheetLine

PAYLOAD_VERSION = 1
_LINE_FIELDS = ("section", "label", "category", "person", "frequency", "amount_oere",
                "first_month", "note", "norm_covered", "debt_id")
_HOUSEHOLD_FIELDS = ("adults", "children_0_1", "children_2_6", "children_7_17", "norm_kind",
                     "note", "rates_year")


def sheet_to_dict(sheet: Sheet) -> dict[str, Any]:
    return {
        "year": sheet.year,
        **{name: str(getattr(sheet, name)) if name == "norm_kind" else getattr(sheet, name)
           for name in _HOUSEHOLD_FIELDS},
        "lines": [{**{name: _plain(getattr(line, name)) for name in _LINE_FIELDS},
                   "months": list(line.months)} for line in sheet.lines],
    }


def sheet_from_dict(citizen_id: int, data: dict[str, Any], version: int = 0) -> Sheet:
    # A version saved before a field existed reads as the field's default.
    lines = tuple(SheetLine(months=tuple(int(m) for m in line["months"]),
                            **{name: line[name] for name in _LINE_FIELDS if name in line})
                  for line in data["lines"])
    return Sheet(citizen_id=citizen_id, year=int(data["year"]), lines=lines, version=version,
                 **{name: data[name] for name in _HOUSEHOLD_FIELDS if name in data})


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # an enum member → its code
    return value


def debt_to_dict(debt: DebtRow) -> dict[str, Any]:
    return {"id": debt.id, **{name: _plain(getattr(debt, name)) for name in DEBT_FIELDS}}


def benefit_to_dict(benefit: BenefitRow) -> dict[str, Any]:
    return {"id": benefit.id,
            **{name: _plain(getattr(benefit, name)) for name in BENEFIT_FIELDS}}


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def debt_from_dict(citizen_id: int, data: dict[str, Any]) -> DebtRow:
    values = {name: data[name] for name in DEBT_FIELDS if name in data}
    values.update(_older_debt_fields(data))
    for name in ("balance_on", "created_on", "due_on"):
        values[name] = _date(values.get(name))
    return DebtRow(id=int(data.get("id", 0)), version=0, citizen_id=citizen_id, **values)


def _older_debt_fields(data: dict[str, Any]) -> dict[str, Any]:
    """A version saved before a field existed: the value the migration gave stored debts."""
    older: dict[str, Any] = {}
    if "priority_class" not in data:
        older["priority_class"] = priority_from_flag(str(data["debt_type"]),
                                                     bool(data.get("is_priority")))
    return older


def priority_from_flag(debt_type: str, is_priority: bool) -> str:
    """The class of a debt that only had a yes/no priority flag: the type's default class
    when it was a priority, "other priority" when the mentor had marked an ordinary type as
    priority, and ordinary when the mentor had taken the flag off."""
    if not is_priority:
        return PriorityClass.ORDINARY.value
    known = debt_type in DebtType._value2member_map_
    default = DebtType(debt_type).default_priority if known else PriorityClass.ORDINARY
    return (default if default.is_priority else PriorityClass.OTHER_PRIORITY).value


def benefit_from_dict(citizen_id: int, data: dict[str, Any]) -> BenefitRow:
    values = {name: data[name] for name in BENEFIT_FIELDS}
    for name in ("applied_on", "decided_on", "appeal_deadline"):
        values[name] = _date(values[name])
    return BenefitRow(id=int(data.get("id", 0)), version=0, citizen_id=citizen_id, **values)
