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


def run_cli(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``casus`` command in a subprocess."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "casus.cli", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=600,
        check=False,
    )


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, root) of events, for set assertions."""
    return {
        (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.cameo_root,
        )
        for e in events
    }


# ---- the event store and analysis (issue 6): events built by hand, stores in tmp dirs ------
TEST_VERSIONS = {"casus": "test", "lexicon": "lex-1", "dictionaries": "dict-1"}


def build_event(
    source: str | None = "AZE",
    target: str | None = "IRN",
    cameo: str = "174",
    day: str | None = "2023-04-06",
    *,
    precision: str = "day",
    basis: str = "stated",
    article: str = "a1",
    sentence: int = 0,
    words: str = "expelled four diplomats",
    confidence: float = 0.8,
    historical: bool = False,
    negated: bool = False,
    place: str | None = None,
) -> Event:
    """An event as the coder would make it: "<source> <words> <target>." with spans."""
    from casus.model import Actor, EventDate, Location, Modality
    from casus.ontology.cameo import load_cameo

    src_text, tgt_text = source or "someone", target or ""
    text = f"{src_text} {words} {tgt_text}".strip() + "."
    if place:
        text = text[:-1] + f" in {place}."
    src = Actor(source, source[:3], (), src_text, 0, len(src_text)) if source else None
    t0 = text.find(tgt_text, len(src_text) + len(words)) if target else -1
    tgt = Actor(target, target[:3], (), tgt_text, t0, t0 + len(tgt_text)) if target else None
    code = load_cameo().get(cameo)
    loc = None
    if place:
        p0 = text.rfind(place)
        loc = Location(place, None, None, None, "city", place, p0, p0 + len(place))
    return Event(
        article_id=article,
        sentence_index=sentence,
        evidence_text=text,
        evidence_start=0,
        evidence_end=len(text),
        source=src,
        target=tgt,
        cameo=cameo,
        cameo_name=code.name,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        plover=code.plover,
        plover_mode=code.plover_mode,
        trigger_text=words.split()[0],
        trigger_start=len(src_text) + 1,
        trigger_end=len(src_text) + 1 + len(words.split()[0]),
        modality=Modality(negated=negated),
        when=EventDate(
            dt.date.fromisoformat(day) if day else None, precision if day else "unknown", basis
        ),
        historical=historical,
        location=loc,
        confidence=confidence,
    )


@pytest.fixture()
def make_event():  # type: ignore[no-untyped-def]
    """Build an event by hand (see :func:`build_event`)."""
    return build_event


def put_events(
    store,
    events: list[Event],
    *,  # type: ignore[no-untyped-def]
    outlets: dict[str, str] | None = None,
    published: dict[str, str] | None = None,
) -> None:
    """Store hand-built events under articles named by their article ids, then cluster."""
    from casus.model import Article
    from casus.store import refresh_clusters, store_events

    grouped: dict[str, list[Event]] = {}
    for event in events:
        grouped.setdefault(event.article_id, []).append(event)
    items = []
    for article_id, group in grouped.items():
        pub = (published or {}).get(article_id)
        items.append(
            (
                Article(
                    text=f"text of {article_id}",
                    id=article_id,
                    outlet=(outlets or {}).get(article_id),
                    published=dt.date.fromisoformat(pub) if pub else None,
                ),
                group,
            )
        )
    store_events(store, items, TEST_VERSIONS)
    refresh_clusters(store)


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A new, empty store in a temporary directory."""
    from casus.store import Store

    return Store.open(tmp_path / "casus.duckdb")
