"""The same event told twice: a noun event with no time of its own ("Armenia's **recall** of
its ambassador has put a spotlight on …") takes the stated date of the same act told
elsewhere in the article ("Yerevan recalled the envoy on Thursday"). docs/dates.md, rule 7."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.model import Event, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Token


def date_named_events(events: list[Event], triggers: list[Token]) -> list[Event]:
    """A noun event with no time of its own ("Armenia's recall of its ambassador has put a
    spotlight on …") takes the stated date of the same event told elsewhere in the article
    ("Yerevan recalled the envoy on Thursday"): same CAMEO code, same countries on each side.
    Only a definite or possessed singular noun names one known event; "strikes" may be many."""
    out = list(events)
    for i, (event, trigger) in enumerate(zip(events, triggers, strict=True)):
        if event.when.basis != "publication" or not _names_one_event(trigger):
            continue
        told = [
            other
            for other in events
            if other.when.basis in ("stated", "reference")
            and other.when.date is not None
            and other.cameo == event.cameo
            and _countries(other) == _countries(event)
            and None not in _countries(event)
        ]
        if told:
            same = min(told, key=lambda o: abs(o.sentence_index - event.sentence_index))
            note = f"dated like the same event in sentence {same.sentence_index}"
            w = same.when
            when = EventDate(w.date, w.precision, "inferred", w.text, note, w.reference)
            out[i] = event.with_(when=when)
    return out


def _names_one_event(trigger: Token) -> bool:
    return trigger.tag_ == "NN" and any(
        c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in trigger.children
    )


def _countries(event: Event) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source is not None else None,
        event.target.country if event.target is not None else None,
    )
