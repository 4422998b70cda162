"""The event engine on annotated sentences (tests/data/event_sentences*.jsonl), one
construction each: required events must be emitted as asserted events, forbidden ones must
not. Sentences the engine still gets wrong are listed in the matching *_known.txt file
(event_sentences_known.txt for event_sentences.jsonl, ...) and run as strict xfails, so a fix
shows up as an unexpected pass and a regression as a failure. A gold source of null expects
an unknown source: no actor, an actor without a code, or a generic code of unknown country
(``---COP``); a gold target of null expects no target (tests/data/README.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casus.model import Event
from conftest import DATA


def _known(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return {
        line.split("\t")[0]: line.split("\t", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


RECORDS: list[dict[str, Any]] = []
KNOWN: dict[str, str] = {}
for _path in sorted(DATA.glob("event_sentences*.jsonl")):
    RECORDS += [json.loads(line) for line in _path.read_text(encoding="utf-8").splitlines()]
    KNOWN.update(_known(_path.with_name(f"{_path.stem}_known.txt")))


def _country(actor: Any) -> str | None:
    if actor is None or actor.code is None:
        return None
    return _key(actor.code)


def _key(code: str | None) -> str | None:
    """The part of a code compared: the country (six letters for an IGO), or the whole code
    when the country is unknown (then the role is all it says: ``---MIL`` is not ``---CRM``)."""
    if code is None:
        return None
    if code.startswith("---"):
        return code
    return code[:6] if code.startswith(("IGO", "NGO", "IMG")) else code[:3]


def _same(gold: str | None, actor: Any) -> bool:
    """Country part agrees; a bare "IGO" in the gold accepts any IGO code."""
    got = _country(actor)
    want = _key(gold)
    if want is None or got is None:
        return want is None and got is None
    return got.startswith(want)


def _same_source(gold: str | None, actor: Any) -> bool:
    """As `_same`, but a null gold source also accepts a generic code of unknown country."""
    if gold is None and actor is not None and (actor.code or "").startswith("---"):
        return True
    return _same(gold, actor)


def _found(expected: dict[str, Any], events: list[Event]) -> bool:
    """An asserted event with the expected actors and root (the root is what is scored
    here; exact codes are scored by `casus eval`). An expected event marked ``"exact":
    true`` also wants each side's whole code, ``"exact": "source"`` the source's (the
    role conventions, docs/actors.md#roles-of-event-sides)."""
    exact = expected.get("exact")
    return any(
        _same_source(expected["source"], e.source)
        and _same(expected.get("target"), e.target)
        and e.cameo_root == expected["root"]
        and (not exact or _code(e.source) == expected["source"])
        and (exact is not True or _code(e.target) == expected.get("target"))
        for e in events
    )


def _code(actor: Any) -> str | None:
    return actor.code if actor is not None else None


def _forbidden_hit(forbidden: dict[str, Any], events: list[Event]) -> bool:
    return any(
        e.cameo_root in forbidden["roots"]
        and (forbidden.get("source") is None or _same(forbidden["source"], e.source))
        and (forbidden.get("target") is None or _same(forbidden["target"], e.target))
        for e in events
    )


def _params() -> list[Any]:
    out = []
    for record in RECORDS:
        marks = []
        if record["id"] in KNOWN:
            marks.append(pytest.mark.xfail(reason=KNOWN[record["id"]], strict=True))
        out.append(pytest.param(record, marks=marks, id=record["id"]))
    return out


@pytest.mark.parametrize("record", _params())
def test_sentence_codes_as_annotated(
    code: Callable[..., list[Event]], record: dict[str, Any]
) -> None:
    events = code(record["text"], published=record["published"])
    missing = [x for x in record["events"] if not _found(x, events)]
    hits = [f for f in record["forbidden"] if _forbidden_hit(f, events)]
    got = [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    ]
    assert not missing and not hits, f"missing {missing}, forbidden {hits}, got {got}"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_every_event_has_a_source_code(
    code_all: Callable[..., list[Event]], record: dict[str, Any]
) -> None:
    """The output contract: a side of unknown country is ``---``, never a null code."""
    events = code_all(record["text"], published=record["published"])
    assert all(e.source is not None and e.source.code for e in events)


def test_ids_are_unique_and_known_ids_exist() -> None:
    ids = [record["id"] for record in RECORDS]
    assert len(ids) == len(set(ids))
    assert set(KNOWN) <= set(ids), sorted(set(KNOWN) - set(ids))
