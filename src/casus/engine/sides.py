"""Side conventions of the event engine (docs/actors.md#country-from-context,
docs/event-model.md#the-dyad-in-focus): what an actor with no country of its own becomes (a
country from the evidence around it, a generic ``---ROLE`` side or an unknown ``---`` one), the
other side of the dyad in focus for an event whose clause names no target, the authority that
reports an agentless act, and when a side acts on its own state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casus.engine.allies import aside_countries, without_allies
from casus.engine.antecedents import NATIONAL_OFFICES
from casus.engine.context import is_country
from casus.engine.frames import BORDER_WORDS, Frame, argument_tokens, place_in
from casus.engine.home_names import filed_institution, is_institution
from casus.engine.modality import REPORTING_VERBS
from casus.engine.owners import kept_by
from casus.engine.posted import posting_countries
from casus.engine.resolver import Resolver
from casus.engine.scope import Scope
from casus.engine.sponsors import without_sponsors
from casus.engine.venues import gathering_countries, gathering_places
from casus.model import UNKNOWN_COUNTRY, Actor
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Token

# Roles that, with no country of their own, belong to the acting government's country:
# "Azerbaijani government is trying to suppress the opposition" → AZEOPP; so do parties
# ("police arrested the leader of the main opposition party" → the police's country).
DOMESTIC_ROLES = frozenset(
    {
        "OPP",
        "CVL",
        "LEG",
        "JUD",
        "COP",
        "MED",
        "EDU",
        "LAB",
        "BUS",
        "REL",
        "HRI",
        "CRM",
        "AGR",
        "PTY",
    }
)
# How often a country must be mentioned to be the article's own for domestic roles.
MAIN_MENTIONS = 2
# Roles of the people violence is done to, who belong to the country the story is about when
# their clause names no place (not parties or institutions: "urged the parties").
VICTIM_ROLES = frozenset({"CVL", "COP", "MED", "EDU", "HLH", "REF"})
# Armed men of no known allegiance ("gunmen", "a gunman"): their country is only where they
# act, never what the article is about; "unidentified gunmen" have none at all.
UNIDENTIFIED_ROLES = frozenset({"UAF"})
CROWD_ROLES = frozenset({"CVL", "OPP"})
UNIDENTIFIED_WORDS = word_list("unidentified_words")
ETHNIC_WORDS = word_list("ethnic_words")
RECIPROCALS = word_list("reciprocals")  # "each other", "one another"
# Force posture (15x): a state moves, alerts or mobilises its own forces; they are no target.
POSTURE_ROOT = "15"
FORCE_ROLES = frozenset({"MIL", "COP"})
# Armed opponents of a state: in its peaceful dealings with them, its own country's.
INSURGENT_ROLES = frozenset({"REB", "INS", "SEP"})
# Sides that only ever oppose their own state: lawmakers, protesters and the media also act
# on foreign ones ("Lawmakers condemned the arrest of a Turkish opposition mayor").
DISSIDENT_ROLES = frozenset({"OPP", "PTY", "JUD"}) | INSURGENT_ROLES
# Sides that are the state itself: they protest to someone, never against their own government.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
# Bare counts of people that, as the subject of a protest, are a crowd ("Thousands rallied").
CROWD_WORDS = word_list("crowd_words")
# Prepositions that say where an act happens, for the place of a side's own clause.
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "at", "across", "throughout", "around"})
# The dependencies by which a clause hangs from the clause it continues ("attacked a post in
# Niger, killing nine soldiers": the killing happened where the attack did).
CONTINUING_DEPS = frozenset({"advcl", "conj", "xcomp"})


def sentence_other(
    scope: Scope, frame: Frame, source: Actor, *, clause: bool = False, root: str = ""
) -> Actor | None:
    """The one other country the sentence (or the clause) names, if there is exactly
    one. Outside a joint act (``clause``), the source's co-subjects act beside it, not on
    it: "Iran and Qatar sent aid" is no aid to Qatar, and "Venezuela and Cuba condemned the
    sanctions imposed by the United States" names one other country
    (docs/actors.md#coordinated-sides). Nor is a country named only in the subject's
    description or as the doer's ally (:mod:`casus.engine.allies`), nor one named only as
    where the sides met ("Gulf ministers, meeting in Qatar, condemned ...",
    :func:`casus.engine.venues.gathering_countries`) or where the acting envoy sits ("a
    diplomat in Bamako said", :func:`casus.engine.posted.posting_countries`)."""
    named = scope.resolver.sentence_countries(frame.pred, clause=clause)
    others = named - {source.country} - gathering_countries(frame.pred, scope.resolver)
    others -= posting_countries(frame, scope.resolver)  # "the ambassador in Manila said"
    if not clause and not _mutual(frame.pred):
        others -= co_subjects(frame, scope.resolver) | aside_countries(frame, scope.resolver, root)
    if len(others) != 1:
        return None
    other = others.pop()
    start = frame.pred.idx + scope.offset
    return Actor(other, other, (), "", start, start, "context")


def _mutual(pred: Token) -> bool:
    """Whether the predicate's clause says its co-subjects act on each other: "Guyana and
    Venezuela pledged not to use force against each other"."""
    words = [t.lower_ for t in pred.subtree]
    pairs = {" ".join(words[i : i + 2]) for i in range(len(words) - 1)}
    return bool(pairs & RECIPROCALS)


def past_allies(
    targets: list[Actor | None], frame: Frame, scope: Scope, source: Actor, root: str
) -> list[Actor | None]:
    """The targets less the doer's allies (:func:`casus.engine.allies.without_allies`); when
    only allies were found, the one other country the sentence names, which a hostile act
    done in solidarity with one side is aimed at: "Turkey sealed the border in solidarity
    with Azerbaijan after Armenian forces captured Kelbajar" → ARM."""
    kept = without_allies(targets, frame, scope, root)
    return kept or [sentence_other(scope, frame, source, root=root)]


def co_subjects(frame: Frame, resolver: Resolver) -> set[str]:
    """The countries of the frame's subjects and their conjuncts ("Venezuela, Cuba and
    Nicaragua condemned ...")."""
    tokens = {c for s in frame.subjects for c in (s, *s.conjuncts)}
    return {str(a.country) for t in tokens for a in resolver.actors_for(t) if a.known and a.country}


def situate(
    actor: Actor,
    frame: Frame,
    scope: Scope,
    avoid: str | None = None,
    token: Token | None = None,
) -> Actor:
    """An actor with no country takes one from the evidence around it, nearest first
    (docs/actors.md#country-from-context); else it stays generic (``---COP``) or unknown
    (``---``). Only sources (``avoid`` is None) and domestic roles take a country that is
    not named where the event happens."""
    if actor.known:
        return actor
    if not actor.roles:
        return unknown_actor(actor)  # a name casus cannot resolve: no country is guessed
    unidentified = set(actor.roles) <= UNIDENTIFIED_ROLES
    if unidentified and set(actor.text.lower().split()) & UNIDENTIFIED_WORDS:
        return unknown_actor(actor)  # "unidentified gunmen": whose they are is not known
    if set(actor.roles) <= DOMESTIC_ROLES:
        return _domestic_country(actor, frame, scope, avoid, token)
    keeper = kept_by(token, scope.resolver) if token is not None else None
    if keeper is not None:  # "Portugal has 60 instructors training ...": Portugal's
        return in_country(actor, keeper, "context")
    # "gunmen in Nangarhar"; not "Iran-backed militias" (their backer is no place of theirs)
    own = without_sponsors(token, list(token.subtree)) if token is not None else []
    if own:  # "delegates at talks hosted in Doha": where they met, not whose they are
        met = {t.i for h in gathering_places(frame.pred) for t in h.subtree}
        own = [t for t in own if t.i not in met]
    gazetteer = scope.resolver.gazetteer
    found = place_in(own, gazetteer, avoid)
    filed = filed_institution(scope.resolver, actor, token) if found is None else None
    if filed is not None:  # "ANKARA — The cabinet approved sanctions against Israel"
        return in_country(actor, filed, "context")
    if found is None and avoid is None:
        found = place_in(argument_tokens(frame), gazetteer, None)
    country = found[1] if found else None
    if country is None and avoid is None:
        country = clause_place(frame, scope, None)  # "..., killing ..." where the attack was
    context = scope.document.context
    if country is None and avoid is None and unidentified:
        # "Gunmen attacked a police station in Quetta": the one country their sentence names
        named = scope.resolver.sentence_countries(frame.pred)
        country = next(iter(named)) if len(named) == 1 else None
    elif country is None and avoid is None and context is not None:
        # "MANILA — The Department of Foreign Affairs said": an office named without a
        # country is the dateline's before the article's most named country
        office = token is not None and token.lemma_.lower() in NATIONAL_OFFICES
        filed = context.dateline if office and "GOV" in actor.roles else None
        country = filed or context.main_country()
    if country is None:
        return unknown_actor(actor)
    return in_country(actor, country, "context")


def resident(actor: Actor, frame: Frame, scope: Scope, token: Token | None = None) -> Actor:
    """An ethnic group named by a nationality belongs to the country it lives in, when its
    phrase or its event names one: "ethnic Albanians in south Serbia" → SRB, "Serb forces
    killed three ethnic Albanians in southeastern Serbia" → SRB; else it keeps the
    nationality (docs/actors.md#country-from-context). A people "of" a place lives there:
    "the Albanians of southern Serbia" → SRB."""
    if not actor.country:
        return actor
    if not set(actor.text.lower().split()) & ETHNIC_WORDS:
        people = token is not None and not actor.roles and token.ent_type_ == "NORP"
        of = [c for c in token.children if c.lower_ == "of"] if token and people else []
        found = place_in([t for c in of for t in c.subtree], scope.resolver.gazetteer, None)
        if found is None or found[1] == actor.country or not is_country(found[1]):
            return actor
        return in_country(actor, found[1], "inferred")
    own = list(token.subtree) if token is not None else []
    found = place_in(own + argument_tokens(frame), scope.resolver.gazetteer, actor.country)
    if found is None or not is_country(found[1]):
        return actor
    country = found[1]
    return in_country(actor, country, "inferred")


def _domestic_country(
    actor: Actor, frame: Frame, scope: Scope, avoid: str | None, token: Token | None
) -> Actor:
    """A domestic actor ("protesters", "riot police") takes the country of the place its
    event happens in, else of the article's latest country, else of the dateline:
    "Thousands of protesters rallied outside parliament in Tbilisi" → GEOCVL. A target
    never takes the source's country this way ("Russia pounded Bakhmut, killing six
    civilians" does not make them Russian)."""
    own = list(token.subtree) if token is not None else []  # "Police in Tbilisi detained"
    resolver = scope.resolver
    filed = filed_institution(resolver, actor, token)
    if filed is not None and place_in(own, resolver.gazetteer, avoid) is None:
        return in_country(actor, filed, "inferred")  # "MADRID — Parliament condemned Morocco"
    # "Opposition leaders called on Brussels": the seat of an organisation addressed is
    # no place where the event happens
    where = [
        t
        for t in own + argument_tokens(frame)
        if not _organisation_seat(t, resolver) and not _opposed(t, frame.pred)
    ]
    found = place_in(where, resolver.gazetteer, avoid)
    if found is None and avoid is not None:
        # "an air strike killed 15 civilians": the story's people; not the tolls of a
        # passive with no doer ("40,000 people have been killed in the conflict")
        victims = set(actor.roles) <= VICTIM_ROLES and not frame.passive
        return _story_people(actor, frame, scope, avoid) if victims else unknown_actor(actor)
    # one mention is no article's subject: "Lawmakers condemned the arrest of a Turkish
    # mayor" does not make the lawmakers Turkish
    context = scope.document.context
    main = context.main_country(least=MAIN_MENTIONS) if context is not None else None
    country = found[1] if found else (clause_place(frame, scope, None) if avoid is None else None)
    if country is None and main is None and is_institution(actor, token):
        # "Armenia accused Azerbaijan of shelling. Parliament condemned the attack": the last
        # country named is no evidence whose parliament it is (a wrong one is worse than none)
        return unknown_actor(actor)
    country = country or main or resolver.salient_country(frame.pred)
    if country is None and scope.document.dateline is not None:
        country = scope.document.dateline.country
    if country is None:
        return unknown_actor(actor)
    return in_country(actor, country, "inferred")


def _story_people(actor: Actor, frame: Frame, scope: Scope, avoid: str) -> Actor:
    """A domestic target whose clause names no place: the people of the country the story
    is about, when that is not the acting side's own ("An air strike on the town killed 15
    civilians" in a story about Syria → SYRCVL); else of unknown country. A victim never
    takes its attacker's country this way ("Russia pounded Bakhmut, killing six civilians"
    in a story about Russia stays ---CVL)."""
    context = scope.document.context
    main = context.main_country(least=MAIN_MENTIONS) if context is not None else None
    # where the clause it continues happened first: "ambushed a bus in Chad and abducted twelve
    # passengers"
    main = clause_place(frame, scope, avoid) or main
    if main is None or main == avoid or not is_country(main):
        return unknown_actor(actor)
    return in_country(actor, main, "context")


def domestic(target: Actor | None, source: Actor) -> Actor | None:
    """A domestic role-only target of a government belongs to its country:
    "Azerbaijani government is trying to suppress the opposition" → AZEOPP (an
    organisation has no population of its own); so does the state a country's own
    non-state side addresses: "Kenyan opposition leaders accused the government" → KENGOV
    (dissent is done to one's own state)."""
    if target is None or target.code is not None or not source.country:
        return target
    if not is_country(source.country):
        return target
    if not target.roles:
        return target
    if (
        not set(target.roles) <= DOMESTIC_ROLES
        and not dissent(source, target)
        # "The government accepted demands from rebels": a state's armed opponents
        and not (set(source.roles) & STATE_ROLES and set(target.roles) <= INSURGENT_ROLES)
    ):
        return target
    code = source.country + "".join(target.roles)
    return Actor(
        code, source.country, target.roles, target.text, target.start, target.end, "inferred"
    )


def unknown_actor(actor: Actor) -> Actor:
    """The actor as an event side of unknown country: ``---`` plus its roles ("generic"), or
    ``---`` alone ("unknown")."""
    return actor if actor.known else generic_actor(actor)


def generic_actor(actor: Actor) -> Actor:
    """The actor with its country dropped: ``---`` plus its roles."""
    code = UNKNOWN_COUNTRY + "".join(actor.roles)
    how = "generic" if actor.roles else "unknown"
    return Actor(code, None, actor.roles, actor.text, actor.start, actor.end, how)


def scene(frame: Frame, scope: Scope) -> Actor | None:
    """The country where an act by no one named happened, as its target: "Heavy fighting
    broke out in Tripoli" → LBY. Looked for in the noun's own phrase, then in the
    prepositional phrases of the clause it is the subject of (not in other clauses)."""
    noun = frame.pred
    tokens = list(noun.subtree)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        for prep in noun.head.children:
            if prep.dep_ == "prep" or (prep.dep_ == "prt" and prep.i > noun.head.i):
                tokens += list(prep.subtree)
    found = place_in(tokens, scope.resolver.gazetteer, None)
    if found is None:
        return None
    token, country = found
    start = token.idx + scope.offset
    return Actor(country, country, (), token.text, start, start + len(token.text), "place")


def crowd(subjects: list[Token]) -> bool:
    """Whether a protest's subjects are a crowd the text only counts: "Thousands rallied in
    Tbilisi", "crowds gathered outside parliament" (not "thousands of farmers")."""
    return bool(subjects) and all(
        s.lower_ in CROWD_WORDS and not any(c.dep_ == "prep" for c in s.children) for s in subjects
    )


def unidentified(actor: Actor) -> bool:
    """Whether a side is armed men of no known allegiance ("gunmen") or a crowd, whose
    violence is done where they are: "angry crowds stormed the government building in
    Yerevan" (Armenia's government)."""
    return bool(actor.roles) and set(actor.roles) <= UNIDENTIFIED_ROLES | CROWD_ROLES


def implicit_actor(token: Token, offset: int) -> Actor:
    """The unnamed side of an event, at its trigger: "Thousands of Kenyans were detained"
    (by whom is not said)."""
    start = token.idx + offset
    return Actor(UNKNOWN_COUNTRY, None, (), "", start, start, "unknown")


def against_state(root: str, code: str, source: Actor) -> bool:
    """Whether an act with no target named is aimed at the government where it happens: a
    protest (14), a threat of one ("organisers vowed to return to the streets", 133), or a
    demand by a non-state group (10)."""
    return root == "14" or code.startswith("133") or (root == "10" and bool(source.roles))


def protesters(token: Token, offset: int) -> Actor:
    """The unnamed side of a protest, at its trigger: "Protests erupted in Tehran" (civilians,
    whose country :func:`situate` takes from where it happened)."""
    start = token.idx + offset
    return Actor(UNKNOWN_COUNTRY + "CVL", None, ("CVL",), "", start, start, "generic")


# Roles that detain, deport, try and sentence: the authority that reports an agentless arrest.
AUTHORITY_ROLES = frozenset({"COP", "GOV", "JUD", "MIL", "SPY"})


def reporting_authority(pred: Token, resolver: Resolver) -> Actor | None:
    """The subject of the reporting verb the clause hangs from, when it is an authority:
    "Its crew of 14 was detained for questioning, police said." → police."""
    head = pred
    for _ in range(3):
        if head.head.i == head.i:
            break
        head = head.head
        if head.lemma_.lower() in REPORTING_VERBS:
            return _authority_speaker(head, resolver)
    for child in pred.children:  # "..., police said" parsed as parataxis under the clause
        if child.dep_ == "parataxis" and child.lemma_.lower() in REPORTING_VERBS:
            found = _authority_speaker(child, resolver)
            if found is not None:
                return found
    return None


def _authority_speaker(verb: Token, resolver: Resolver) -> Actor | None:
    """The subject of a reporting verb when it is an authority (police, the ministry)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            actor = resolver.actor_for(child)
            if actor is not None and set(actor.roles) & AUTHORITY_ROLES:
                return actor
    return None


def dissent(source: Actor, target: Actor) -> bool:
    """Whether a non-state side acts on its own country's state: "Islamic fundamentalists
    demanded the resignation of the Algerian president" (a government acting on its own
    officials is a resolution error more often than an event)."""
    if not source.roles or set(source.roles) & STATE_ROLES:
        return False
    return bool(set(target.roles) & (STATE_ROLES | {"JUD", "LEG"}))


def governed(source: Actor, target: Actor) -> bool:
    """Whether a side acts on its own country's people, opposition or armed groups: "President
    Museveni threatened to ban Ugandan opposition candidates" (UGAGOV → UGAOPP), "Croatia is
    investigating war crimes by Croatian extremists"; never on its own state, which is a
    resolution error more often than an event."""
    if not source.country or source.country != target.country or source.code == target.code:
        return False
    return bool(target.roles) and not set(target.roles) & (STATE_ROLES | {"JUD", "LEG"})


def dissident(source: Actor, targets: list[Actor | None]) -> Actor:
    """A role-only opposition, party, court or armed group of no known country that acts
    peacefully on one country's state is that country's: "A judge opened fraud
    investigations against Chilean government officials" → CHLJUD, "Opposition leaders
    demanded the resignation of the Kenyan president" → KENOPP (dissent is done to one's
    own state; an attack on it is no evidence)."""
    if source.how != "generic" or not source.roles or not set(source.roles) <= DISSIDENT_ROLES:
        return source
    states = {
        t.country
        for t in targets
        if t is not None
        and t.known
        and t.how not in ("inferred", "context")
        and t.country
        and is_country(t.country)
        and dissent(source, t)
    }
    if len(states) != 1:
        return source
    return in_country(source, states.pop(), "inferred")


def _opposed(token: Token, pred: Token) -> bool:
    """Whether a name is what an act is against, which is no place where it happens:
    "protesters chanted slogans against Russia" are not Russia's."""
    for ancestor in token.ancestors:
        if ancestor.i == pred.i:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ == "against":
            return True
    return False


