"""Which predicate a temporal expression dates: the climb from the expression to a verb, the
noun events that own an expression, and the predicates whose date an event shares.

docs/dates.md ("How the date is chosen") states the rules; the date stage
(``stages/dates.py``) resolves the expressions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from casus.engine.calls import call_host
from casus.engine.modality import is_future_locally, is_modal_locally, presupposed_clause
from casus.engine.phrases import verb_above
from casus.engine.sentences import sentence_of
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Links a date may climb to reach its predicate; a ccomp or relcl boundary stops it, so
# "Iran, which was attacked in 1980, signed the deal on Monday" keeps 1980 with "attacked".
DATE_CLIMB = frozenset(
    {
        "pobj",
        "prep",
        "npadvmod",
        "nummod",
        "compound",
        "amod",
        "appos",
        "advmod",
        "nmod",
        "tmod",
        "obl",
        "det",
        "quantmod",
        "pcomp",
        "dobj",
        "nsubj",
        "attr",
    }
)
FUTURE_GOVERNORS = word_list("future_governors")
REPORTING_VERBS = word_list("reporting_verbs")
_REPORT_KEY = "casus.report_of_time"  # a time's reporting verb by index (-1: none)
# Precisions coarser than a day: "his visit last week" dates the visit, while a day is the
# usual time of the reported act itself ("condemned the attack on Monday").
COARSE = frozenset({"week", "month", "year", "decade"})
# Units of an interval before "after"/"before": "two days after", "a week before".
INTERVAL_UNITS = frozenset({"day", "week", "month"})
# Marks of a past clause that sets the background of the clause it hangs on: its act came
# shortly before ("agreed on Monday to ban flights after Minsk arrested a journalist").
# "since" is left out: it opens a state that may go back years ("has been held since he was
# overthrown").
BACKGROUND_MARKS = frozenset({"after", "following", "once"})
# Words before "after" that put the background act on the same day: "hours after".
SOON_WORDS = frozenset(
    {"hour", "minute", "moment", "shortly", "soon", "just", "immediately", "right", "only"}
)
# Words that make an interval approximate: "little more than a week after" (the parser may
# leave "little more" on the main verb and only "than a week" on the clause).
APPROXIMATE = re.compile(
    r"^(?:(?:a )?little |just |only |barely |well )?"
    r"(?:more than|less than|over|under|nearly|almost|about|around|some|roughly|"
    r"approximately|than)\s+"
)
# Marks of a clause that shares its time with the clause it hangs on: "When the army
# attacked Omdurman in February, the paramilitaries shelled a hospital".
TIME_CLAUSE_MARKS = frozenset({"when", "as"})
# Adverbs that put an act after the time of the clause around it: "and later accused".
LATER_WORDS = frozenset({"later", "afterwards", "afterward", "subsequently", "eventually"})
# Prepositions of an end point or a deadline: "closed its border until Friday".
END_PREPOSITIONS = frozenset({"until", "till", "by"})
# Prepositions that make a noun event the setting of the verb they attach to.
SETTING_PREPOSITIONS = frozenset({"in", "at", "during", "on", "amid", "over", "while"})
# Prepositions whose noun's possessive time is the verb's ("in Tuesday's raid"); "on" and
# "over" also name a topic ("commented on Tuesday's raid").
POSSESSIVE_SETTINGS = frozenset({"in", "at", "during", "amid"})


def governed_by(anchor: Token, trigger: Token, *, loose: bool = False) -> bool:
    """Whether a date phrase (its root token) attaches to ``trigger``'s own clause. ``loose``
    also climbs through non-finite verbs inside the clause ("suspended talks on joining the EU
    last November"), never through a relative or reported clause, and never from a planned
    act up to the plan: in "plans to visit Tehran next month", next month is the visit's."""
    if anchor.dep_ == "poss" and anchor.head.i == trigger.i:
        return True  # a possessive time is its noun's: "condemned **Saturday's** bombing"
    report = report_of_time(anchor)
    if report is not None:  # "Trump said on Friday he would talk to Britain": said on Friday
        return report.i == trigger.i or (loose and governed_by(report, trigger, loose=True))
    t = anchor
    for _ in range(10):
        if t.i == trigger.i:
            return True
        if t.head.i == t.i:
            return False
        if t.pos_ in ("VERB", "AUX") and t.i != anchor.i:
            if not (
                loose
                and (
                    t.dep_ in ("pcomp", "xcomp", "acl")
                    and t.tag_ in ("VBG", "VB")
                    or _bare_participle(t)
                )
            ):
                return False
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in FUTURE_GOVERNORS:
                return False
            t = t.head
            continue
        if t.dep_ not in DATE_CLIMB and not (
            t.dep_ == "poss" and _setting_noun(t.head) or _argument_link(t) or _object_predicate(t)
        ):
            # the setting's own time is the act's: "arrested 15 people in **Tuesday's** raid"
            return False
        t = t.head
    return False


def _argument_link(t: Token) -> bool:
    """A passive's agent, or a noun conjoined to another, on the way up from a time the
    parser hung on the last noun of a passive's "by" phrase: "The tanker was surrounded by
    four vessels and a helicopter **on Friday afternoon**" (as "nsubj" and "dobj" climb)."""
    return t.dep_ == "agent" or t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")


def _object_predicate(t: Token) -> bool:
    """What the verb calls its object, or an adjective conjoined to it, on the way up from a
    time the parser hung on it: "Birmingham called the duties 'unjustified' and 'deeply
    disappointing' **on Friday**" (the calling was on Friday)."""
    return t.dep_ == "oprd" or t.dep_ == "conj" and t.pos_ == "ADJ"


def report_of_time(anchor: Token) -> Token | None:
    """The reporting verb that a time between it and the subject of its complement belongs
    to, where the parser hangs the time on the complement: "Trump said **on Friday** he
    would talk to Britain" (not "said that on Friday he would ...", inside the clause).
    Found once per time and kept with the Doc (by index: every trigger of the sentence asks
    about the same times)."""
    doc = anchor.doc
    memo: dict[int, int] = doc.user_data.setdefault(_REPORT_KEY, {})
    found = memo.get(anchor.i)
    if found is None:
        report = _report_of_time(anchor)
        found = memo[anchor.i] = -1 if report is None else report.i
    return None if found < 0 else doc[found]


def _report_of_time(anchor: Token) -> Token | None:
    phrase = anchor
    while phrase.dep_ in ("pobj", "prep", "npadvmod", "compound") and phrase.head.i != phrase.i:
        if phrase.head.pos_ in ("VERB", "AUX"):
            break
        phrase = phrase.head
    clause = phrase.head
    report = clause.head
    if clause.dep_ != "ccomp" or report.lemma_.lower() not in REPORTING_VERBS:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    marked = any(c.dep_ == "mark" and c.i < anchor.i for c in clause.children)
    if subject is None or marked or not report.i < anchor.i < subject.i:
        return None
    between = anchor.doc[report.i + 1 : anchor.left_edge.i]
    if any(t.pos_ in ("VERB", "AUX") for t in between):
        return None  # "said that the port would reopen, and the next day the navy escorted"
    return report


def _setting_noun(noun: Token) -> bool:
    """Whether a noun is the setting of the verb it hangs on: "arrested 15 people **in**
    Tuesday's **raid**", "killed **during** Sunday's **clashes**" (not "commented **on**
    Tuesday's raid", a topic)."""
    return noun.dep_ == "pobj" and noun.head.lower_ in POSSESSIVE_SETTINGS


def _bare_participle(verb: Token) -> bool:
    """A participle clause with no subject, mark or auxiliary of its own, set at its main
    clause's time: "**Speaking** to reporters on Monday, the minister said …", "in a
    communique **read out** on state television on Wednesday, Goita said …"; not "**Having**
    invaded in 2014, …"."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # a participle on the act's setting: "in a statement broadcast on Friday"
        noun = verb.head
        return noun.dep_ == "pobj" and noun.head.lower_ in SETTING_PREPOSITIONS
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBG", "VBN")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children
        )
    )


def modifies_a_name(anchor: Token, triggers: list[Token]) -> bool:
    """A year inside a name is no date of the event: "the 1961 Vienna Convention"; but "the
    2008 war" dates the war itself."""
    head = anchor.head
    return (
        anchor.dep_ in ("compound", "nummod", "amod", "nmod")
        and head.pos_ == "PROPN"
        and all(head.i != t.i for t in triggers)
    )


def light_verb(trigger: Token, events: frozenset[int] = frozenset()) -> Token | None:
    """The verb a noun event is the object or subject of ("paid a visit" → paid), unless that
    verb is an event of its own: in "Tehran criticised Bayramov's visit", criticising is not
    visiting, and the visit does not take the criticism's date."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        head = trigger.head if trigger.dep_ != "pobj" else trigger.head.head
        if head.pos_ in ("VERB", "AUX") and head.i not in events:
            return head
    return None


def with_light_verb(trigger: Token, events: frozenset[int] = frozenset()) -> list[Token]:
    """The trigger and the light verb it goes with (see ``light_verb``)."""
    light = light_verb(trigger, events)
    return [trigger] if light is None else [trigger, light]


def linked_predicates(trigger: Token) -> list[Token]:
    """Predicates whose date the trigger shares: its coordinated head, its control verb."""
    out = []
    t = trigger
    for _ in range(3):
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
            t = t.head
            out.append(t)
        else:
            break
    for child in trigger.children:
        if child.dep_ == "conj":
            out.append(child)
    # "Officials said Iran had seized a tanker in 2023, and they demanded its release": a
    # past perfect and a clause of its own in another tense are two times, not one
    out = [p for p in out if not _tense_break(trigger, p)]
    if trigger.dep_ == "relcl" and _set_in_head(trigger):
        out.append(trigger.head)  # "his visit last week, during which he opened an embassy"
    place_verb = _where_host(trigger)
    if place_verb is not None:
        out.append(place_verb)
    host = call_host(trigger)
    if host is not None:
        out.append(host)  # "thanked Kagame in a telephone call last Thursday": the call's too
    verb = clause_verb(trigger) if trigger.dep_ == "acl" and trigger.tag_ == "VBN" else None
    if verb is not None:
        # a participle on a noun takes its clause's time, not another clause's: "…, and on
        # Sunday a truce committee brokered by Turkey held its first meeting"
        out.append(verb)
    return out


def past_perfect(verb: Token) -> bool:
    """Whether a verb is in the past perfect ("had seized", "had been warned"), also as a
    conjunct that shares its auxiliary ("had arrested him and charged him")."""
    for t in (verb, verb.head) if verb.dep_ == "conj" and not _own_subject(verb) else (verb,):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children):
            return t.tag_ == "VBN"
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _tense_break(trigger: Token, pred: Token) -> bool:
    """Whether two coordinated clauses, the second with a subject of its own, tell acts of
    two times: one in the past perfect, the other not ("Estonia had expelled a Russian
    diplomat in May, and Moscow vowed to respond": the vow is not May's)."""
    first, second = (trigger, pred) if pred.i > trigger.i else (pred, trigger)
    if second.dep_ != "conj" or second.head.i != first.i or not _own_subject(second):
        return False
    if not (first.pos_ in ("VERB", "AUX") and second.pos_ in ("VERB", "AUX")):
        return False
    return past_perfect(first) != past_perfect(second)


def _where_host(trigger: Token) -> Token | None:
    """The verb whose place a past "where" clause tells what happened at, for the
    trigger's clause or the clause its infinitive hangs on: "the unrest began **on January
    2** in Zhanaozen, **where residents came out to protest**" → began (the protest is of
    that time). Not a past perfect, which tells an older act at the place."""
    clause = trigger
    if clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VB" and clause.head.i != clause.i:
        clause = clause.head  # "came out **to protest**"
    if clause.dep_ != "relcl" or clause.tag_ != "VBD" or past_perfect(clause):
        return None
    if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return None
    return verb_above(clause.head, 10)


def _set_in_head(clause: Token) -> bool:
    """Whether a relative clause happens within its head noun: "during which", "at which"."""
    return any(
        c.dep_ == "prep"
        and c.lemma_.lower() in SETTING_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.tag_ == "WDT" for g in c.children)
        for c in clause.children
    )


def clause_verb(token: Token) -> Token | None:
    """The first verb above ``token``: the predicate its clause attaches it to."""
    return verb_above(token, 10)


def owning_noun(
    expression: Span,
    nouns: frozenset[int],
    *,
    coarse: bool,
    clause_has_other_time: bool,
) -> Token | None:
    """The noun event a temporal expression belongs to, or ``None``.

    It belongs to a noun event the parser attaches it to, or one whose noun phrase it
    directly follows, when the verb's clause has another time of its own ("On Monday, Iran
    fired missiles in response to U.S. strikes on its nuclear sites over the weekend") or
    the time is coarser than a day ("Tehran criticised Bayramov's visit to Israel last
    week"). Otherwise a day is the reported act's, as news writes it ("Pakistan protested
    against the attack on a border post on Monday"), whatever the parser attached it to.
    """
    if not (coarse or clause_has_other_time):
        return None
    anchor = expression.root
    t = anchor
    for _ in range(10):  # attached inside the noun phrase: below the noun, before any verb
        if t.head.i == t.i or t.pos_ in ("VERB", "AUX") and t.i != anchor.i:
            break
        t = t.head
        if t.i in nouns and t.i != anchor.i:
            return t
    if expression.start == 0:
        return None
    doc = expression.doc
    before = doc[expression.start - 1]
    if before.i == anchor.head.i and before.dep_ == "prep" and before.i > 0:
        before = doc[before.i - 1]  # "strikes on nuclear sites [over] the weekend"
    verb = clause_verb(anchor)
    for i in sorted(nouns):
        noun = doc[i]
        # right after a word of the noun's phrase, the noun first: "visit to Israel last week,
        # during which …" (the relative clause after the time is the noun's too)
        phrase_end = noun.i <= before.i and (before.i == noun.i or is_below(before, noun))
        if phrase_end and verb is not None and is_below(noun, verb):
            return noun
    return None


def is_setting(noun: Token, pred: Token) -> bool:
    """Whether a noun event is the setting of ``pred``, sharing its time: "Kurti told
    Stoltenberg in a telephone call on Monday" (the call is the telling)."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lemma_.lower() in SETTING_PREPOSITIONS
        and noun.head.head.i == pred.i
    )


def is_below(token: Token, ancestor: Token) -> bool:
    """Whether ``ancestor`` is above ``token`` in the parse."""
    return any(a.i == ancestor.i for a in token.ancestors)


def offset_clause(trigger: Token) -> tuple[str, Token] | None:
    """The interval and the main predicate of an "N units after/before" clause that holds
    the trigger: in "The march came **two days after** gunmen overran Mirebalais, freeing
    500 inmates", freeing is two days before the march → ("two days after", came). A
    relative clause in the past on a noun of that clause is of its time too: "a week after
    jets shot down drones **that had crossed** into Poland"."""
    t = trigger
    for _ in range(4):
        if t.dep_ == "relcl" and t.tag_ in ("VBD", "VBN"):
            verb = clause_verb(t.head)
            if verb is None:
                return None
            t = verb
        # a parse sentence whose root has a mark is the cut-off end of the one before: "The
        # incident came little more | than a week after jets shot down drones"
        if t.dep_ == "advcl" or t.dep_ == "ROOT" and t.i > 0:
            marks = [c for c in t.children if c.dep_ == "mark"]
            if marks and marks[0].lower_ in ("after", "before"):
                return _interval(t, marks[0])
            if marks:
                return None  # another subordinate clause ("when", "because") has its own time
        if t.dep_ not in ("advcl", "conj", "xcomp") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _interval(clause: Token, mark: Token) -> tuple[str, Token] | None:
    main = clause.head if clause.head.i != clause.i else _previous_root(clause)
    if main is None:
        return None
    for holder in (mark, clause, main):
        for child in holder.children:
            if holder is main and max(w.i for w in child.subtree) != mark.i - 1:
                continue  # "come **a month** after …": the interval just before the mark
            if child.dep_ == "npadvmod" and child.lemma_.lower() in INTERVAL_UNITS:
                amount = " ".join(w.lower_ for w in child.subtree if w.i < mark.i)
                if amount == child.lower_:
                    amount = f"a few {amount}"  # "days after": a few days
                return f"{amount} {mark.lower_}", main
    return None


def _previous_root(token: Token) -> Token | None:
    """The main verb of the sentence before ``token``'s, if any."""
    start = sentence_of(token).start
    return sentence_of(token.doc[start - 1]).root if start > 0 else None


def background_clause(trigger: Token) -> Token | None:
    """The past "after …" clause that holds the trigger, when it is the background of
    the clause it hangs on: in "EU leaders agreed on Monday to ban flights after Minsk forced
    a jet to land and arrested a journalist", the arrest came before Monday. An "N days after"
    clause is not background (``offset_clause`` dates it)."""
    if cut_after(trigger) is not None:
        return trigger
    t = trigger
    for _ in range(4):
        if t.dep_ == "advcl":
            marks = [c for c in t.children if c.dep_ == "mark"]
            if (
                marks
                and marks[0].lower_ in BACKGROUND_MARKS
                and _interval(t, marks[0]) is None
                and not _soon(t, marks[0])
                and presupposed_clause(t)
            ):
                return t
            return None
        if t.dep_ not in ("conj", "xcomp") or t.head.i == t.i:
            return None
        t = t.head
    return None


def cut_after(clause: Token) -> Token | None:
    """The "after" that the parser cut from a clause with a counted subject: in "signed a
    protocol on Monday **after four days of fighting killed** nearly 100 people" it reads
    "after four days of fighting" as a phrase of some verb before, and "killed" as a clause
    (or a conjunct) with no subject and no mark. The phrase must end just before the verb."""
    if clause.dep_ not in ("advcl", "conj") or clause.tag_ != "VBD" or clause.i == 0:
        return None
    if any(c.dep_ in ("mark", "nsubj", "nsubjpass", "cc") for c in clause.children):
        return None
    before = clause.doc[clause.i - 1]
    for prep in (before, *before.ancestors):
        if prep.dep_ == "prep" and prep.lower_ in BACKGROUND_MARKS:
            return prep if max(w.i for w in prep.subtree) == clause.i - 1 else None
    return None


def background_words(clause: Token) -> list[Token]:
    """The words of a background clause, with the "after" phrase the parser cut from it
    (``cut_after``)."""
    cut = cut_after(clause)
    return [*(cut.subtree if cut is not None else ()), *clause.subtree]


def end_point(anchor: Token) -> str | None:
    """The preposition that makes a time an end point or a deadline, not the time of an
    act: "closed its border **until** Friday", "ordered them to leave **by** Friday"; "no
    later than" is "by" ("ordered the Speaker to hold the vote **no later than**
    Saturday")."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in END_PREPOSITIONS:
        return str(anchor.head.lower_)
    later = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "than" else anchor
    if later.lower_ == "later" and any(c.dep_ == "neg" for c in later.children):
        return "by"
    return None


def came_later(trigger: Token) -> bool:
    """Whether the trigger's clause says its act came after the time around it: "Sudan's
    army shelled the market on Tuesday, and rights groups **later** accused it of war
    crimes" (the accusation is not Tuesday's)."""
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else clause_verb(trigger)
    return clause is not None and any(
        c.dep_ == "advmod" and c.lower_ in LATER_WORDS for c in clause.children
    )


def reported_earlier(trigger: Token) -> Token | None:
    """The past perfect clause reported by another verb that holds the trigger: its act came
    before the report, as a background clause's does ("Tehran denied the account on Friday,
    saying its navy **had warned** the tanker first"). Only the past perfect verb itself: a
    noun in its clause may name the story's own act ("said it had been warned of **the
    attack**"), and a relative clause ("drones that had crossed into Poland") is left to
    the rules for its noun."""
    if trigger.tag_ != "VBN" or not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in trigger.children
    ):
        return None
    clause = trigger
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    return clause


