"""Rich consoles for the CLI (stdout for tables, stderr for progress)."""

from __future__ import annotations

from rich.console import Console


def stdout_console() -> Console:
    """A console on stdout (wide when not a terminal, so piped tables are not cut)."""
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    return console


def stderr_console() -> Console:
    """A console on stderr for progress bars."""
    return Console(stderr=True)
