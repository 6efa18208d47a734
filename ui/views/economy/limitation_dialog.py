"""The limitation rules (forældelse) as data: a small editor for coordinators and admins.

One debt basis at a time: its period in years and the rule it comes from. The "mulig
forældet – undersøg" flag on every citizen's debts follows at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.economy import DebtBasis, LimitationRule
from mentordesk.economy import limitation_rules, save_limitation_rule
from mentordesk.kernel.context import Context
from ui.operations import Operations

LOAD, SAVE = "load", "save"


def load_rules(context: Context) -> list[LimitationRule]:
    return limitation_rules(context.database)


class LimitationDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._rules: dict[DebtBasis, LimitationRule] = {}
        self.setWindowTitle(self.tr("Limitation rules"))
        self.basis_combo = QComboBox()
        for code, label in DebtBasis.choices():
            self.basis_combo.addItem(label, code)
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, 30)
        self.years_spin.setSuffix(self.tr(" years"))
        self.source_edit = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Debt established by:"), self.basis_combo)
        form.addRow(self.tr("Limitation period:"), self.years_spin)
        form.addRow(self.tr("Source:"), self.source_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.basis_combo.currentIndexChanged.connect(lambda _index: self._show_basis())
        ops.run(load_rules, owner=self, slot=LOAD, done=self._loaded)

    def basis(self) -> DebtBasis:
        return DebtBasis(self.basis_combo.currentData())

    def _loaded(self, rules: list[LimitationRule]) -> None:
        self._rules = {rule.basis: rule for rule in rules}
        self._show_basis()

    def _show_basis(self) -> None:
        rule = self._rules.get(self.basis())
        self.years_spin.setValue(rule.years if rule else 3)
        self.source_edit.setText(rule.source if rule else "")
        self.message.setText("")

    def save(self) -> None:
        self._ops.run(save_limitation_rule, self.basis(), self.years_spin.value(),
                      self.source_edit.text(), owner=self, slot=SAVE,
                      label=self.tr("Saving the rule…"), done=self._saved,
                      failed=self.message.setText)

    def _saved(self, rule: LimitationRule) -> None:
        self._rules[rule.basis] = rule
        self.message.setText(self.tr("Saved: {years} years for «{basis}».").format(
            years=rule.years, basis=rule.basis.label))
