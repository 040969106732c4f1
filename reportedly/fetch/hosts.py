"""Per-host politeness: at most N requests in flight to one host, and starts spaced by a delay.

Threads share one gate (the web server fetches from its thread pool), so the limit holds for a
process whatever calls the fetcher. Hosts are told apart by host and port, as robots.txt is.
"""
from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterator


@dataclass
class _Host:
    slots: threading.Semaphore
    next_start: float = 0.0  # monotonic time before which no request to the host may start
    lock: threading.Lock = field(default_factory=threading.Lock)


class HostGate:
    """Hands out request slots per host; ``sleep`` and ``clock`` are there for the tests."""

    def __init__(self, concurrency: int = 1, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        if concurrency < 1:
            raise ValueError("the per-host concurrency must be at least 1")
        self._concurrency = concurrency
        self._sleep = sleep
        self._clock = clock
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = _Host(threading.Semaphore(self._concurrency))
            return self._hosts[host]

    @contextlib.contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        """Wait for a free slot on ``host`` and for ``delay`` seconds since the last start there."""
        state = self._host(host)
        with state.slots:
            with state.lock:
                # Reserve the start time under the lock, sleep outside it: concurrent requests
                # to one host get successive start times instead of all waking together.
                now = self._clock()
                start = max(now, state.next_start)
                state.next_start = start + delay
            if start > now:
                self._sleep(start - now)
            yield
