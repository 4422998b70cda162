"""Shared fixtures: the real spaCy model and the bundled tables, loaded once per session."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import casus
from casus.coder import Coder
from casus.model import Event

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def coder() -> Coder:
    """The default coder (real model, bundled dictionaries and lexicon)."""
    return casus.load()


@pytest.fixture(scope="session")
def code_all(coder: Coder):  # type: ignore[no-untyped-def]
    """Code a text and return every event (asserted or not)."""

    def run(text: str, published: str | dt.date | None = "2023-04-09") -> list[Event]:
        return coder.code(text, published=published, include_all=True)

    return run


@pytest.fixture(scope="session")
def code(coder: Coder):  # type: ignore[no-untyped-def]
    """Code a text and return the asserted events."""

    def run(text: str, published: str | dt.date | None = "2023-04-09") -> list[Event]:
        return coder.code(text, published=published)

    return run


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
            ) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``casus`` command in a subprocess."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "casus.cli", *args], input=stdin,
                          capture_output=True, cwd=cwd, env=env, timeout=600, check=False)


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, root) of events, for set assertions."""
    return {(e.source.country if e.source else None, e.target.country if e.target else None,
             e.cameo_root) for e in events}
