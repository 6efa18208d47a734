"""Small keyboard-first inputs of the contact form: a date that steps by day, a duration
with presets, and the attended / did-not-show choice."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from mentordesk.domain.codes import Attendance
from mentordesk.services.contacts import MAX_DURATION_MINUTES, MAX_TRAVEL_KM

DATE_FORMAT = "dd-MM-yyyy"  # dd-mm-åååå, as Danish caseworkers write dates
DURATION_PRESETS = (15, 30, 45, 60, 90, 120)
DEFAULT_DURATION = 60


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _leave_on_tab(widget: QWidget, forward: bool) -> bool:
    """Tab goes to the next field, as in every other input of the form; Qt's date and
    time edits would otherwise walk their day, month and year sections first (typing
    digits already moves between sections)."""
    return QWidget.focusNextPrevChild(widget, forward)


class DayStepDateEdit(QDateEdit):
    """A dd-mm-åååå date; ``+`` / ``-`` and Alt+↑ / Alt+↓ move one day.

    ``-`` is also the separator people type between day and month, so it steps the day
    only while nothing has been typed into the field (right after tabbing in, or after a
    step); once digits are typed it separates as usual.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self._typing = False

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(to_qdate(value))
        self._typing = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        step = self._day_step(event)
        if step:
            self.setDate(self.date().addDays(step))
            self._typing = False
            event.accept()
            return
        if event.text().isdigit():
            self._typing = True
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._typing = False
        super().focusInEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        return _leave_on_tab(self, forward)

    def _day_step(self, event: QKeyEvent) -> int:
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        key = event.key()
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            return 1 if key == Qt.Key.Key_Up else -1
        if key == Qt.Key.Key_Plus:
            return 1
        if key == Qt.Key.Key_Minus and not self._typing:
            return -1
        return 0


class StartTimeEdit(QTimeEdit):
    """HH:MM, starting at the last quarter hour: contacts are logged soon after.

    A saved contact may have no start time; it then shows ``--:--`` and stays without
    one unless the user types a time, so opening it to edit the note adds no time.
    """

    NO_TIME_TEXT = "--:--"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self._unset = False
        self.timeChanged.connect(self._on_time_changed)
        self.reset()

    def reset(self) -> None:
        now = datetime.now()
        self.set_value(time(now.hour, now.minute - now.minute % 15))

    def value(self) -> time | None:
        if self._unset:
            return None
        moment = self.time()
        return time(moment.hour(), moment.minute())

    def set_value(self, value: time | None) -> None:
        # The special text shows while the time is at its minimum, 00:00: only used
        # for "no time", and cleared as soon as a time is typed.
        self.setSpecialValueText(self.NO_TIME_TEXT if value is None else "")
        self.setTime(QTime(0, 0) if value is None else QTime(value.hour, value.minute))
        self._unset = value is None

    def _on_time_changed(self, _time: QTime) -> None:
        if self._unset:
            self._set_time_given()

    def _set_time_given(self) -> None:
        self._unset = False
        self.setSpecialValueText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._unset and event.text().isdigit():
            # Typing over "--:--" starts a time at the hours, as in any empty field.
            self._set_time_given()
            self.setSelectedSection(QTimeEdit.Section.HourSection)
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        return _leave_on_tab(self, forward)


class DurationField(QWidget):
    """Minutes in a spin box (↑/↓ step a quarter of an hour) plus one-click presets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox()
        self.spin.setRange(1, MAX_DURATION_MINUTES)
        self.spin.setSingleStep(15)
        self.spin.setSuffix(" min")
        self.spin.setAccelerated(True)
        self.spin.setValue(DEFAULT_DURATION)
        self.presets: dict[int, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin)
        for minutes in DURATION_PRESETS:
            button = QToolButton()
            button.setText(str(minutes))
            # Out of the tab order: the keyboard path is typing minutes or ↑/↓.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, value=minutes: self.set_value(value))
            self.presets[minutes] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def value(self) -> int:
        self.spin.interpretText()  # a number typed but not yet committed counts
        return self.spin.value()

    def set_value(self, minutes: int) -> None:
        self.spin.setValue(minutes)


class AttendanceChoice(QWidget):
    """Fremmøde / Udeblevet as two radio buttons (← → or ↑ ↓ switch between them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attended = QRadioButton(Attendance.ATTENDED.label)
        self.no_show = QRadioButton(Attendance.NO_SHOW.label)
        self.group = QButtonGroup(self)
        self.group.addButton(self.attended)
        self.group.addButton(self.no_show)
        self.attended.setChecked(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.attended)
        layout.addWidget(self.no_show)
        layout.addStretch(1)

    def value(self) -> Attendance:
        return Attendance.NO_SHOW if self.no_show.isChecked() else Attendance.ATTENDED

    def set_value(self, value: Attendance) -> None:
        (self.no_show if value is Attendance.NO_SHOW else self.attended).setChecked(True)


class AroundFields(QWidget):
    """Travel minutes, km and indirect minutes (forberedelse, dokumentation,
    koordinering) in one row, each a spin box that starts at 0 and is left at 0 by
    anyone who has nothing to add: the face-to-face duration never includes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.travel = self._spin(MAX_DURATION_MINUTES, 5, self.tr(" min travel"))
        self.km = self._spin(MAX_TRAVEL_KM, 1, self.tr(" km"))
        self.indirect = self._spin(MAX_DURATION_MINUTES, 5, self.tr(" min indirect"))
        self.travel.setToolTip(self.tr("Travel time to and from the contact"))
        self.km.setToolTip(self.tr("Kilometres driven for the contact"))
        self.indirect.setToolTip(self.tr("Preparation, documentation and coordination"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spin in (self.travel, self.km, self.indirect):
            layout.addWidget(spin)
        layout.addStretch(1)

    @staticmethod
    def _spin(maximum: int, step: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.setAccelerated(True)
        return spin

    def values(self) -> dict[str, int]:
        for spin in (self.travel, self.km, self.indirect):
            spin.interpretText()  # a number typed but not yet committed counts
        return {"travel_minutes": self.travel.value(), "travel_km": self.km.value(),
                "indirect_minutes": self.indirect.value()}

    def set_values(self, travel_minutes: int, travel_km: int, indirect_minutes: int) -> None:
        self.travel.setValue(travel_minutes)
        self.km.setValue(travel_km)
        self.indirect.setValue(indirect_minutes)
