"""Code boundaries the lexicon's columns cannot draw: the same verb and object take another
CAMEO code by the form of the complement or by who acts.

- A that-clause after an agreement verb is a shared view, not an agreement to act:
  "Bolivia and Peru agreed that the dispute should go to the court" is 019 (express accord),
  while "agreed (with Lima) to reopen the border" is 03x.
- A wish that someone else act is an appeal, the 02x twin of the 03x intent: "Washington
  wants Beijing to release the journalists" is 025, "wants to release them" 035.
- A vessel seized by a state's own agents is confiscated (1711), not hijacked (181):
  "Malaysian police seized a Vietnamese fishing boat" against "pirates seized a tanker".
- Force used by civilians is an assault (180), not military force (19x): "a group of men
  attacked students putting up posters", "clashes between protesters and troops".
- Fire opened by a state's agents on protesters or crowds is violent repression (175), not
  fighting (19x): "security forces fired on crowds outside the building"; a killing stays
  force (190, as CAMEO's usage note has it), and fire on rebels stays fighting.
- A protest made by a state is an official complaint (114), not a demonstration (14x): "the
  expulsion prompted a protest from Moscow", "Iran strongly protested the arrest" (a
  country's or capital's name is its state; "thousands of Iranians protested" demonstrate).
- A demand made by protesters is the protest's aim (141x), not a demand (10x): "the
  demonstrators are demanding the minister's resignation" is 1411, as CAMEO codes a rally
  for a leader's removal.
- Regret is disapproval (111) unless it is for one's own act (055): "Berlin regretted the
  decision" against "Tokyo regretted its role in the war" (engine/regrets.py).
- An answer made by some means is coded by the means: "Algeria retaliated by closing its
  airspace to Mali" reduces relations (16), "Moscow hit back by expelling ten diplomats" is an
  expulsion (16), and so is "Moscow hit back a day later, expelling ten diplomats" (a
  participle that codes an act; engine/answer_means.py); only the answer with no means
  named is force (190, "Iran retaliated").
- A plain appeal, intent, demand or refusal to yield (025, 035, 105, 124) takes the 4-digit
  twin of what its complement yields: "urged both sides to exercise restraint" is 0256.
- Force used by aircraft is an air attack (195): "Israeli aircraft pounded the Gaza Strip".
- Consultation over a line is a telephone discussion (041): "discussed it by telephone".
- The bare noun "strike" is a walkout (143) only in a story that speaks of work: in a story of
  air raids, "the United Nations condemned the strikes" names the raids (one sense per story).
- Administrative sanctions (172) curb the rights of a state's own civilians; the same measure
  aimed at another country reduces relations (160, as CAMEO's example "a suspension of air
  links" does): "Bamako banned Algerian aircraft from Malian skies".
- A warning that something may happen, or is happening, is a forecast, not a threat (130):
  "the UN warned that the fighting could spread to Chad" is no event, nor is "aid groups
  warned that sanctions were making it hard to pay staff"; "warned that anyone who attacks
  would pay a heavy price" and "warned Iran that ..." are threats.
- Welcoming an act is praise (051), welcoming a person hosts them (043): "welcomed the
  Rwandan deployment" against "welcomed Modi to Washington".
- A plan of a conflictual act is a threat (13x) while it stands, stated in the present or the
  future: "Greece plans to impose restrictions" (CAMEO's 132 example); a plan told in the past
  is a plot found out or given up, no threat: "the group had planned riots in the capital".
- Force posture done jointly with a partner is military cooperation (062): "stepped up joint
  patrols with the United States".
- A raid is a seizure of property (1711, as CAMEO's usage note for it says) when police or
  officials raid premises, and military force (190) when armed forces or armed groups raid,
  or a state raids another country: "Israeli troops raided the camp", "the Israeli raids on
  southern Lebanon", "insurgents raided police posts" against "police raided the offices".

An agreement takes the verb's own 019 row; a seizure keeps its row with the other code.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from casus.engine.contact_senses import spoken_to
from casus.engine.intents import HEDGING_MODALS
from casus.engine.phrases import of_object
from casus.engine.regrets import REGRET_CLASS, REGRET_LEMMA, regret
from casus.engine.sentences import document_words, sentence_of
from casus.engine.voice import raised_subjects
from casus.ontology.words import word_list, word_values

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from casus.engine.frames import Frame
    from casus.model import Actor
    from casus.ontology.lexicon import Lexicon, Pattern

ACCORD_CODE = "019"
APPEAL_ROOT = "02"
# 039 (intent to mediate) has no appeal twin; every other 03x code has its 02x
NO_APPEAL_TWIN = "039"
ACT_ROOT = "03"
HIJACK_CODE = "181"
CONFISCATE_CODE = "1711"
VESSEL_CLASS = "VESSEL"
# roles that act with the authority of a state (actor codes, not words: sides.py keeps its
# role sets the same way)
STATE_ROLES = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
# force posture (15x) that is joint ("stepped up joint patrols with the US") is cooperation
POSTURE_ROOT = "15"
JOINT_WORDS = frozenset({"joint", "combined"})
MILITARY_COOPERATION_CODE = "062"
# a raid by armed forces or armed groups is force (190), by police or officials a seizure
RAID_WORD = "raid"
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "SEP", "UAF"})
MILITARY_FORCE_CODE = "190"
PROTESTER_NOUNS = word_list("protester_nouns")
CROWD_WORDS = word_list("crowd_words")
DEMAND_ROOT = "10"
# the demand (104x) and the rally for the same thing (141x)
RALLY_FOR = {"1041": "1411", "1042": "1412", "1043": "1413", "1044": "1414"}
RALLY_CODE = "141"
PROTEST_CODES = frozenset({"14", "140", "141"})
COMPLAIN_CODE = "114"
# the entity label of a country or capital's name: "Iran protested" is the state
STATE_ENTITY = "GPE"
FORCE_ROOT = "19"
ASSAULT_CODE = "180"
REPRESSION_CODE = "175"
KILL_LEMMA = "kill"
CROWD_LEMMA = "crowd"
# where the people fired on are named: "fired on crowds", "opened fire on protesters"
FIRED_AT_PREPS = ("on", "at", "into", "against")
# roles of people with no arms of a state or an armed group (actor codes, as STATE_ROLES)
CIVILIAN_ROLES = frozenset({"CVL", "OPP", "EDU", "LAB", "BUS", "MED", "REL", "AGR", "HLH", "NGO"})
# the yieldings (08x) by the last digit of their appeal (025x), intent (035x), demand (105x)
# and refusal (124x) twins, as the CAMEO table numbers them; 083 (accede to reform) has none
YIELD_DETAIL = {"081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6"}
YIELD_TWINS = frozenset({"025", "035", "105", "124"})
# force not named more closely, which aircraft doing it makes an air attack (195): plain
# force, small arms, artillery ("jets destroyed tanks" is not fighting with tanks)
PLAIN_FORCE_CODES = frozenset({"19", "190", "193", "194"})
AERIAL_CODE = "195"
AIRCRAFT_CLASS = "AIRCRAFT"
# where the means of an attack is named: its agent ("by jets") or instrument ("with drones")
MEANS_PREPS = ("by", "with")
# nouns of people who do an act: "bomber" names an aircraft only where nothing says a person
# ("suicide bomber" is a person; its whole form must then be an aircraft)
AGENT_NOUNS = word_list("agent_nouns")
# The bare noun "strike" as a walkout (CAMEO 14x), and what makes it one.
STRIKE_LEMMA = "strike"
WALKOUT_ROOT = "14"
LABOUR_WORDS = word_list("labour_words")
WORKER_NOUNS = word_list("worker_nouns")
STRIKE_MODIFIERS = word_list("strike_modifiers")
SPAN_SUFFIXES = ("-hour", "-day", "-week")
# consultation (040) and negotiation (046) held at a distance are a telephone discussion (041)
DISTANT_CODES = frozenset({"04", "040", "046"})
TELEPHONE_CODE = "041"
TELEPHONE_NOUNS = word_list("telephone_nouns")
# the prepositions of the line talked over: "by phone", "over the hotline", "in a video call"
LINE_PREPS = frozenset({"by", "over", "on", "via", "in", "during"})
# administrative sanctions (172, not the 172x named more closely) and the reduction of
# relations (160) they are when aimed at another country; the sides of that country they fall
# on: its state, firms, people and forces (not its rebels, media or parties)
ADMIN_SANCTION_CODE = "172"
REDUCE_CODE = "160"
FOREIGN_SIDE_ROLES = frozenset({"GOV", "BUS", "CVL", "MIL"})
BARRED_NOUNS = word_list("barred_nouns")
# a foreign state's officials or a person barred ("imposed entry bans on him") are sanctioned
# one by one (163, as travel bans are), not the ties between states reduced
SANCTION_CODE = "163"
PERSON_NOUNS = word_list("person_nouns")
PERSON_PRONOUNS = frozenset({"him", "her"})
BANNED_ON_PREP = "on"
# the plain threat (130) of a verb of warning: with no addressee and only a possibility in its
# that-clause ("could", "may", "might") the warning is a forecast
PLAN_LEMMAS = frozenset({"plan", "intend"})
THREAT_ROOT = "13"
THREAT_CODE = "130"
WARNING_LEMMA = "warn"
MODAL_TAG = "MD"
# what makes a hedged warning a threat all the same: a response or force named in it ("could
# face serious consequences", "could be met with force")
THREAT_CLASSES = frozenset({"HARSH_RESPONSE", "ATTACK", "TROOPS"})
# hosting (043) and praise (051): "welcome" takes the first for a person, the second for an act
HOST_CODE = "043"
PRAISE_CODE = "051"
WELCOME_LEMMA = "welcome"
HOSTED_NOUNS = word_list("hosted_nouns")
# things someone made (a verdict, ruling, designation, resolution): never a guest
MADE_NOUNS = frozenset(word_values("authored_nouns"))
# what makes a complement a clause with its own subject: "agreed (that) there was a need"
FINITE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def accord(frame: Frame, pattern: Pattern | None, lexicon: Lexicon) -> Pattern | None:
    """Accord (019) and agreement to act (03) told apart by the complement. A plain agreement
    (root 03, no object, no complement roots) with a that-clause is accord: "the ministers
    agreed that talks were the only way" (019); an accord row with an infinitive is an
    agreement to act: "agreed with Russia to extend the corridor" (030). "agreed to hold
    talks" (036) and "agreed a ceasefire" (0871) are kept."""
    if (
        pattern is None
        or pattern.obj is not None
        or pattern.comp
        or frame.kind != "verb"
        or frame.objects
    ):
        return pattern
    if pattern.code[:2] == ACT_ROOT and any(_finite_clause(c) for c in frame.complements):
        wanted = ACCORD_CODE
    elif pattern.code == ACCORD_CODE and any(_infinitive(c) for c in frame.complements):
        wanted = ACT_ROOT
    else:
        return pattern
    rows = [
        p
        for p in lexicon.candidates("verb", frame.lemma or frame.pred.lemma_.lower())
        if p.code.startswith(wanted) and p.obj is None and not p.comp and p.particle is None
    ]
    return min(rows, key=lambda p: p.specificity, default=pattern)