def time_clauses(trigger: Token) -> list[Token]:
    """The clauses that set the time of the trigger's clause: a "when" or "as" clause on its
    verb ("**When the army attacked Omdurman in February**, the paramilitaries shelled a
    hospital"), a fronted "while" clause, and a clause it continues after a colon, with that
    clause's own time clauses ("… when war broke out in November 2020: Eritrean troops
    crossed the border")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else clause_verb(trigger)
    if verb is None:
        return []
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "advcl" and _time_mark(child, fronted=child.i < verb.i):
            out.append(child)
        elif child.dep_ == "ccomp" and child.i < verb.i and _colon_between(child, verb):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "advcl" and _time_mark(c))
    return out


def _time_mark(clause: Token, *, fronted: bool = False) -> bool:
    """Whether a clause opens with "when" or "as" (or, fronted, "while"): a time it shares
    with the clause it hangs on. A trailing "while" is usually a contrast."""
    marks = TIME_CLAUSE_MARKS | ({"while"} if fronted else set())
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < clause.i
        for c in clause.children
    )


def _colon_between(first: Token, verb: Token) -> bool:
    return any(
        c.dep_ == "punct" and c.text == ":" and first.i < c.i < verb.i for c in verb.children
    )


def _soon(clause: Token, mark: Token) -> bool:
    """ "hours after", "shortly after", "soon after": the same day as the clause it hangs on,
    as near as news tells it ("released 52 prisoners on Thursday, hours after Lukashenko
    received a U.S. envoy")."""
    return any(
        c.lemma_.lower() in SOON_WORDS
        for holder in (mark, clause)
        for c in holder.children
        if c.dep_ in ("npadvmod", "advmod")
    )


def expressing_clause(trigger: Token) -> Token | None:
    """The verb that expresses a planned or threatened act: "Erdogan said on Saturday that
    Turkey **would launch** an operation" → said; "he was prepared **to meet** Rahmon next
    month" → the verb above "prepared". ``None`` when the act is the main clause, or a
    reported act that is neither future, modal nor an infinitive ("said it had agreed"). A
    conjunct is expressed by its head's verb: "said Washington would review its ties and
    **could impose** sanctions" → said."""
    if not (trigger.dep_ == "xcomp" or is_future_locally(trigger) or is_modal_locally(trigger)):
        return None
    t = trigger
    if t.dep_ == "conj" and t.head.dep_ in ("xcomp", "ccomp", "acomp"):
        t = t.head  # a conjunct inside the reported clause, not one of the reporting verb
    for _ in range(5):
        if t.dep_ not in ("xcomp", "ccomp", "acomp") or t.head.i == t.i:
            break
        t = t.head
    aside = _reporting_aside(t)
    if aside is not None:
        return aside  # "The UAE, he **affirmed**, will continue to stand by …"
    return t if t.i != trigger.i else None


def _reporting_aside(verb: Token) -> Token | None:
    """A reporting verb set in a clause as an aside ("The UAE, **he affirmed**, will
    continue …"; "Turkey would respond, **Erdogan warned**"), which the parser hangs on
    the clause it reports as a parenthetical."""
    for child in verb.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in REPORTING_VERBS:
            return child
    return None
