"""Data errors that name file, line and field, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.problem}"


class DataErrors(Exception):
    """Raised once with every problem found, so a maintainer fixes them in one pass."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        n = len(self.errors)
        head = f"{n} data error{'s' if n != 1 else ''}:"
        return "\n".join([head, *(str(e) for e in self.errors)])
