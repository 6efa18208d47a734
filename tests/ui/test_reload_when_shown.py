"""ReloadWhenShown: read now if shown, else once at the next Show; its optional parts."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.views.common.reload_when_shown import ReloadWhenShown


def test_hidden_view_reads_once_when_shown(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    calls: list[str] = []
    reload = ReloadWhenShown(view, lambda: calls.append("read"))
    reload()
    reload()
    assert calls == [] and reload.stale
    view.show()
    assert calls == ["read"] and not reload.stale
    reload()
    assert calls == ["read", "read"]


def test_starting_stale_reads_at_the_first_show_after_the_page_work(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    calls: list[str] = []
    ReloadWhenShown(view, lambda: calls.append("read"), stale=True,
                    on_show=lambda: calls.append("choices"))
    view.show()
    view.hide()
    view.show()
    assert calls == ["choices", "read", "choices"]


def test_also_if_reads_at_a_show_though_nothing_changed(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    calls: list[str] = []
    new_day = [False]
    ReloadWhenShown(view, lambda: calls.append("read"), also_if=lambda: new_day[0])
    view.show()
    view.hide()
    new_day[0] = True
    view.show()
    assert calls == ["read"]


def test_forget_drops_the_pending_read(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    calls: list[str] = []
    reload = ReloadWhenShown(view, lambda: calls.append("read"), stale=True)
    reload.forget()
    view.show()
    assert calls == []
