"""Load problems: collected, never raised one at a time, so one run reports them all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Location:
    """Where something was written: a project-relative file, 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.col}" if self.col else f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """One configuration error: where it is, what is wrong, and the offending word."""

    location: Location
    message: str
    word: str | None = None

    def __str__(self) -> str:
        word = f" [{self.word}]" if self.word else ""
        return f"{self.location}: {self.message}{word}"


@dataclass
class Problems:
    """A collector that loaders append to; the caller decides when to stop."""

    items: list[Problem] = field(default_factory=list)

    def add(self, location: Location, message: str, word: str | None = None) -> None:
        self.items.append(Problem(location, message, word))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=lambda p: (p.location, p.message)))

    def __len__(self) -> int:
        return len(self.items)
