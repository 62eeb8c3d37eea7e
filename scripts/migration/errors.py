"""The one error type the migration raises for bad input."""

from __future__ import annotations


class MigrationError(Exception):
    """Bad input: names the file (and line where it helps) in plain Swedish."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"