def appeal(frame: Frame, pattern: Pattern | None) -> Pattern | None:
    """The 02x twin of a 03x intent when the verb of wanting has someone else to act (its
    raised object): "Berlin wants Moscow to resume gas deliveries" is an appeal (02x)."""
    if (
        pattern is None
        or pattern.code[:2] != ACT_ROOT
        or pattern.code.startswith(NO_APPEAL_TWIN)
        or not any(
            o in raised_subjects(frame.pred, c) for c in frame.complements for o in frame.objects
        )
    ):
        return pattern
    return replace(pattern, code=APPEAL_ROOT + pattern.code[2:])


def yield_detail(pattern: Pattern, codes: set[str]) -> Pattern:
    """The 4-digit twin of a plain appeal, intent, demand or refusal to yield when its
    complement says what is yielded: "urged both sides to exercise restraint" (087) is an
    appeal for de-escalation (0256), "pledged to free the hostages" (0841) an intent to
    release (0353), "demanded that Tehran lift the ban" (081) a demand to ease
    administrative sanctions (1051). Two different yieldings keep the plain code."""
    if pattern.code not in YIELD_TWINS:
        return pattern
    details = {YIELD_DETAIL[code[:3]] for code in codes if code[:3] in YIELD_DETAIL}
    if len(details) != 1:
        return pattern
    return replace(pattern, code=pattern.code + details.pop())


