"""Actor resolution on 472 annotated noun phrases (tests/data/actor_phrases.tsv): countries,
demonyms with role nouns, metonyms, office holders by date, blocs, IGOs, groups, unknowns.

Codes are compared on the country (or IGO) part and the roles; a group's own three-letter tag
is a naming convention of the dictionary and is not compared. Phrases casus still resolves
wrongly are listed in actor_phrases_known.txt and run as strict xfails."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

import pytest

from casus.coder import Coder
from casus.engine.resolver import Resolver
from casus.ontology.actors import split_code
from conftest import DATA

ROWS = list(
    csv.DictReader(
        (DATA / "actor_phrases.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"
    )
)
KNOWN = {
    line.split("\t")[0]: line.split("\t", 1)[1].strip()
    for line in (DATA / "actor_phrases_known.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def comparable(code: str | None) -> tuple[str, ...] | None:
    """What is compared: the country part and the roles (IGO codes: the first six letters)."""
    if code is None or code == "?":
        return None
    if code.startswith(("IGO", "NGO", "IMG")):
        return (code[:6],)
    parts = split_code(code)
    return (parts.country, *parts.roles)


def resolve(coder: Coder, phrase: str, day: dt.date) -> str | None:
    """The code casus gives a noun phrase on its own."""
    doc = coder.nlp(phrase)
    resolver = Resolver(doc, coder.dictionary, day, coder.gazetteer)
    actor = resolver.actor_for(next(iter(doc.sents)).root)
    return actor.code if actor is not None else None


def _params() -> list[Any]:
    out = []
    for row in ROWS:
        key = f"{row['phrase']}@{row['date']}"
        marks = [pytest.mark.xfail(reason=KNOWN[key], strict=True)] if key in KNOWN else []
        out.append(pytest.param(row, marks=marks, id=key))
    return out


@pytest.mark.parametrize("row", _params())
def test_phrase_resolves_to_annotated_code(coder: Coder, row: dict[str, str]) -> None:
    got = resolve(coder, row["phrase"], dt.date.fromisoformat(row["date"]))
    assert comparable(got) == comparable(row["code"])


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Netanyahu", dt.date(2023, 4, 9), "ISRGOV"),
        ("Netanyahu", dt.date(2022, 3, 1), "ISROPP"),
        ("Hassan Rouhani", dt.date(2015, 6, 1), "IRNGOV"),
        ("Hassan Rouhani", dt.date(2022, 6, 1), "IRNELI"),
    ],
)
def test_office_holder_code_depends_on_the_article_date(
    coder: Coder, phrase: str, day: dt.date, code: str
) -> None:
    assert resolve(coder, phrase, day) == code


@pytest.mark.parametrize(
    ("text", "pronoun_index", "code"),
    [
        # "It, therefore, quickly recognized it": subject It = Iran, object it = Azerbaijan
        ("Iran took steps to get close to Azerbaijan. It quickly recognized it.", 9, "IRN"),
        ("Iran took steps to get close to Azerbaijan. It quickly recognized it.", 12, "AZE"),
        ("Baku arrested a number of its citizens.", 5, "AZE"),
        ("Kanani spoke on Monday. He said Tehran would respond.", 5, "IRN"),
    ],
)
def test_pronoun_takes_the_salient_earlier_mention(
    coder: Coder, text: str, pronoun_index: int, code: str
) -> None:
    doc = coder.nlp(text)
    resolver = Resolver(doc, coder.dictionary, dt.date(2023, 4, 9), coder.gazetteer)
    resolver.resolve_all()
    actor = resolver.actor_for(doc[pronoun_index])
    assert actor is not None and actor.country == code and actor.how == "pronoun"


def test_definite_description_refers_back(coder: Coder) -> None:
    doc = coder.nlp(
        "Iran recognized Azerbaijan, signing agreements with this newly independent republic."
    )
    resolver = Resolver(doc, coder.dictionary, dt.date(2023, 4, 9), coder.gazetteer)
    resolver.resolve_all()
    republic = next(t for t in doc if t.text == "republic")
    actor = resolver.actor_for(republic)
    assert actor is not None and actor.country == "AZE"


def test_unknown_person_is_kept_unresolved_not_dropped(coder: Coder) -> None:
    doc = coder.nlp("John Smithfield-Oduya")
    resolver = Resolver(doc, coder.dictionary, dt.date(2023, 4, 9), coder.gazetteer)
    actor = resolver.actor_for(next(iter(doc.sents)).root)
    assert actor is not None and actor.code is None and actor.text == "John Smithfield-Oduya"


def test_short_capitals_match_only_in_capitals(coder: Coder) -> None:
    assert resolve(coder, "the US", dt.date(2023, 4, 9)) == "USA"
    doc = coder.nlp("They told us nothing.")
    resolver = Resolver(doc, coder.dictionary, dt.date(2023, 4, 9), coder.gazetteer)
    actor = resolver.actor_for(doc[2])
    assert actor is None or actor.code != "USA"
