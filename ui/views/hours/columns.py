"""How the weekly hours read in the tables: "4–6 t", "min. 5 t", "3,5 t", and a flag that
is text as well as colour (a colour-blind coordinator must see "Under" too)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.duration import granted_text, hours_text
from mentordesk.schedule.hours import CitizenWeek, MentorWeek
from mentordesk.schedule.overview import HoursTotal
from ui.views.common.record_table import RowLook, TableColumn

translate = QCoreApplication.translate

FLAG_LOOKS = {  # background, text colour
    "under": ("#fde2e1", "#8a1c1c"),
    # Blue, not red: a week still being delivered is not a shortfall (yet).
    "on_track": ("#e1edf9", "#0d3c6e"),
    "over": ("#fff0cc", "#7a4b00"),
    "within": ("#e3f4e1", "#1b5e20"),
    "no_grant": (None, "#555555"),
}


def flag_text(flag: str, low: int | None, high: int | None, delivered: int) -> str:
    if flag == "under" and low is not None:
        return translate("HoursColumns", "Under ({missing} missing)").format(
            missing=hours_text(low - delivered))
    if flag == "over" and high is not None:
        return translate("HoursColumns", "Over ({extra} too many)").format(
            extra=hours_text(delivered - high))
    if flag == "on_track":
        return translate("HoursColumns", "On track")
    if flag == "within":
        return translate("HoursColumns", "Within the grant")
    return translate("HoursColumns", "No grant")


def flag_look(flag: str, tooltip: str = "") -> RowLook:
    background, foreground = FLAG_LOOKS.get(flag, (None, None))
    return RowLook(background, foreground, tooltip)


@dataclass(frozen=True)
class CitizenLine:
    """A citizen's week with the names the table shows."""

    week: CitizenWeek
    citizen_name: str
    mentor_name: str


@dataclass(frozen=True)
class MentorLine:
    week: MentorWeek
    mentor_name: str

    @property
    def free_minutes(self) -> int:
        return self.week.capacity_minutes - self.week.delivered_minutes \
            - self.week.planned_minutes


@dataclass(frozen=True)
class TotalLine:
    total: HoursTotal
    citizen_name: str


def citizen_columns() -> list[TableColumn]:
    return [
        TableColumn(translate("HoursColumns", "Citizen"), lambda line: line.citizen_name),
        TableColumn(translate("HoursColumns", "Mentor"), lambda line: line.mentor_name),
        TableColumn(translate("HoursColumns", "Granted"), lambda line: granted_text(
            line.week.granted_min_minutes, line.week.granted_max_minutes)),
        TableColumn(translate("HoursColumns", "Delivered"),
                    lambda line: hours_text(line.week.delivered_minutes)),
        TableColumn(translate("HoursColumns", "Planned"),
                    lambda line: hours_text(line.week.planned_minutes)),
        TableColumn(translate("HoursColumns", "Status"), lambda line: flag_text(
            line.week.flag, line.week.granted_min_minutes, line.week.granted_max_minutes,
            line.week.delivered_minutes)),
    ]


def mentor_columns() -> list[TableColumn]:
    return [
        TableColumn(translate("HoursColumns", "Mentor"), lambda line: line.mentor_name),
        TableColumn(translate("HoursColumns", "Capacity"),
                    lambda line: hours_text(line.week.capacity_minutes)
                    if line.week.capacity_minutes else "–"),
        TableColumn(translate("HoursColumns", "Delivered"),
                    lambda line: hours_text(line.week.delivered_minutes)),
        TableColumn(translate("HoursColumns", "Planned"),
                    lambda line: hours_text(line.week.planned_minutes)),
        TableColumn(translate("HoursColumns", "Free"), lambda line: hours_text(line.free_minutes)
                    if line.week.capacity_minutes else "–"),
    ]


def total_columns() -> list[TableColumn]:
    return [
        TableColumn(translate("HoursColumns", "Citizen"), lambda line: line.citizen_name),
        TableColumn(translate("HoursColumns", "Weeks"), lambda line: str(line.total.weeks)),
        TableColumn(translate("HoursColumns", "Granted"), lambda line: granted_text(
            line.total.granted_min_minutes, line.total.granted_max_minutes)),
        TableColumn(translate("HoursColumns", "Delivered"),
                    lambda line: hours_text(line.total.delivered_minutes)),
        TableColumn(translate("HoursColumns", "Planned"),
                    lambda line: hours_text(line.total.planned_minutes)),
        TableColumn(translate("HoursColumns", "Weeks under"),
                    lambda line: str(line.total.weeks_under)),
        TableColumn(translate("HoursColumns", "Weeks over"),
                    lambda line: str(line.total.weeks_over)),
    ]


def total_look(line: TotalLine) -> RowLook | None:
    if line.total.weeks_under:
        return flag_look("under")
    if line.total.weeks_over:
        return flag_look("over")
    return None
