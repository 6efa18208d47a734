"""The Qt binding itself must be sound: a refcount bug there crashes the app at random."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    number = Signal(int)
    anything = Signal(object)


def test_emitting_signals_leaves_true_and_false_alone(qapp):
    """PySide6 6.12.0 decremented True's refcount on every emit(), so a session aborted
    with "bool_dealloc" after a few hundred signals (pinned below 6.12 for that)."""
    emitter = _Emitter()
    emitter.number.connect(lambda _value: None)
    emitter.anything.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.number.emit(1)
        emitter.anything.emit(None)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
