"""Run a document's extraction in a forked child under a hard wall-clock and memory limit.

The extraction checks its own time limit between pages, so one page can run past it for as
long as it likes: a one-page PDF whose flate-compressed content stream inflates to 60 MB of text
operators took 192 s and 5.3 GB in the worker, which kept 2.2 GB afterwards. In a child:

- the address space is capped (RLIMIT_AS) at what the child inherited plus
  EXTRACTION_MEMORY_LIMIT_MB, so an allocation past it fails inside the child (MemoryError);
- the child is SIGKILLed when the wall-clock limit passes, whatever it is doing;
- whatever it allocated is returned to the system when it exits: the worker's memory stays as
  it was;
- it dies with the worker (PR_SET_PDEATHSIG).

The result (or the exception the extraction raised) comes back pickled over a pipe. Failures of
the child itself become ExtractionError with a message a user can read.
"""

import os
import pickle
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any

from analysis.documents.errors import ExtractionError
from resume_analyzer.processes import die_with_parent

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def _address_space() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * PAGE_SIZE


def run_isolated(fn: Callable[..., Any], *args: Any, wall_seconds: float, memory_mb: int, **kwargs: Any) -> Any:
    """fn(*args, **kwargs) in a forked child; its return value, or its exception raised here.
    Raises ExtractionError when the child runs out of time or memory or dies."""
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            os.close(read_end)
            die_with_parent(parent)
            limit = _address_space() + memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            try:
                outcome = ("ok", fn(*args, **kwargs))
            except MemoryError:
                outcome = ("memory", None)
            except BaseException as exc:  # noqa: BLE001  (handed to the parent as it is)
                try:
                    pickle.dumps(exc)
                    outcome = ("raised", exc)
                except Exception:
                    outcome = ("crashed", "".join(traceback.format_exception_only(exc)).strip())
            data = pickle.dumps(outcome)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    return _collect(pid, read_end, wall_seconds, memory_mb)


def _collect(pid: int, read_end: int, time_limit: float, memory_mb: int) -> Any:
    deadline = time.monotonic() + time_limit
    chunks: list[bytes] = []
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                # The extraction's own words for its (between-page) time limit.
                raise ExtractionError(f"Text extraction took longer than {time_limit:g} s and was stopped")
            ready, _, _ = select.select([read_end], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if not chunks:
        if os.WIFSIGNALED(status):
            raise ExtractionError(
                f"reading the file needed more than the {memory_mb} MB memory limit or crashed the reader"
            )
        raise ExtractionError("the document reader stopped unexpectedly")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "ok":
        return value
    if kind == "raised":
        raise value
    if kind == "memory":
        raise ExtractionError(f"reading the file needed more than the {memory_mb} MB memory limit")
    raise ExtractionError("the document reader failed on this file")
