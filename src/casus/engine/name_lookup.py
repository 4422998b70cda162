"""Dictionary lookups over a noun phrase's words, for the actor resolver (resolver.py).

The person a phrase names (date-checked office holders, else the nearest period), the
dictionary names at its head and among its modifiers (n-grams of the phrase, longest first),
the roles its head noun and compounds give, and the place the gazetteer knows it as. Pure
lookups: they read the actor dictionary and the gazetteer and remember nothing.
"""

from __future__ import annotations

import datetime as dt
from itertools import takewhile
from typing import TYPE_CHECKING

from casus.engine.phrases import (
    inside_of_pp,
    namelike,
    names_no_owner,
    of_object,
    phrase_tokens,
    prefer,
)
from casus.ontology.actors import ActorDictionary, Entry, normalize, split_code
from casus.ontology.gazetteer import LARGE_CITY, Gazetteer
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLE_WORDS = word_list("title_words")
MEMBER_NOUNS = word_list("member_nouns")
# a direction before an area or a place says where, not who: "the western border"
COMPASS_WORDS = word_list("compass_words")
AREA_WORDS = word_list("area_words") | word_list("border_words")
# the type nouns of a province or state: "Kaduna state", "the Centre department"
TYPE_WORDS = word_list("area_words") | word_list("subdivision_words")
# lower-case joiners of a longer place name: "Mocimboa da Praia" is no Praia (Cape Verde)
NAME_PARTICLES = word_list("name_particles")
CAPITAL_KINDS = frozenset({"capital", "seat"})


def person_named(
    dictionary: ActorDictionary, day: dt.date | None, tokens: list[Token]
) -> Entry | None:
    """The office holder named by the longest name in ``tokens`` (up to four words) on
    ``day``, else the nearest period of that person (:func:`_nearest`)."""
    words = [t.text for t in tokens]
    if not _may_name_person(dictionary, words):  # first: it reads the words only
        return None
    named = [namelike(t) for t in tokens]
    if not any(named):
        return None
    best: Entry | None = None
    best_len = 0
    for size in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            if not any(named[i : i + size]):
                continue
            chunk = tokens[i : i + size]
            if size == 1 and _other_first_name(dictionary, chunk[0]):
                continue  # "Farah Qureshi" is not the minister called Qureshi
            rows = dictionary.people.get(normalize(" ".join(words[i : i + size])), [])
            if rows and _other_last_name(dictionary, chunk[-1], tokens, rows):
                continue  # "Fahim Twaha" is not the vice president called Fahim
            entries = [e for e in rows if e.valid_on(day)] or _nearest(rows, day)
            if entries and size > best_len:
                best, best_len = entries[0], size
        if best is not None:
            return best
    return None


def _may_name_person(dictionary: ActorDictionary, words: list[str]) -> bool:
    """Whether a run of ``words`` may be a person's name of the dictionary. The key of a run
    (:func:`normalize` of its words joined) is made of its words' own normalized pieces (a
    leading "the" dropped), except where a word that opens with an apostrophe joins the one
    before ("O 'Brien" is "o'brien"); so one of the words must open so or share a piece with
    some person's name. Most phrases ("the Iranian foreign ministry") share none, and then
    no run of them is looked up."""
    known = dictionary.person_words()
    for word in words:
        key = normalize(word)
        if key.startswith("'") or not known.isdisjoint(key.split()):
            return True
    return False


def _other_first_name(dictionary: ActorDictionary, token: Token) -> bool:
    """Whether a surname is preceded by a given name that is no title or role."""
    if token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return (
        prev.pos_ == "PROPN"
        and prev.ent_type_ == "PERSON"
        and not dictionary.role_of(prev.lemma_.lower())
        and prev.lower_.rstrip(".") not in TITLE_WORDS
    )