def by_telephone(pattern: Pattern, frame: Frame) -> Pattern:
    """A consultation or negotiation held over a line is a telephone discussion, CAMEO 041:
    "discussed the situation by telephone with Japarov", "the two army chiefs spoke over
    their hotline", "talked with Zelensky in a video call"."""
    if pattern.code not in DISTANT_CODES or frame.kind != "verb":
        return pattern
    lines = [
        g
        for p in frame.pred.children
        if p.dep_ == "prep" and p.lower_ in LINE_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if not any(form in TELEPHONE_NOUNS for g in lines for form in _noun_forms(g)):
        return pattern
    return replace(pattern, code=TELEPHONE_CODE)


def by_aircraft(pattern: Pattern, frame: Frame, lexicon: Lexicon) -> Pattern:
    """Force used by aircraft or drones is an air attack, CAMEO 195 ("employ aerial
    weapons"): "Israeli aircraft pounded the Gaza Strip", "French jets destroyed government
    tanks", "struck the depot with drones", "an attack by helicopter gunships"."""
    if pattern.code not in PLAIN_FORCE_CODES:
        return pattern
    # the phrase on the predicate itself: in "shelled villages and attacked the airport with
    # drones" the drones are the attack's, not the shelling's
    means = list(frame.subjects) + [
        g
        for p in frame.pred.children
        if p.dep_ in ("prep", "agent") and p.lower_ in MEANS_PREPS and p.lower_ != pattern.prep
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if not any(_aircraft(m, lexicon) for m in means):
        return pattern
    return replace(pattern, code=AERIAL_CODE)


def _aircraft(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names aircraft: its lemma ("Rafale jets") or its whole compound
    ("fighter jet"); a noun of a person who acts only by its whole form."""
    forms = _noun_forms(noun)
    if forms[0] in AGENT_NOUNS:
        forms = forms[-1:]
    return any(AIRCRAFT_CLASS in lexicon.classes_of(form) for form in forms)


def _noun_forms(noun: Token) -> list[str]:
    """A noun's lemma, then with its compounds before it: "call", "phone call"."""
    lemma = noun.lemma_.lower()
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return [lemma, " ".join([*compounds, lemma])] if compounds else [lemma]


def for_sides(
    pattern: Pattern, frame: Frame, source: Actor, targets: list[Actor | None]
) -> Pattern:
    """The pattern for who acts on whom: a ban abroad (:func:`abroad`), a raid by armed
    forces (:func:`raid_sense`), a joint show of force with a partner (:func:`joint_posture`),
    speech to a state's office (:func:`~casus.engine.contact_senses.spoken_to`)."""
    pattern = raid_sense(abroad(pattern, frame, source, targets), source, targets)
    pattern = spoken_to(pattern, targets)
    return joint_posture(pattern, frame, targets)


def joint_posture(pattern: Pattern, frame: Frame, targets: list[Actor | None]) -> Pattern:
    """Force posture (15x) whose object is joint, done with a partner, is military
    cooperation (062, as CAMEO's 0212 note counts "joint military maneuvers or exercises"):
    "the Philippines stepped up joint patrols with the United States" is PHL → USA 062, not a
    show of force against it."""
    if pattern.code[:2] != POSTURE_ROOT or not any(t is not None and t.known for t in targets):
        return pattern
    if not any(
        c.dep_ == "amod" and c.lower_ in JOINT_WORDS for o in frame.objects for c in o.children
    ):
        return pattern
    return replace(pattern, code=MILITARY_COOPERATION_CODE)


def raid_sense(pattern: Pattern, source: Actor, targets: list[Actor | None]) -> Pattern:
    """A raid (1711) by armed forces, by an armed group, or by a state on another country
    is military force (190): "Israeli forces carried out a raid on the camp", "rebels raided
    two army posts"; police raiding offices keep 1711 ("police raided the newspaper")."""
    if pattern.code != CONFISCATE_CODE or RAID_WORD not in (pattern.lemma, pattern.obj):
        return pattern
    armed = bool(set(source.roles) & ARMED_ROLES)
    state = source.known and not source.roles and source.code == source.country
    abroad_ = any(t is not None and t.known and _foreign_side(source, t) for t in targets)
    if armed or (state and abroad_):
        return replace(pattern, code=MILITARY_FORCE_CODE)
    return pattern


def abroad(pattern: Pattern, frame: Frame, source: Actor, targets: list[Actor | None]) -> Pattern:
    """Administrative sanctions (172) aimed at another country reduce relations, CAMEO 160:
    172 is "aimed at curbing the rights of civilians" (the state's own), while banning
    another country's aircraft, trucks or ships is what CAMEO's 160 example, "a suspension of
    air links", is: "Bamako banned Algerian aircraft from Malian skies", "Russia barred
    Polish trucks from its roads". What is barred is that country's state, or its aircraft,
    ships, goods, firms or people (barred_nouns); a ban on a foreign group ("the Palestinian
    group Samidoun") or its media keeps its code. Barring that country's officials or a
    person is a sanction on them (163): "barring eight senior US officials from entering"."""
    if pattern.code != ADMIN_SANCTION_CODE or not source.known:
        return pattern
    barred = any(o.lemma_.lower() in BARRED_NOUNS for o in frame.objects)
    if not barred and not any(t is not None and "GOV" in t.roles for t in targets):
        return pattern
    known = [t for t in targets if t is not None and t.known]
    if not known or not all(_foreign_side(source, t) for t in known):
        return pattern
    barred_people = list(frame.objects) + frame.preps.get(BANNED_ON_PREP, [])
    if any(t.lemma_.lower() in PERSON_NOUNS or t.lower_ in PERSON_PRONOUNS for t in barred_people):
        return replace(pattern, code=SANCTION_CODE)  # "barring eight US officials from entering"
    return replace(pattern, code=REDUCE_CODE)


def _foreign_side(source: Actor, target: Actor) -> bool:
    """Whether a target is another country's state, firms, people or forces."""
    return (
        target.country is not None
        and target.country != source.country
        and set(target.roles) <= FOREIGN_SIDE_ROLES
    )


def welcomed_act(pattern: Pattern, frame: Frame, lexicon: Lexicon) -> Pattern:
    """Welcoming an act is praise (051), not hosting a visit (043): "the United States
    welcomed the Rwandan deployment", "welcomed the resumption of grain shipments". The plain
    hosting row is the verb's fallback; an event noun as its object, or in its "of" phrase,
    names an act, unless the object is a visit or an arrival ("welcomed the arrival of the
    president" hosts him). A thing someone made is no guest either: "welcomed the verdict",
    "welcomed Washington's designation of the group" (CAMEO 051: welcome a policy or action)."""
    if (
        pattern.code != HOST_CODE
        or pattern.lemma != WELCOME_LEMMA
        or pattern.obj is not None
        or frame.kind != "verb"
    ):
        return pattern
    acts = [
        noun
        for o in frame.objects
        if o.lemma_.lower() not in HOSTED_NOUNS
        for noun in (o, of_object(o))  # "the resumption of grain shipments"
        if noun is not None
        and (noun.lemma_.lower() in MADE_NOUNS or lexicon.has_lemma("noun", noun.lemma_.lower()))
    ]
    if not acts:
        return pattern
    return replace(pattern, code=PRAISE_CODE)


def forecast(pattern: Pattern | None, frame: Frame, lexicon: Lexicon) -> Pattern | None:
    """A warning that something may happen is no threat (CAMEO 130 is a warning "with
    serious potential repercussions" from whoever warns): "humanitarian officials warned that
    the water supply could run out", "the UN warned that the fighting could spread to Chad"
    are forecasts (None). A warning to someone ("warned Iran that ..."), of what will be
    ("would face the full force of the law"), of a response or force ("could face serious
    consequences", "could be met with force") or of what will be done to someone (a passive:
    "could be arrested") stays a threat."""
    if (
        pattern is None
        or pattern.code != THREAT_CODE
        or pattern.lemma != WARNING_LEMMA
        or pattern.obj is not None
        or pattern.prep is not None
        or frame.kind != "verb"
        or frame.objects
        or any(c.dep_ == "dative" for c in frame.pred.children)
    ):
        return pattern
    clauses = [c for c in frame.complements if _finite_clause(c)]
    if clauses and all(_possibility(c, lexicon) for c in clauses):
        return None
    return pattern


def _possibility(clause: Token, lexicon: Lexicon) -> bool:
    """Whether a that-clause only says something may happen or is happening: a
    "could/may/might", or no modal at all ("aid groups warned that sanctions were making it
    hard to pay staff": what is, not what the speaker will do), with no passive (something
    done to someone) and no response or force named."""
    modals = [a for a in clause.children if a.dep_ == "aux" and a.tag_ == MODAL_TAG]
    return (
        all(a.lower_ in HEDGING_MODALS for a in modals)
        and not any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children)
        and not any(
            lexicon.classes_of(t.lemma_.lower()) & THREAT_CLASSES
            for t in clause.subtree
            if t.pos_ == "NOUN"
        )
    )


def strike_sense(pattern: Pattern | None, noun: Token) -> Pattern | None:
    """The bare noun "strike" read as a walkout (143), or no pattern where it names force. It
    is a walkout when its own modifier says so ("a general strike", "a 48-hour strike"), when
    someone goes "on strike", when its sentence names who strikes ("the strike by bus
    drivers") or when the story speaks of labour disputes ("the union", "wages"); in any
    other story it names the military strikes the story is about ("Israeli strikes have
    killed more than 100 fighters"), which the noun alone does not code (a violent verb or
    "strikes on X" does)."""
    if (
        pattern is None
        or pattern.lemma != STRIKE_LEMMA
        or pattern.obj is not None
        or pattern.code[:2] != WALKOUT_ROOT
    ):
        return pattern
    if noun.head.lower_ == "on" or any(
        c.lower_ in STRIKE_MODIFIERS or c.lower_.endswith(SPAN_SUFFIXES) for c in noun.children
    ):
        return pattern
    if any(t.lower_ in WORKER_NOUNS for t in sentence_of(noun)):
        return pattern
    return pattern if _labour_story(noun.doc) else None


def _labour_story(doc: Doc) -> bool:
    """Whether the story speaks of labour disputes, in words that are no part of a name ("the
    union", not "the European Union" or "the Kurdistan Workers' Party")."""
    if LABOUR_WORDS.isdisjoint(document_words(doc)):
        return False
    return any(t.lower_ in LABOUR_WORDS and t.pos_ != "PROPN" for t in doc)


def by_agent(pattern: Pattern, source: Actor, frame: Frame) -> Pattern:
    """The pattern for who acts: a state agent (government, police, military, courts)
    seizing a vessel confiscates it (1711), anyone else hijacks it (181); protesters
    demanding something rally for it (141x); civilians using force assault (180); a state
    protesting complains officially (114). The matched row stays the event's ``pattern``."""
    if pattern.lemma == REGRET_LEMMA or pattern.obj == REGRET_CLASS:
        return regret(pattern, frame)
    if pattern.code in PROTEST_CODES and (_state(source) or _named_state(source, frame)):
        return replace(pattern, code=COMPLAIN_CODE)
    if (
        pattern.code in PLAIN_FORCE_CODES
        and pattern.lemma != KILL_LEMMA
        and _state_agent(source)
        and _at_protesters(frame)
    ):
        return replace(pattern, code=REPRESSION_CODE)
    if (
        pattern.code[:2] == FORCE_ROOT
        and source.how != "pronoun"  # "the neighbours fought a war": states, resolved
        and source.roles
        and set(source.roles) <= CIVILIAN_ROLES
    ):
        return replace(pattern, code=ASSAULT_CODE)
    if pattern.code[:2] == DEMAND_ROOT and _protesters(frame):
        return replace(pattern, code=RALLY_FOR.get(pattern.code[:4], RALLY_CODE))
    if pattern.code != HIJACK_CODE or pattern.obj != VESSEL_CLASS or not _state_agent(source):
        return pattern
    return replace(pattern, code=CONFISCATE_CODE)


def _state(actor: Actor) -> bool:
    """Whether a side is a state speaking as one: its government or a capital standing for
    it ("Moscow"). A bare country may be its people ("thousands of Iranians protested")."""
    return "GOV" in actor.roles


def _named_state(actor: Actor, frame: Frame) -> bool:
    """Whether a bare country side is named as the state, a country or capital's name or
    "it" ("Iran strongly protested the arrest", "Tehran protested"), not its people
    ("thousands of Iranians protested")."""
    if actor.roles or actor.code is None or actor.code != actor.country:
        return False
    span = frame.pred.doc.char_span(actor.start, actor.end)
    if span is None:
        return False
    head = span.root
    return head.lower_ == "it" or (head.tag_ == "NNP" and head.ent_type_ == STATE_ENTITY)


def _state_agent(actor: Actor) -> bool:
    """Whether a side acts as a state's agent: its government, police, forces or courts, or
    the bare country ("Iran seized a Greek-flagged tanker": its forces did)."""
    if actor.roles:
        return any(role in STATE_ROLES for role in actor.roles)
    return actor.code is not None and actor.code == actor.country


def _protesters(frame: Frame) -> bool:
    """Whether the frame's own subject is people protesting: "the protesters", "thousands of
    demonstrators", "crowds" (not "opposition leaders demanded"). A participle that takes
    its subject from a protest ("gathered outside the venue, demanding that ...") is the
    protest's purpose, which the protest itself codes."""
    own = [c for c in frame.pred.children if c.dep_ == "nsubj"]
    return bool(own) and all(
        s.lemma_.lower() in PROTESTER_NOUNS or s.lower_ in CROWD_WORDS for s in own
    )


def _at_protesters(frame: Frame) -> bool:
    """Whether force is aimed at people protesting: "fired on crowds", "opened fire on
    hundreds of demonstrators" (a number's "of" phrase read through), not "on rebels"."""
    aimed = list(frame.objects) + [o for p in FIRED_AT_PREPS for o in frame.preps.get(p, [])]
    heads = [of_object(a) or a if a.lower_ in CROWD_WORDS else a for a in aimed]
    lemmas = {h.lemma_.lower() for h in heads}
    return bool(lemmas & PROTESTER_NOUNS) or CROWD_LEMMA in lemmas


def _infinitive(comp: Token) -> bool:
    """ "agreed with Russia to extend the corridor": a "to" infinitive."""
    return comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)


def _finite_clause(comp: Token) -> bool:
    """Whether a complement is a clause with a subject of its own (a that-clause), not an
    infinitive: "agreed (that) the dispute should be settled", not "agreed to settle"."""
    return comp.dep_ == "ccomp" and any(c.dep_ in FINITE_SUBJECT_DEPS for c in comp.children)


def standing_plan(pattern: Pattern | None, frame: Frame) -> Pattern | None:
    """A plan or intention of a conflictual act (a 13x row of "plan", "intend") is a threat
    only when stated as standing: "plans to", "is planning to", "has intended to". Told in the
    past ("had planned riots", "planned to attack the embassy last year") it is None."""
    if (
        pattern is None
        or pattern.lemma not in PLAN_LEMMAS
        or not pattern.code.startswith(THREAT_ROOT)
        or frame.kind != "verb"
    ):
        return pattern
    pred = frame.pred
    past = pred.tag_ == "VBD" or any(
        a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in pred.children
    )
    return None if past else pattern
