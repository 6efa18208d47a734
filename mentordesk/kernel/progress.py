"""Progress and cancel for long operations, the same for the GUI worker and the CLI."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised inside an operation that noticed a cancel request; nothing is left half-done."""


class Progress(Protocol):
    def report(self, done: float, total: float = 0, message: str = "") -> None:
        """``report(3, 10)``, or a fraction ``report(0.3)``; callable from any thread."""

    def cancelled(self) -> bool: ...


class NoProgress:
    """For callers that neither show progress nor cancel (tests, quick CLI commands)."""

    def report(self, done: float, total: float = 0, message: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return False


def raise_if_cancelled(progress: Progress) -> None:
    if progress.cancelled():
        raise Cancelled()