def _other_last_name(
    dictionary: ActorDictionary, token: Token, tokens: list[Token], rows: list[Entry]
) -> bool:
    """Whether a name is followed, in the same phrase, by more of another person's name:
    "Lamu Governor Fahim Twaha" is not the Afghan vice president called Fahim, "President Ali
    Bongo" not President (Irfaan) Ali. The next word is a capitalised proper noun that is no
    role, title or dictionary name ("Putin Kremlin" keeps Putin) and no part of the listed
    person's full name ("IWAYA Takeshi", "Abdullah bin Zayed Al Nahyan" are theirs)."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        nxt is not None
        and nxt in tokens
        and all(nxt.lower_ not in normalize(r.label).split() for r in rows)
        and nxt.pos_ == "PROPN"
        and nxt.ent_type_ in ("PERSON", "")
        and nxt.text[:1].isupper()
        and not dictionary.role_of(nxt.lemma_.lower())
        and nxt.lower_.rstrip(".") not in TITLE_WORDS
        and not dictionary.find(nxt.text)
    )


def _nearest(rows: list[Entry], day: dt.date | None) -> list[Entry]:
    """A person named outside every period we list: after their last office a former official
    of that country (ELI: "Blinken" in 2025 → USAELI); before their first, just the country.
    Nothing is guessed when the name belongs to several people."""
    if not rows or day is None or len({r.label.split(" (")[0] for r in rows}) > 1:
        return []
    before = [r for r in rows if r.end is not None and r.end < day]
    after = [r for r in rows if r.start is not None and r.start > day]
    if before:
        last = max(before, key=lambda r: r.end or dt.date.min)
        country = split_code(last.code).country
        code = last.code if country == "IGO" else country + "ELI"
        return [Entry(code, "person", None, None, last.where, last.label)]
    if after:
        first = min(after, key=lambda r: r.start or dt.date.max)
        return [
            Entry(split_code(first.code).country, "person", None, None, first.where, first.label)
        ]
    return []


def phrase_names(
    dictionary: ActorDictionary,
    day: dt.date | None,
    gazetteer: Gazetteer,
    head: Token,
    tokens: list[Token],
) -> tuple[Entry | None, Entry | None]:
    """Dictionary names in the phrase: (one that includes the head, one among modifiers)."""
    head_entry: Entry | None = None
    modifier: Entry | None = None
    modifier_dist = 10**6
    own = tokens
    n = len(own)
    taken: set[int] = set()
    index = [t.i for t in own]
    texts = [t.text for t in own]
    for size in range(min(dictionary.max_words, n), 0, -1):
        for i in range(n - size + 1):
            if index[i + size - 1] - index[i] != size - 1 or (
                taken and any(k in taken for k in index[i : i + size])
            ):
                continue
            entries = dictionary.find(" ".join(texts[i : i + size]), day)
            if not entries and size > 1 and own[i + size - 1].pos_ == "PROPN":
                # a name ends in a proper noun: "the African Union", "the Soviet Union"
                entries = _out_of_dates(dictionary, " ".join(texts[i : i + size]), day)
            if not entries:
                continue
            chunk = own[i : i + size]
            taken.update(t.i for t in chunk)
            entry = prefer(entries, head in chunk)
            if entry.kind in CAPITAL_KINDS and _in_longer_name(chunk, own):
                continue
            if _in_longer_role(dictionary, own[:i], chunk):
                continue  # "Iran's Supreme National Security Council": no UN Security Council
            if head not in chunk and (_direction(gazetteer, chunk, head) or names_no_owner(chunk)):
                continue  # "along the western border", "a French-language station"
            if (
                chunk[0].i >= 2
                and chunk[0].doc[chunk[0].i - 1].text == "-"
                and (chunk[0].doc[chunk[0].i - 2].lower_ in ("anti", "pro", "non"))
            ):
                continue  # "anti-Iranian rhetoric" says nothing about who speaks
            if head in chunk:
                head_entry = head_entry or entry
            elif all(inside_of_pp(t, head) for t in chunk) and not is_role_head(head, dictionary):
                continue  # "Western backers of Tel Aviv": Tel Aviv is not the backer
            elif min(abs(t.i - head.i) for t in chunk) < modifier_dist:
                modifier = entry
                modifier_dist = min(abs(t.i - head.i) for t in chunk)
    return head_entry, modifier


# How many words before a name may make it part of a role phrase of the roles table.
ROLE_WORDS_BEFORE = 2


def _in_longer_role(dictionary: ActorDictionary, before: list[Token], chunk: list[Token]) -> bool:
    """Whether a name is the end of a longer role phrase of the roles table, the words before
    it included: "National Security Council" is a state's council (GOV), not the UN's
    "Security Council"; "the UN Security Council" stays the name."""
    lemmas = [t.lemma_.lower() for t in chunk]
    return any(
        dictionary.role_of(" ".join([*(t.lemma_.lower() for t in before[-k:]), *lemmas]))
        for k in range(1, min(ROLE_WORDS_BEFORE, len(before)) + 1)
        if before[-k].i + k == chunk[0].i  # the words run on into the name
    )


def _out_of_dates(dictionary: ActorDictionary, text: str, day: dt.date | None) -> list[Entry]:
    """The rows of a name of two words or more named outside all its dates, when they all
    give one code: "the African Union" in a 2001 story is the organisation then being founded
    (not "African" + the trade-union role), "the Soviet Union" in 2020 is still the USSR."""
    if day is None:
        return []
    # a capital outside its dates is only a city: "Port Sudan" in 2020 is no seat of power
    rows = [r for r in dictionary.find(text, None) if r.kind not in CAPITAL_KINDS]
    return rows if len({r.code for r in rows}) == 1 else []


def _in_longer_name(chunk: list[Token], tokens: list[Token]) -> bool:
    """Whether a capital's name is joined to more of the phrase's name by a lower-case
    particle, so that it is part of another place's name: "the port town of Mocimboa da
    Praia", "San Jose del Monte"."""
    within = {t.i for t in tokens}
    doc = chunk[0].doc
    before, after = chunk[0].i - 1, chunk[-1].i + 1
    joined = ((before, before - 1), (after, after + 1))  # the particle, the name beyond it
    return any(
        particle in within and doc[particle].text in NAME_PARTICLES and beyond in within
        for particle, beyond in joined
    )


