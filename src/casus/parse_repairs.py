"""Repairs of parser errors that hide whole events.

- An all-capital acronym before a role noun taken for a verb or an adjective ("ECOWAS heads of
  state suspended Mali", "SADC defence chiefs met"). The small English model reads such a name
  as a verb of its own (even as the sentence's root, the real verb hanging off it as an
  adverbial clause), so the clause has no subject and its act no source. The acronym is made a
  proper-noun compound of its noun, and a verb left without a subject by a root acronym becomes
  the root with that noun as subject.
- "whom" taken for a subject or an apposition ("Lai, whom Beijing called a parasite";
  "the activist, whom Russian police arrested in March"): "whom" is always an object, so the
  noun after it is made the clause's subject and "whom" its object, which the engine reads as
  the noun the clause hangs on.
- A participle of feeling after "be" taken for an adjective or its complement ("ECOWAS said it
  was deeply concerned by ...", 'it was "extremely alarmed" by the assault'): it is
  made the passive participle it is, "be" its auxiliary and the subject its passive subject,
  so that the engine reads the feeling as the subject's (engine/voice.py).
- An acronym right after its verb's object noun read as a clause of the verb ("left the West
  African bloc ECOWAS": ECOWAS an xcomp of "left"): it is made the noun's apposition.
- A past form the model leaves as written ("Azerbaijan retook the region": lemma "retook"):
  its lemma is taken from words/values.tsv (verb_lemmas), so the lexicon's retake rows apply.
- An appeal in the present tense after "and", as press releases write it, read as a plural
  noun ("The EU condemns the arrests and **calls** on Moscow to release them": "calls" a
  conjunct of "arrests", "release" a clause of "condemns" with "arrests" its subject), or
  with its "on" read as the infinitive's marker ("condemns the strikes and calls on Israel to
  stop"): it is made the verb it is, a conjunct of the verb before it, with "on" its
  preposition and the infinitive its clause, so that the appeal is coded (02x) and not the
  act appealed for as the speaker's own.
- A noun in -ing after a determiner read as a verb that holds a noun's place ("Islamabad closed
  the Torkham **crossing**": a VERB "cross" as the object): it is made the noun it is, with
  its own form as lemma, so that the lexicon's object classes match it; after a name, read as
  a clause of the verb the name became the object of ("closed the Torkham **crossing** the
  following day"), it is made the head of the name's phrase.
- "outside" or "inside" read as an adjective of the verb's object ("protesters gathered
  **outside parliament**": outside/amod of the object "parliament"): it is made the verb's
  preposition, the noun its object, so that the place is a place and not what was gathered.
- A verb's object read as the object of its particle, as the model does in the present tense
  ("Belgrade breaks **off** diplomatic **relations** with the United States": relations/pobj
  of off/prt): it is made the verb's direct object, so that "break off" + RELATIONS codes.
- A particle between a verb and its object read as an adverb ("Egypt calls **back** its
  ambassador", "Russia pulled **back** its troops": back/advmod): it is made the particle it is,
  so that the lexicon's phrasal verbs ("call back", "pull back") code.
- A destination read as the phrase of a participle on the verb's object ("Eritrea sent a
  delegation led by Yemane **to Addis Ababa**": "to" hung off "led"): after the participle's
  "by" phrase it is the verb's own, so that "send delegation to" codes its visit."""

from __future__ import annotations

from typing import Any

from casus.ontology.words import word_list, word_values

