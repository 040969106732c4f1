"""Character ranges indexed for the questions asked of every attribution or sentence.

"Is this position inside some content?", "does this cue overlap a cue already found?", "which
contents overlap this sentence?": asked once per attribution against every other, a scan makes
an article with thousands of attributions quadratic (issue 26: 5,000 short attributed paragraphs
took minutes). Sorted starts and the running maximum of the ends answer each question by
bisection.
"""
from __future__ import annotations

import bisect
from typing import Generic, Iterable, Iterator, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Half-open ranges ``[start, end)``, each with an owner (an index, an attribution, …)."""

    def __init__(self, ranges: Iterable[tuple[int, int, T]] = ()):
        self._ranges = sorted(ranges, key=lambda r: (r[0], r[1]))
        self.starts = [a for a, _b, _o in self._ranges]
        self.reach = []  # the furthest end of any range starting at or before each one
        for _a, b, _o in self._ranges:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    @classmethod
    def of_pieces(cls, pieces: Iterable[tuple[int, int]]) -> "Intervals[None]":
        """Ranges without owners."""
        return cls((a, b, None) for a, b in pieces)

    def __len__(self) -> int:
        return len(self._ranges)

    def append(self, start: int, end: int, owner: T = None) -> None:
        """Add a range that comes last in order (no range so far starts after it): indexes that
        grow in reading order, as they are built."""
        if self._ranges and (start, end) < self._ranges[-1][:2]:
            raise ValueError(f"range ({start}, {end}) comes before the last one, {self._ranges[-1][:2]}")
        self._ranges.append((start, end, owner))
        self.starts.append(start)
        self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def covers(self, position: int) -> bool:
        """Whether some range holds ``position`` (start <= position < end)."""
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and self.reach[i] > position

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range overlaps ``[start, end)`` (range start < end and start < range end)."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """Every range that overlaps ``[start, end)``, in order of their starts.

        Only ranges that start before ``end`` and after the last range that ends by ``start``
        are looked at: the answers, and the ranges nested in a long one that holds ``start``.
        """
        first = bisect.bisect_right(self.reach, start)
        last = bisect.bisect_left(self.starts, end)
        for k in range(first, last):
            if self._ranges[k][1] > start:
                yield self._ranges[k]

    def containing(self, start: int, end: int) -> Iterator[tuple[int, int, T]]:
        """Every range that holds all of ``[start, end)`` (range start <= start, end <= range end)."""
        first = bisect.bisect_left(self.reach, end)
        last = bisect.bisect_right(self.starts, start)
        for k in range(first, last):
            a, b, owner = self._ranges[k]
            if a <= start and end <= b:
                yield a, b, owner
