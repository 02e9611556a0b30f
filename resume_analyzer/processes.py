"""Process lifetimes: a child never outlives the process that started it.

Linux's PR_SET_PDEATHSIG asks the kernel to signal a process when its parent dies. `make run`'s
supervisor (resume_analyzer/run.py) sets it for every child it starts, and `manage.py worker`
sets it for every process django-q2 forks (sentinel, pusher, monitor, workers, and the extraction
sandbox a worker forks), so a SIGKILLed parent takes its children with it instead of leaving
orphans that hold memory and the PIDs of jobs they no longer run.
"""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
_fork_parent = {"pid": 0}


def die_with_parent(parent_pid: int | None = None, sig: int = signal.SIGKILL) -> None:
    """Have the kernel send `sig` to this process when its parent exits. If the parent is already
    gone (it died between the fork and this call), exit now. No-op off Linux."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


def forked_children_die_with_parent() -> None:
    """From now on every os.fork() child of this process (and of its forked children: the hooks
    are inherited) dies with its parent."""

    def before() -> None:
        _fork_parent["pid"] = os.getpid()

    def after_in_child() -> None:
        die_with_parent(_fork_parent["pid"])

    os.register_at_fork(before=before, after_in_child=after_in_child)


def process_start_ticks(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat field 22): with the
    PID it names one process for good, since a reused PID has a later start time. None if there
    is no such process (or no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    fields = stat[stat.rindex(b")") + 2 :].split()
    return int(fields[19])
