"""The one error type the migration raises for bad input."""

from __future__ import annotations

# The slips editors make in a YAML file (the plan, the rules), said where the file is not valid YAML;
# YAML's own words for what is wrong follow in brackets.
YAML_SLIPS = (
    "se efter på raden och den före: indrag med mellanslag (inte tabb) som raderna runt omkring, "
    "mellanslag efter kolon, och citattecken runt en text med ': ' eller ' #' i sig"
)


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
