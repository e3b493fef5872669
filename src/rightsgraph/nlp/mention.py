"""The mention: a span of a Doc that names an actor or an issue, and the index that finds them."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Mention", "MentionIndex"]


@dataclass
class Mention:
    start: int  # token indexes into the doc
    end: int
    text: str
    kind: str  # Person | Organization | Government | Event | Issue
    canonical: str | None = None
    role: str | None = None
    descriptors: set[str] = field(default_factory=set)
    speaks: bool = False  # subject of a reporting verb

    @property
    def is_actor(self) -> bool:
        return self.kind in ("Person", "Organization", "Government")


class MentionIndex:
    """token index -> mention, for mapping parse nodes (subjects, objects) to actors."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self._by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self._by_token[i] = m

    def at(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def in_range(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end and (not kinds or m.kind in kinds)]

    def most_named(self, kind: str) -> list[str]:
        """The canonical names of one kind, the most mentioned first (ties by name)."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.kind == kind and m.canonical:
                counts[m.canonical] = counts.get(m.canonical, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def before(self, i: int, kinds: tuple[str, ...]) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.end <= i and m.kind in kinds and (best is None or m.start > best.start):
                best = m
        return best
