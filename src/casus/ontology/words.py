"""Word lists the resolver, the event engine and the stages consult, read from data tables.

``data/words.tsv`` and the sibling tables under ``data/words/`` (``verbs.tsv``, ``nouns.tsv``,
``function.tsv``, ``modifiers.tsv``) hold plain lists (``list / word / note``); each list
lives in one table and is described once in its header comments. ``data/words/values.tsv``
holds words with a value (``list / word / value / note``): a pronoun's kind, a number word's
number. Validated at load: an unknown list name, a list spread over two tables or a repeated
word is an error naming the file and line.
"""

from __future__ import annotations

from functools import lru_cache

from casus.errors import OntologyError
from casus.ontology.tables import Row, data_files, read_tsv

WORDS_FILE = "words.tsv"
VALUES_FILE = "words/values.tsv"
LIST_HEADER = ("list", "word", "note")
VALUE_HEADER = ("list", "word", "value", "note")
LISTS = frozenset(
    {
        # words.tsv: the actor resolver
        "quantifier_heads",
        "carrier_nouns",
        "flag_participles",
        "owning_participles",
        "linking_participles",
        "seat_participles",
        "seated_nouns",
        "protester_nouns",
        "labour_words",
        "worker_nouns",
        "strike_modifiers",
        "detainee_nouns",
        "travel_verbs",
        "country_nouns",
        "person_nouns",
        "agent_nouns",
        "relational_nouns",
        "title_words",
        "member_nouns",
        "organ_nouns",
        "weapon_nouns",
        "presupposing_verbs",
        "presupposing_preps",
        "irrealis_nouns",
        "intention_nouns",
        # words/verbs.tsv
        "wrapper_verbs",
        "charging_verbs",
        "harm_verbs",
        "casualty_verbs",
        "naming_verbs",
        "light_verbs",
        "restraint_governors",
        "reciprocal_verbs",
        "issuing_verbs",
        "reaction_verbs",
        "undergoing_verbs",
        "receiving_verbs",
        "received_goods",
        "spoken_nouns",
        "act_nouns",
        "coup_nouns",
        "answering_verbs",
        "concluding_verbs",
        "mutual_verbs",
        "addressed_verbs",
        "annihilation_verbs",
        "unanswered_words",
        "irrealis_governors",
        "mandative_governors",
        "enacting_governors",
        "agentive_adjectives",
        "wanting_verbs",
        "negating_governors",
        "accusation_verbs",
        "grounds_verbs",
        "state_participles",
        "unconfirmed_nouns",
        "denial_verbs",
        "reporting_verbs",
        "cognition_verbs",
        "schedule_governors",
        "forecast_governors",
        "aspect_governors",
        "distortion_words",
        "depiction_nouns",
        "depiction_verbs",
        "future_governors",
        "narrative_reporting_verbs",
        "attributing_verbs",
        "speaker_verbs",
        "attitude_participles",
        "stimulus_participles",
        "to_object_verbs",
        "for_object_verbs",
        "hyphened_words",
        "hyphened_prefixes",
        "addressee_verbs",
        "object_raising_verbs",
        "credit_verbs",
        "visit_verbs",
        "assembly_verbs",
        "answer_verbs",
        "sponsor_verbs",
        # words/nouns.tsv
        "institution_nouns",
        "standing_nouns",
        "instrument_nouns",
        "call_nouns",
        "telephone_nouns",
        "hosted_nouns",
        "barred_nouns",
        "deescalation_nouns",
        "answering_nouns",
        "border_words",
        "border_points",
        "ing_nouns",
        "earnest_words",
        "struck_sites",
        "military_assets",
        "civilian_craft_words",
        "civilian_sites",
        "contact_nouns",
        "complex_prep_heads",
        "name_particles",
        "plain_pair_heads",
        "collective_heads",
        "all_sides_heads",
        "venue_nouns",
        "occasion_nouns",
        "statement_occasions",
        "reading_nouns",
        "host_verbs",
        "gathering_verbs",
        "gathering_nouns",
        "pair_nouns",
        "state_heads",
        "state_members",
        "alliance_qualifiers",
        "relative_nouns",
        "state_offices",
        "national_offices",
        "ally_nouns",
        "sympathy_nouns",
        "grounds_nouns",
        "voice_nouns",
        "envoy_nouns",
        "envoy_posts",
        "speech_nouns",
        "document_nouns",
        "decision_nouns",
        "area_words",
        "subdivision_words",
        "region_common_words",
        "motion_nouns",
        "measure_nouns",
        "home_force_heads",
        "topic_nouns",
        "answer_nouns",
        # words/function.tsv
        "future_aux",
        "modal_aux",
        "negators",
        "condition_marks",
        "presupposing_marks",
        "ultimatum_marks",
        "obligation_modals",
        "suggestion_modals",
        "retribution_words",
        "reciprocals",
        "relative_pronouns",
        "negated_prefixes",
        "language_suffixes",
        "topic_words",
        "definite_dets",
        "place_target_preps",
        "target_preps",
        "venue_preps",
        "means_preps",
        "clash_nouns",
        "place_preps",
        "pattern_preps",
        "dedup_stopwords",
        # words/modifiers.tsv
        "willingness",
        "domestic_portfolios",
        "unidentified_words",
        "ethnic_words",
        "crowd_words",
        "hypothetical_modifiers",
        "former_words",
        "compass_words",
        "one_sided_words",
        "one_way_verbs",
        "telling_verbs",
        "declared_truce_verbs",
        "truce_nouns",
        "standing_adverbs",
        "vessel_prefixes",
        "pair_qualifiers",
        # words/prefilter.tsv
        "prefilter_stop_words",
        "prefilter_openers",
        "prefilter_time_words",
    }
)
VALUE_LISTS = frozenset(
    {
        "pronoun_kinds",
        "definite_heads",
        "igo_heads",
        "duration_numbers",
        "count_numbers",
        "event_nouns",
        "given_name_genders",
        "authored_nouns",
        "agreed_things",
        "verb_lemmas",
    }
)

