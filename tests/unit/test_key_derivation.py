"""The passphrase's key derivation: the same bytes every key file was made with, and a
worker deriving it leaves the interpreter to the window."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from mentordesk.keys.crypto import (
    ARGON2_ITERATIONS,
    ARGON2_LANES,
    ARGON2_MEMORY_KIB,
    argon2id,
)

SALT = bytes(range(16))


def _cryptographys(secret: str, iterations: int, lanes: int, memory_kib: int) -> bytes:
    return Argon2id(salt=SALT, length=32, iterations=iterations, lanes=lanes,
                    memory_cost=memory_kib).derive(secret.encode("utf-8"))


@pytest.mark.parametrize(("secret", "iterations", "lanes", "memory_kib"), [
    ("demo-mentordesk-2026", ARGON2_ITERATIONS, ARGON2_LANES, ARGON2_MEMORY_KIB),
    ("Æblegrød med fløde – 7 ord", ARGON2_ITERATIONS, ARGON2_LANES, ARGON2_MEMORY_KIB),
    # A slot a later release wrote with a higher cost is read with its own parameters.
    ("kodeord", 3, 2, 8 * 1024),
])
def test_every_key_file_made_before_still_opens(secret, iterations, lanes, memory_kib):
    assert argon2id(secret, SALT, iterations, lanes, memory_kib) == _cryptographys(
        secret, iterations, lanes, memory_kib)


def _main_thread_turns_while(derive: Callable[[], object]) -> int:
    """How many times the main thread gets to run while a worker derives a key."""
    started, finished = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        derive()
        finished.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    turns = 0
    while not finished.is_set():
        turns += 1
    worker.join()
    return turns


def test_deriving_on_a_worker_leaves_the_interpreter_to_the_window():
    def ours() -> bytes:
        return argon2id("kodeord", SALT, ARGON2_ITERATIONS, ARGON2_LANES, ARGON2_MEMORY_KIB)

    def holding_the_interpreter() -> bytes:
        return _cryptographys("kodeord", ARGON2_ITERATIONS, ARGON2_LANES, ARGON2_MEMORY_KIB)

    # Compared in the same run, so a slow machine slows both: a derivation that holds the
    # interpreter (cryptography's) lets the main thread run only between its own steps.
    assert _main_thread_turns_while(ours) > 4 * _main_thread_turns_while(
        holding_the_interpreter)