def _direction(gazetteer: Gazetteer, chunk: list[Token], head: Token) -> bool:
    """Whether a one-word name is a compass direction before an area noun or a place
    ("the western border", "West Darfur State"): it says where, not who."""
    if len(chunk) != 1 or chunk[0].lower_ not in COMPASS_WORDS:
        return False
    return head.lemma_.lower() in AREA_WORDS or place_country(gazetteer, head) is not None


def phrase_roles(dictionary: ActorDictionary, head: Token, tokens: list[Token]) -> tuple[str, ...]:
    """Roles from the head noun with its compounds/adjectives, else from other role nouns.
    ``tokens`` is the head's phrase in document order (:func:`phrase_tokens`)."""
    head_i, head_lemma = head.i, head.lemma_.lower()  # read once: each read makes a new str
    preceding = list(takewhile(lambda x: x.i < head_i, tokens))
    before = {head_i} | {x.i for x in preceding}
    left = [t for t in preceding if t.dep_ in ("compound", "amod", "nmod") and t.head.i in before]
    lemmas = [t.lemma_.lower() for t in left] + [head_lemma]
    of_noun = of_object(head)
    if of_noun is not None and head_lemma in MEMBER_NOUNS:
        # "employees of the Iranian embassy": the institution says what they are
        inner_roles = phrase_roles(dictionary, of_noun, phrase_tokens(of_noun))
        if inner_roles:
            return inner_roles
    if of_noun is not None:  # "chief of staff", "ministry of defence"
        inner = [
            c.lemma_.lower()
            for c in of_noun.children
            if c.dep_ in ("compound", "amod") and c.i < of_noun.i
        ]
        for k in range(len(inner), -1, -1):
            phrase = " ".join([*lemmas, "of", *inner[len(inner) - k :], of_noun.lemma_.lower()])
            found = dictionary.role_of(phrase) or dictionary.role_of(
                " ".join(
                    [
                        head_lemma,
                        "of",
                        *inner[len(inner) - k :],
                        of_noun.lemma_.lower(),
                    ]
                )
            )
            if found:
                return found
    for size in range(min(4, len(lemmas)), 0, -1):
        found = dictionary.role_of(" ".join(lemmas[-size:]))
        if found:
            return found
    found = _title_roles(dictionary, head, left)
    if found:
        return found
    role_head = is_role_head(head, dictionary)
    for t in sorted(tokens, key=lambda x: abs(x.i - head_i)):
        if t.pos_ in ("NOUN", "PROPN") and (role_head or not inside_of_pp(t, head)):
            found = dictionary.role_of(t.lemma_.lower())
            if found:
                return found
    return ()


