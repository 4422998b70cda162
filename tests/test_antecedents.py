"""State heads and subject pronouns that point back past the nearest mention
(engine/antecedents.py, docs/actors.md#pronouns-and-definite-descriptions)."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.coder import Coder
from casus.engine.antecedents import is_state_head
from casus.engine.resolver import Resolver
from casus.model import Actor


def resolve_word(coder: Coder, text: str, word: str, nth: int = 0) -> Actor | None:
    """The actor of the ``nth`` token spelled ``word`` once the whole text is resolved."""
    doc = coder.nlp(text)
    resolver = Resolver(doc, coder.dictionary, dt.date(2021, 6, 1), coder.gazetteer)
    resolver.resolve_all()
    token = [t for t in doc if t.text == word][nth]
    return resolver.actor_for(token)


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        # a subject's state (a person's own) outranks countries named only as places
        (
            "Bolivia's former president landed in Buenos Aires. He had spent a year in exile "
            "in Mexico. He accused the interim government of staging a coup.",
            "government",
            "BOL",
        ),
        # never the organisation: with no subject state, the object's state
        (
            "The African Union suspended Mali's membership. The government condemned the move.",
            "government",
            "MLI",
        ),
        # the acting state is not its own object; the alliance is no state
        (
            "Georgia applied to join NATO in 2008. Russia invaded the country soon after.",
            "country",
            "GEO",
        ),
        # a part of society acts on its own state's government
        (
            "Cambodia closed the border. Thai opposition lawmakers criticised the government.",
            "government",
            "THA",
        ),
    ],
)
def test_state_head_refers_back_to_a_state(
    coder: Coder, text: str, word: str, country: str
) -> None:
    actor = resolve_word(coder, text, word)
    assert actor is not None and actor.country == country and actor.how == "pronoun"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Russia invaded the country in 2008.", "country", True),
        ("It was backed by 141 of the 193 member states.", "states", False),
        ("Gunmen killed a police officer in the central state of Guanajuato.", "state", False),
    ],
)
def test_only_a_singular_head_without_an_of_phrase_refers_back_to_one_state(
    coder: Coder, text: str, word: str, expected: bool
) -> None:
    doc = coder.nlp(text)
    head = next(t for t in doc if t.text == word)
    assert is_state_head(head) is expected


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "NATO said Russia was massing troops. It called on Moscow to pull back.",
            "IGO",
        ),
        (
            "The Arab League said Israel had violated the truce. It urged Washington to intervene.",
            "IGO",
        ),
        ("Erdogan said Assad had refused to meet him. He urged Damascus to reconsider.", "TUR"),
    ],
)
def test_new_sentence_subject_pronoun_continues_the_speaker(
    coder: Coder, text: str, country: str
) -> None:
    pronoun = "It" if " It " in text else "He"
    actor = resolve_word(coder, text, pronoun)
    assert actor is not None and actor.country == country


def test_reported_subject_stays_when_the_speaker_disagrees_in_kind(coder: Coder) -> None:
    # plural officials are no "it": the reported subject is still the antecedent
    actor = resolve_word(
        coder, "Officials said Iran had seized a tanker. It accused the crew of smuggling.", "It"
    )
    assert actor is not None and actor.country == "IRN"


@pytest.mark.parametrize(
    "text",
    [
        # "our" is resolved by the speaker, the subject of "said" — the very phrase it is in
        "Guyana's coast guard seized two Surinamese fishing boats on Monday.\n\n"
        "Our foreign minister said on Tuesday that the boats had entered Guyanese waters.",
        "Kenya's police detained three Ugandan traders on Friday. Our government said the "
        "arrests were lawful, the ministry added.",
        "Chad closed its border with Sudan on Sunday. \u201cWe had no choice,\u201d our "
        "interior minister told reporters.",
    ],
)
def test_a_speaker_pronoun_inside_the_speaker_leaves_the_article_coded(
    code_all,  # type: ignore[no-untyped-def]
    text: str,
) -> None:
    # the possessor "our" points to the subject of "said", which it is inside: the phrase
    # is not its own antecedent (this recursed without end and lost the article's events)
    events = code_all(text)
    assert any(e.source is not None and e.source.country in ("GUY", "KEN", "TCD") for e in events)
