"""Word lists the resolver and the event engine consult, read from ``data/words.tsv``."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from casus.errors import OntologyError
from casus.ontology.tables import data_files, read_tsv

WORDS_FILE = "words.tsv"
LISTS = frozenset(
    {
        "quantifier_heads",
        "country_nouns",
        "person_nouns",
        "agent_nouns",
        "relational_nouns",
        "title_words",
        "member_nouns",
        "weapon_nouns",
        "presupposing_verbs",
        "presupposing_preps",
        "irrealis_nouns",
    }
)


@lru_cache(maxsize=1)
def _load() -> dict[str, frozenset[str]]:
    text = dict(data_files("", "*.tsv"))[WORDS_FILE]
    out: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(text, WORDS_FILE, ("list", "word", "note")):
        name, word = row.require("list"), row.require("word").lower()
        if name not in LISTS:
            raise row.error(f"unknown word list {name!r}; known: {', '.join(sorted(LISTS))}")
        if word in out[name]:
            raise row.error(f"{word!r} is already in {name}")
        out[name].add(word)
    missing = sorted(LISTS - set(out))
    if missing:
        raise OntologyError(f"word lists missing: {', '.join(missing)}", path=WORDS_FILE)
    return {name: frozenset(words) for name, words in out.items()}


def word_list(name: str) -> frozenset[str]:
    """One named word list (``quantifier_heads``, ``agent_nouns``...)."""
    return _load()[name]