# A verb the parser hung off a root acronym: the sentence's real predicate.
_HUNG_VERB_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "acl", "relcl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What the parser may take an acronym for: a verb (also a finite auxiliary tag) or an adjective.
_MISREAD_POS = frozenset({"VERB", "AUX", "ADJ"})
# Verbs of feeling whose participle after "be" the parser may read as an adjective.
_FEELINGS = word_list("stimulus_participles")
# What the parser may take an acronym after its verb's object for ("left the bloc ECOWAS").
_TRAILING_DEPS = frozenset({"xcomp", "advcl", "oprd", "npadvmod", "dep", "ccomp", "dobj"})
# past forms the model leaves unlemmatised: "retook" -> retake
_VERB_LEMMAS = word_values("verb_lemmas")
# present forms of appealing the model reads as plural nouns after "and", and the words that
# follow them ("and calls on/upon all parties to", "and calls for the release of")
_APPEAL_FORMS = {"calls": "call", "appeals": "appeal"}
_APPEAL_PREPS = frozenset({"on", "upon", "for", "to"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl"})
# nouns in -ing the parser may read as verbs, and the places of a noun it gives them
_ING_NOUNS = word_list("ing_nouns")
_NOUN_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos"})
# prepositions of place the parser may read as an adjective before the verb's object
_PLACE_PREPS = frozenset({"outside", "inside"})
# a that-clause the parser may hang on the time noun of the verb's duration phrase ("warned
# for months that ..."), and what marks it as a complement, not a relative clause
_NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
_DURATION_PREPS = frozenset({"for", "since", "over"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# particles the parser may read as adverbs between a verb and its object
_ADVERB_PARTICLES = frozenset({"back", "home", "off", "out", "away", "down", "up"})


def repair_acronyms(doc: Any) -> Any:
    """Re-attach each misread acronym of ``doc`` (a spaCy Doc) to the noun it names, and make
    each "whom" read as a subject the object of its clause."""
    for token in doc:
        lemma = _VERB_LEMMAS.get(token.lower_)
        if lemma is not None and token.lemma_.lower() == token.lower_:
            token.lemma_ = lemma
        elif _misread_noun(token):
            token.pos_, token.tag_, token.lemma_ = "NOUN", "NN", token.lower_
        elif _misread_named_noun(token):
            _repair_named_noun(token)
        elif token.dep_ == "pobj" and _particle_object(token):
            token.head, token.dep_ = token.head.head, "dobj"  # "breaks off diplomatic relations"
        elif token.dep_ == "advmod" and _misread_particle(token):
            token.dep_, token.pos_, token.tag_ = "prt", "ADP", "RP"  # "calls back its envoy"
            for child in token.head.children:
                if child.dep_ == "oprd" and child.i > token.i:
                    child.dep_ = "dobj"  # "called home its envoy": no "called X Y"
        elif token.lower_ == "to" and token.dep_ == "prep" and _participle_destination(token):
            token.head = token.head.head.head  # "sent a delegation led by Yemane to Addis"
        elif _misread_place(token):
            noun = token.head
            token.head, token.dep_, token.pos_, token.tag_ = noun.head, "prep", "ADP", "IN"
            noun.head, noun.dep_ = token, "pobj"
        elif token.dep_ in _NOUN_CLAUSE_DEPS and _duration_clause(token):
            token.head, token.dep_ = token.head.head.head, "ccomp"  # "warned for months that"
    for token in doc[:-1]:
        if _misread(token):
            _repair(token, doc[token.i + 1])
        elif token.lower_ == "whom" and token.dep_ in ("nsubj", "nsubjpass", "appos"):
            _repair_whom(token)
        elif token.dep_ == "acomp" and token.pos_ in ("ADJ", "VERB") and token.head.lemma_ == "be":
            _repair_feeling(token)
        elif token.lower_ in _APPEAL_FORMS and token.i > 0:
            _repair_appeal(token)
        elif token.i > 0 and _trailing_acronym(token):
            verb = token.head  # "left the West African bloc ECOWAS in January"
            for child in list(token.children):
                child.head = verb  # "in January" is the verb's
            token.head = doc[token.i - 1]
            token.dep_ = "appos"
            token.pos_ = "PROPN"
    return doc


def _misread_noun(token: Any) -> bool:
    """ "closed the Torkham crossing": an -ing noun after its determiner, read as a verb."""
    return (
        token.pos_ == "VERB"
        and token.lower_ in _ING_NOUNS
        and token.dep_ in _NOUN_DEPS
        and any(c.dep_ == "det" and c.i < token.i for c in token.children)
    )


def _misread_named_noun(token: Any) -> bool:
    """ "closed the Torkham crossing the following day": an -ing noun after a name, read as a
    clause of the verb whose object the name became."""
    if token.pos_ != "VERB" or token.lower_ not in _ING_NOUNS or token.i == 0:
        return False
    name = token.doc[token.i - 1]
    return bool(
        token.dep_ in _CLAUSE_DEPS
        and name.pos_ == "PROPN"
        and name.dep_ in _NOUN_DEPS
        and name.head.i == token.head.i
        and any(c.dep_ == "det" for c in name.children)
    )


def _repair_named_noun(token: Any) -> None:
    """Make the -ing word the head of the name's phrase ("the Torkham crossing"), what it
    governed the verb's ("the following day")."""
    name = token.doc[token.i - 1]
    verb = token.head
    for child in list(token.children):
        child.head = verb
        if child.dep_ == "dobj":
            child.dep_ = "npadvmod"
    token.pos_, token.tag_, token.lemma_ = "NOUN", "NN", token.lower_
    token.dep_ = name.dep_
    name.head, name.dep_ = token, "compound"
    for child in list(name.children):
        if child.dep_ in ("det", "amod", "poss") and child.i < name.i:
            child.head = token


def _particle_object(token: Any) -> bool:
    """ "breaks off diplomatic relations": an object hung off the verb's particle."""
    particle = token.head
    return bool(particle.dep_ == "prt" and particle.tag_ == "RP" and particle.head.pos_ == "VERB")


def _misread_particle(token: Any) -> bool:
    """ "calls back its ambassador": a particle right after its verb, before the verb's
    object, read as an adverb."""
    verb = token.head
    return bool(
        token.lower_ in _ADVERB_PARTICLES
        and verb.pos_ == "VERB"
        and token.i == verb.i + 1
        and any(c.dep_ in ("dobj", "oprd") and c.i > token.i for c in verb.children)
        and not any(c.dep_ == "dobj" and c.i < token.i for c in verb.children)
    )


def _participle_destination(to: Any) -> bool:
    """ "sent a delegation led by Yemane to Addis Ababa": a "to" phrase of a participle on the
    verb's object, after the participle's "by" phrase."""
    participle = to.head
    noun = participle.head
    return bool(
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and noun.dep_ == "dobj"
        and noun.head.pos_ == "VERB"
        and any(c.dep_ == "agent" and c.i < to.i for c in participle.children)
    )


def _misread_place(token: Any) -> bool:
    """ "gathered outside parliament": a preposition of place read as the object's adjective,
    first in the object's phrase."""
    if token.lower_ not in _PLACE_PREPS or token.dep_ != "amod":
        return False  # the cheap reading first: most tokens are neither
    noun = token.head
    return bool(noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and token.i == noun.left_edge.i)


def _duration_clause(clause: Any) -> bool:
    """ "had warned for months that the fighting could spread": a that-clause with a subject
    of its own, hung on the time noun of its verb's "for", "since" or "over" phrase."""
    noun = clause.head
    prep = noun.head
    return bool(
        noun.dep_ == "pobj"
        and noun.ent_type_ in _TIME_LABELS
        and prep.lower_ in _DURATION_PREPS
        and prep.head.pos_ == "VERB"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        and any(c.dep_ in _SUBJECTS and c.lower_ != "that" for c in clause.children)
    )


def _repair_feeling(adjective: Any) -> None:
    """Make "concerned" in "it was deeply concerned by ..." the passive participle of its
    verb, with "was" as its auxiliary and "it" as its passive subject."""
    lemma = _feeling_lemma(adjective.lower_)
    be = adjective.head
    if lemma is None or be.pos_ != "AUX":
        return
    for child in list(be.children):
        if child.i != adjective.i:
            child.head = adjective
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"
    if be.dep_ == "ROOT":
        adjective.head = adjective
    else:
        adjective.head = be.head
    adjective.dep_ = be.dep_
    be.head = adjective
    be.dep_ = "auxpass"
    adjective.pos_ = "VERB"
    adjective.tag_ = "VBN"
    adjective.lemma_ = lemma


def _trailing_acronym(token: Any) -> bool:
    """Whether an acronym right after its verb's object noun is a clause of the verb's own
    ("left the West African bloc ECOWAS": ECOWAS read as an xcomp of "left"); it names the
    noun before it, as an apposition."""
    noun = token.doc[token.i - 1]
    return (
        (token.is_upper or (token.is_title and token.pos_ in _MISREAD_POS))  # "Ecowas"
        and len(token) > 1
        and token.dep_ in _TRAILING_DEPS
        and noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and noun.head.i == token.head.i
    )


def _repair_appeal(word: Any) -> None:
    """Make "calls" in "condemns the arrests and calls on Moscow to release them" the verb
    conjoined to "condemns", with "on Moscow" and "to release them" its own."""
    doc = word.doc
    after, before = doc[word.i + 1], doc[word.i - 1]
    if after.lower_ not in _APPEAL_PREPS or before.dep_ != "cc":
        return
    verb = next((a for a in word.ancestors if a.pos_ == "VERB" and a.i < before.i), None)
    if verb is None or not (word.pos_ == "NOUN" or after.dep_ == "mark"):
        return
    if word.pos_ == "NOUN":
        word.pos_, word.tag_, word.lemma_ = "VERB", "VBZ", _APPEAL_FORMS[word.lower_]
        word.head, word.dep_ = verb, "conj"
        before.head = verb
        for clause in [c for c in verb.children if c.i > word.i and _infinitive_clause(c)]:
            for subject in [c for c in clause.children if c.dep_ == "nsubj" and c.i < word.i]:
                subject.head, subject.dep_ = verb, "dobj"  # "condemns the arrests"
            clause.head, clause.dep_ = word, "advcl"
        if after.dep_ == "prep" and after.head.i < word.i:
            after.head = word  # "appeals to the junta", read as "deplores ... to the junta"
    if after.dep_ == "mark" and after.head.head.i == word.i:
        after.head, after.dep_ = word, "prep"  # "calls on Israel to stop"
        for noun in [c for c in after.children if c.dep_ == "pobj"]:
            noun.head = after


def _infinitive_clause(token: Any) -> bool:
    """Whether a verb is a "to" clause the model hung on the verb before an appeal: as its
    complement, or as a conjunct when adverbs come between ("to immediately and
    unconditionally release")."""
    if token.dep_ in _CLAUSE_DEPS:
        return True
    return token.dep_ == "conj" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _feeling_lemma(word: str) -> str | None:
    """The verb of a participle of feeling: "concerned" -> concern, "worried" -> worry,
    "appalled" -> appal; None for any other word."""
    if not word.endswith("ed"):
        return None
    stem = word[:-2]
    for lemma in (stem, word[:-1], stem[:-1] + "y", stem[:-1]):
        if lemma in _FEELINGS:
            return lemma
    return None


def _repair_whom(whom: Any) -> None:
    """Make "whom" the object of its clause. In "whom Beijing called a parasite", Beijing
    (parsed as an apposition of "whom") is the subject; in "whom Russian police arrested",
    "arrested" (parsed as a participle of "police") is the relative clause's verb."""
    if whom.dep_ == "appos":
        antecedent = whom.head
        nouns = [t for t in antecedent.children if t.dep_ == "appos" and t.i > whom.i]
        verbs = [c for n in nouns[:1] for c in n.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        if not verbs or any(c.dep_ in ("dobj", *_SUBJECTS) for c in verbs[0].children):
            return
        verb, noun = verbs[0], nouns[0]
        verb.head = antecedent
        verb.dep_ = "relcl"
        if verb.tag_ == "VBN":
            verb.tag_ = "VBD"  # "arrested in March" with no auxiliary is a past tense
    else:
        verb = whom.head
        nouns = [t for t in whom.children if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN")]
        if verb.pos_ != "VERB" or not nouns or any(c.dep_ == "dobj" for c in verb.children):
            return
        noun = nouns[0]
    noun.head = verb
    noun.dep_ = "nsubj"
    whom.head = verb
    whom.dep_ = "dobj"


def _misread(token: Any) -> bool:
    """An all-capital word of two or more letters tagged a verb or adjective and followed by a
    common noun of its sentence: "ECOWAS heads", "SADC leaders" (not "IS" or "US" alone)."""
    if token.pos_ not in _MISREAD_POS:
        return False  # most words: checked first, since this runs on every token
    after = token.doc[token.i + 1]
    if after.pos_ == "ADJ" and after.head.pos_ == "NOUN" and after.head.i > after.i:
        after = after.head  # "ECOWAS foreign ministers"
    if not token.is_alpha or len(token.text) < 3 or after.pos_ != "NOUN" or after.is_sent_start:
        return False
    if token.text.isupper():
        return token.pos_ in ("VERB", "ADJ")
    # the casing stage hands "ECOWAS" to the parser as "Ecowas": a capitalised finite verb
    # before a noun is such a name (never "Iranian officials": adjectives stay as they are)
    return token.text.istitle() and token.tag_ in ("VBD", "VB", "VBP", "VBZ")


def _repair(acronym: Any, noun: Any) -> None:
    phrase = noun
    while phrase.dep_ in ("compound", "amod") and phrase.head.i > phrase.i:
        phrase = phrase.head  # "ECOWAS defence chiefs": the phrase's head is "chiefs"
    if acronym.dep_ == "ROOT":
        if not _promote_verb(acronym, phrase):
            return
    elif phrase in acronym.subtree:
        return  # a structure this repair does not know: leave the parse alone
    for child in list(acronym.children):
        child.head = acronym.head if acronym.dep_ != "ROOT" else phrase
    acronym.head = phrase
    acronym.dep_ = "compound"
    acronym.pos_ = "PROPN"
    acronym.tag_ = "NNP"


def _promote_verb(acronym: Any, phrase: Any) -> bool:
    """Make the verb the parser hung off a root acronym the root, its subject the acronym's
    noun: "[ECOWAS] heads of state suspended Mali" -> "heads ... suspended"."""
    if phrase.dep_ == "nsubj" and phrase.head.head == acronym and phrase.head.pos_ == "VERB":
        verbs = [phrase.head]  # "[Ecowas] heads suspended Mali": the verb has its subject
    elif phrase.head == acronym:
        # the verb hangs off the acronym or off its noun ("heads ... suspended" as acl)
        verbs = [
            c
            for c in list(acronym.children) + list(phrase.children)
            if c.dep_ in _HUNG_VERB_DEPS
            and c.pos_ == "VERB"
            and c.i > phrase.i
            and not any(g.dep_ in _SUBJECTS for g in c.children)
        ]
    else:
        return False
    if not verbs:
        return False
    verb = verbs[0]
    verb.head = verb
    for child in list(acronym.children):
        if child not in (verb, phrase):
            child.head = verb
    verb.dep_ = "ROOT"
    if verb.tag_ == "VBN":
        verb.tag_ = "VBD"  # "suspended Mali" with no auxiliary is a past tense, not a passive
    phrase.head = verb
    phrase.dep_ = "nsubj"
    return True


__all__ = ["repair_acronyms"]