def _organisation_seat(token: Token, resolver: Resolver) -> bool:
    """Whether a name stands for an organisation by its seat ("Brussels" → the EU)."""
    if token.pos_ != "PROPN":
        return False
    actor = resolver.actor_for(token)
    return actor is not None and actor.country is not None and not is_country(actor.country)


def as_context(actor: Actor) -> Actor:
    """The actor as a side taken from context (same code, ``how: context``)."""
    return Actor(
        actor.code, actor.country, actor.roles, actor.text, actor.start, actor.end, "context"
    )


def own_forces(side: Actor | None, source: Actor) -> bool:
    """Whether a side is the source's own army or police: "Kosovo deployed special police
    units" (the units are what Kosovo moves, not whom it acts on)."""
    return (
        side is not None
        and side.known
        and side.country is not None
        and side.country == source.country
        and bool(side.roles)
        and set(side.roles) <= FORCE_ROLES
    )


def posture_agent(frame: Frame, resolver: Resolver) -> Actor | None:
    """The state that puts its own forces on alert, when a passive names only the forces:
    "Serbia's army was placed on combat readiness", "40,000 Polish soldiers were deployed"
    (the army of a country is moved by that country)."""
    for token in frame.objects:
        if token.dep_ != "nsubjpass":
            continue
        actor = resolver.actor_for(token)
        if actor is not None and actor.known and actor.roles and set(actor.roles) <= FORCE_ROLES:
            return actor
    return None


