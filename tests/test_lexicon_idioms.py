"""The idiom table (data/lexicon/idioms.tsv): validation with file and line, how a row matches
a sentence, and the engine dropping or recoding figurative events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casus.coder import Coder
from casus.errors import OntologyError
from casus.model import Event
from casus.ontology.cameo import load_cameo
from casus.ontology.idioms import Idioms, load_idioms, parse_idioms

HEADER = "words\taction\tnote\n"


@pytest.fixture(scope="module")
def nlp(coder: Coder) -> Callable[[str], object]:
    """The coder's spaCy pipeline (parses a text into a Doc)."""
    return coder.nlp  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("burn ... bridges\tburn\t-\n", "action must be 'drop' or a CAMEO code, found 'burn'"),
        ("burn ... bridges\t999\t-\n", "found '999'"),
        ("Burn ... bridges\tdrop\t-\n", "word 'Burn' must be lower-case letters"),
        ("... bridges\tdrop\t-\n", "must not start or end with a gap"),
        ("burn ... ... bridges\tdrop\t-\n", "two gaps"),
        ("burn ... bridges\tdrop\t-\nburn ... bridges\t111\t-\n", "duplicate idiom"),
        ("\tdrop\t-\n", "column 'words' is empty"),
    ],
)
def test_bad_idiom_row_names_file_and_line(body: str, message: str) -> None:
    with pytest.raises(OntologyError, match=message) as info:
        parse_idioms(HEADER + body, "idioms_x.tsv", load_cameo())
    assert "idioms_x.tsv:" in str(info.value)


def test_bundled_idioms_load() -> None:
    assert len(load_idioms().idioms) >= 40


def _table(*rows: str) -> Idioms:
    return Idioms(parse_idioms(HEADER + "".join(rows), "t.tsv", load_cameo()))


@pytest.mark.parametrize(
    ("text", "trigger", "found"),
    [
        ("Serbia has burned its bridges with Brussels.", "burned", True),
        ("Serbia burned a bridge over the river.", "burned", False),  # "bridges" is plural only
        ("Serbia burned the three old wooden road bridges.", "burned", False),  # gap over 4
        ("Beijing launched a charm offensive in Asia.", "launched", True),  # via the object
        ("Beijing launched an offensive after its charm failed.", "launched", False),
        # an aside between commas counts as no token of the gap
        ("Serbia burned, as one diplomat in Brussels put it, its bridges.", "burned", True),
        ("Serbia burned its old, wooden and very narrow road bridges.", "burned", False),
    ],
)
def test_idiom_matches_words_in_order_around_the_trigger(
    nlp: Callable[[str], object], text: str, trigger: str, found: bool
) -> None:
    table = _table("burn ... bridges\tdrop\t-\n", "charm offensive\tdrop\t-\n")
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)  # type: ignore[attr-defined]
    assert (table.find(token) is not None) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kurti told NATO Secretary-General Jens Stoltenberg in a call.", True),
        ("Erdogan told Swedish Prime Minister Ulf Kristersson in a call.", True),
        ("Kurti told the three old and tired officials in a call.", False),  # gap over 4
    ],
)
def test_idiom_gap_reads_a_long_name_as_one_word(
    nlp: Callable[[str], object], text: str, found: bool
) -> None:
    table = _table("tell ... in ... call\t041\t-\n")
    doc = nlp(text)
    token = next(t for t in doc if t.text == "told")  # type: ignore[attr-defined]
    assert (table.find(token) is not None) is found


def test_idiom_word_inside_a_name_ends_a_gap(nlp: Callable[[str], object]) -> None:
    table = _table("take ... to ... court\t115\t-\n")
    doc = nlp("Belize took the dispute to the International Court of Justice.")
    token = next(t for t in doc if t.text == "took")  # type: ignore[attr-defined]
    assert table.find(token) is not None


@pytest.mark.parametrize(
    ("text", "forbidden_root"),
    [
        ("Serbia has burned its bridges with Brussels, a diplomat said.", "17"),
        ("The senator's remarks killed the trade deal with Mexico.", "18"),
        ("Beijing launched a charm offensive in Southeast Asia.", "19"),
        ("Pakistan crushed India by ten wickets in Dubai.", "17"),
    ],
)
def test_figurative_violence_is_not_coded(
    code_all: Callable[..., list[Event]], text: str, forbidden_root: str
) -> None:
    assert not [e for e in code_all(text) if e.cameo_root == forbidden_root]


def test_literal_violence_next_to_an_idiom_word_is_still_coded(
    code: Callable[..., list[Event]],
) -> None:
    events = code("Russian forces destroyed two bridges over the Donets river in Ukraine.")
    assert any(e.cameo_root in ("17", "19") for e in events)


def test_recoded_idiom_names_its_row(code: Callable[..., list[Event]]) -> None:
    events = code("Nepal's prime minister fired a broadside at India over the new map.")
    recoded = [e for e in events if e.cameo == "111"]
    assert recoded and recoded[0].pattern.startswith("lexicon/idioms.tsv:")
    assert not [e for e in events if e.cameo_root == "19"]