def is_role_head(head: Token, dictionary: ActorDictionary) -> bool:
    """Whether the head noun names people by what they are ("officials", "residents"), so a
    name inside its "of" phrase can say whose they are."""
    lemma = head.lemma_.lower()
    return bool(dictionary.role_of(lemma)) or lemma in (
        "citizen",
        "resident",
        "people",
        "government",
        "chief",
        "head",
        "leader",
        "member",
    )


def compound_place(gazetteer: Gazetteer, head: Token) -> str | None:
    """The country of a place the gazetteer names with the head and its compounds."""
    if not any(c.dep_ == "compound" and c.i < head.i for c in head.children):
        return None
    return place_country(gazetteer, head)


def longer_place(dictionary: ActorDictionary, gazetteer: Gazetteer, head: Token) -> str | None:
    """The country of a place of two words or more that the head names with its compounds
    and that is no one's full name: "El Obeid" is the Sudanese city, not a minister called
    Obeid whose one-word alias it contains."""
    name = _place_name(head)
    if head.pos_ != "PROPN" or len(name.split()) < 2 or dictionary.people.get(normalize(name)):
        return None
    place = gazetteer.lookup(name)
    if place is None or (head.ent_type_ in ("PERSON", "ORG") and place.population < LARGE_CITY):
        return None  # spaCy's tag is only overruled for a city as large as El Obeid
    return place.country


def _place_name(head: Token) -> str:
    """The head with its compounds, as written."""
    name = [
        t for t in head.subtree if t.i == head.i or (t.dep_ == "compound" and t.head.i == head.i)
    ]
    return " ".join(t.text for t in sorted(name, key=lambda t: t.i))


def subdivision_country(gazetteer: Gazetteer, head: Token) -> str | None:
    """The country of a province, state or department named by a proper noun before a
    common type noun: "the Centre department" (Haiti), "Kaduna state" (Nigeria). The type
    word decides a name several countries share ("Centre" is a region elsewhere)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in TYPE_WORDS:
        return None
    name = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    if not name or any(c.pos_ != "PROPN" for c in name):
        return None
    place = gazetteer.lookup(" ".join(t.text for t in [*name, head]))
    return place.country if place is not None and place.precision == "region" else None


def place_country(gazetteer: Gazetteer, head: Token) -> str | None:
    """The country of the place a proper-noun head (with its compounds) names, if the
    gazetteer knows it."""
    if head.pos_ != "PROPN" or head.ent_type_ == "NORP":
        return None
    name = _place_name(head)
    if head.ent_type_ == "PERSON" and " " not in name:
        return None
    place = gazetteer.lookup(name)
    if place is None or (head.ent_type_ in ("ORG", "PERSON") and place.population < LARGE_CITY):
        # spaCy often tags cities as ORG ("Russian forces attacked Kherson") and a city of
        # two words as a person ("El Obeid"); only a city the gazetteer knows as large is
        # taken as a place then (a person the dictionary knows was matched before)
        return None
    return place.country


def _title_roles(dictionary: ActorDictionary, head: Token, left: list[Token]) -> tuple[str, ...]:
    """Roles of the title before a person's name, read as one phrase, longest ending
    first: "Opposition leader Kalonzo Musyoka" is the opposition's ("opposition leader"),
    not a government's (its nearest role word, "leader")."""
    if head.ent_type_ != "PERSON":
        return ()
    title = list(takewhile(lambda t: t.ent_type_ != "PERSON", left))
    lemmas = [t.lemma_.lower() for t in title]
    for size in range(min(4, len(lemmas)), 1, -1):
        found = dictionary.role_of(" ".join(lemmas[-size:]))
        if found:
            return found
    return ()