def in_country(actor: Actor, country: str, how: str) -> Actor:
    """The actor's roles in ``country``, found ``how`` ("context", "inferred")."""
    return Actor(
        country + "".join(actor.roles),
        country,
        actor.roles,
        actor.text,
        actor.start,
        actor.end,
        how,
    )


def home_people(frame: Frame, scope: Scope, source: Actor) -> Actor | None:
    """For violence with no one named: the civilians of the place in the actor's own country
    where it happened ("Boko Haram bombed a market in Maiduguri" → NGACVL)."""
    tokens = argument_tokens(frame)
    if frame.kind == "noun":
        # the place may hang on a conjunct: "mass killings and other atrocities in Darfur"
        tokens += [t for t in frame.pred.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"]
    home = place_in(tokens, scope.resolver.gazetteer, None)
    if source.country is None or home is None or home[1] != source.country:
        return None
    place = home[0]
    start = place.idx + scope.resolver.offset
    return Actor(
        source.country + "CVL",
        source.country,
        ("CVL",),
        place.text,
        start,
        start + len(place.text),
        "place",
    )


def clause_place(frame: Frame, scope: Scope, avoid: str | None) -> str | None:
    """The country of the place an act's clause says it happens in ("in", "near" ... on the
    verb or its object), else of the clause it continues, nearest first."""
    token = frame.pred
    tokens: list[Token] = []
    while True:
        owners = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
        tokens += [
            t
            for owner in owners
            for c in owner.children
            if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS and not _at_border(c)
            for t in c.subtree
        ]
        if token.dep_ not in CONTINUING_DEPS or token.head.i == token.i:
            break
        token = token.head
    found = place_in(tokens, scope.resolver.gazetteer, avoid)
    return found[1] if found is not None and is_country(found[1]) else None


def _at_border(prep: Token) -> bool:
    """Whether a place phrase is a border ("near the border with Mali" is not in Mali)."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in BORDER_WORDS for g in prep.children)


def civil_war(one: Actor, other: Actor) -> bool:
    """Whether two sides of one country are its state and its insurgents (either way), the two
    parties of a civil war: "the Sri Lankan government and the Tamil Tigers"."""
    if one.country != other.country:
        return False
    first, second = (a.roles[0] if a.roles else "" for a in (one, other))
    return (first in STATE_ROLES and second in INSURGENT_ROLES) or (
        first in INSURGENT_ROLES and second in STATE_ROLES
    )