# list name -> word -> value ("" in the plain lists), in table order
_Tables = dict[str, dict[str, str]]


def _add(out: _Tables, homes: dict[str, str], row: Row, known: frozenset[str]) -> dict[str, str]:
    """The words of the row's list, after checking the list is known and lives in one table."""
    name = row.require("list")
    if name not in known:
        raise row.error(f"unknown word list {name!r}; known: {', '.join(sorted(known))}")
    home = homes.setdefault(name, row.path)
    if home != row.path:
        raise row.error(f"word list {name!r} is already in {home}")
    return out.setdefault(name, {})


def _read(out: _Tables, homes: dict[str, str], path: str, text: str) -> None:
    valued = path == VALUES_FILE
    for row in read_tsv(text, path, VALUE_HEADER if valued else LIST_HEADER):
        words = _add(out, homes, row, VALUE_LISTS if valued else LISTS)
        word = row.require("word").lower()
        if word in words:
            raise row.error(f"{word!r} is already in {row.require('list')}")
        words[word] = row.require("value") if valued else ""


@lru_cache(maxsize=1)
def _load() -> _Tables:
    out: _Tables = {}
    homes: dict[str, str] = {}
    _read(out, homes, WORDS_FILE, dict(data_files("", "*.tsv"))[WORDS_FILE])
    for path, text in data_files("words", "*.tsv"):
        _read(out, homes, path, text)
    missing = sorted((LISTS | VALUE_LISTS) - set(out))
    if missing:
        raise OntologyError(f"word lists missing: {', '.join(missing)}", path=WORDS_FILE)
    return out


def word_list(name: str) -> frozenset[str]:
    """One named word list (``quantifier_heads``, ``reporting_verbs``...)."""
    if name not in LISTS:
        raise OntologyError(f"no word list {name!r}", path=WORDS_FILE)
    return frozenset(_load()[name])


def all_words(*, but: tuple[str, ...] = ()) -> frozenset[str]:
    """Every word of every list (plain and valued) but those of the tables or lists named in
    ``but`` ("words/function.tsv", "dedup_stopwords"): casus's vocabulary, for the
    pre-filter."""
    homes = _homes()
    return frozenset(
        word
        for name, words in _load().items()
        if homes[name] not in but and name not in but
        for word in words
    )


@lru_cache(maxsize=1)
def _homes() -> dict[str, str]:
    """The table of each list."""
    homes: dict[str, str] = {}
    _read({}, homes, WORDS_FILE, dict(data_files("", "*.tsv"))[WORDS_FILE])
    for path, text in data_files("words", "*.tsv"):
        _read({}, homes, path, text)
    return homes


def word_sequence(name: str) -> tuple[str, ...]:
    """One named word list in table order, for lists tried in turn (``target_preps``)."""
    if name not in LISTS:
        raise OntologyError(f"no word list {name!r}", path=WORDS_FILE)
    return tuple(_load()[name])


def word_values(name: str) -> dict[str, str]:
    """One named list of words with a value (``pronoun_kinds``: word -> kind), in table order."""
    if name not in VALUE_LISTS:
        raise OntologyError(f"no valued word list {name!r}", path=VALUES_FILE)
    return dict(_load()[name])
