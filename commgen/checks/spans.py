"""Questions about many passages of one text, answered in logarithmic time, so that the check
of a text twice as long costs about twice as much (not four times)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """A fixed set of (start, end) passages: does one contain, or overlap, a given passage?"""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.max_end = list(accumulate((e for _s, e in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        """Some passage holds all of start..end."""
        i = bisect_right(self.starts, start)
        return i > 0 and self.max_end[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Some passage shares a character with start..end."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.max_end[i - 1] > start


class Disjoint:
    """Passages that do not overlap, added one by one: the first of clashing ones wins."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> bool:
        """Add start..end unless it overlaps one already kept; say whether it was added."""
        if self.overlaps(start, end):
            return False
        insort(self.spans, (start, end))
        return True

    def overlaps(self, start: int, end: int) -> bool:
        """Some kept passage shares a character with start..end."""
        i = bisect_left(self.spans, (start, end))
        return (i > 0 and self.spans[i - 1][1] > start) or (
            i < len(self.spans) and self.spans[i][0] < end)
