"""Child processes die with their parent: a killed crawl or server never leaves extraction workers or a datasette
process behind (Linux: the parent-death signal; elsewhere the children notice their parent is gone on their own)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM, parent: int | None = None) -> None:
    """In a child process: have the kernel send ``sig`` when the parent dies, then check it has not died already
    (``parent``: the pid the child was started by, when the child may start slowly, as spawned workers do)."""
    parent = parent or os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # no libc prctl: only the check below is left
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), sig)
