"""Actor resolution: every noun phrase in an argument position becomes a CAMEO actor.

Order of evidence (docs/actors.md): an office holder named in the phrase (date-checked), a
dictionary name at the head (country, bloc, IGO, group, capital or seat as metonym), a
country from modifiers (demonym, possessive, capital as compound), roles from the head noun
and its compounds; pronouns and definite descriptions by salience over earlier mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from casus.engine.acronyms import defined_by, named_before
from casus.engine.all_sides import all_sides, most_named
from casus.engine.blocs import allies_side, bloc_side
from casus.engine.collectives import (
    PAIR_NOUNS,
    PLAIN_PAIR_HEADS,
    doers_only,
    names_pair,
    pair_fits,
)
from casus.engine.conjuncts import member_actors
from casus.engine.context import NOT_COUNTRIES, country_evidence, is_country
from casus.engine.home_names import home_side
from casus.engine.listed_members import listed_members
from casus.engine.means import means_noun
from casus.engine.name_lookup import (
    MEMBER_NOUNS,
    compound_place,
    longer_place,
    person_named,
    phrase_names,
    phrase_roles,
    place_country,
    subdivision_country,
)
from casus.engine.named_again import Bearers
from casus.engine.named_objects import close_apposition
from casus.engine.phrases import (
    COUNTRY_NOUNS,
    OWNED_NOUNS,
    VOICE_NOUNS,
    agentive,
    appositions,
    clause_subject,
    is_heading,
    kind_of,
    member_of,
    of_object,
    phrase_tokens,
    relative_antecedent,
)
from casus.engine.relatives import relative_side
from casus.engine.salience import (
    ALL_PRONOUNS,
    HONORIFIC_HEADS,
    honorific,
    peers_in,
    pronoun,
    reporters,
    titled_head,
)
from casus.engine.salience import definite as salient_definite
from casus.engine.sentences import column, sentence_index, sentence_of, symbol_ids
from casus.model import Actor, Mention
from casus.ontology.actors import ActorDictionary, Entry, join_code, split_code
from casus.ontology.gazetteer import Gazetteer
from casus.ontology.words import word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ARG_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "iobj",
        "dative",
        "agent",
        "attr",
        "oprd",
        "conj",
        "appos",
        "poss",
        "npadvmod",
        "ROOT",
    }
)
# the same, as the names :func:`symbol_ids` takes; and the parts of speech of a phrase head
ARG_LABELS = tuple(sorted(ARG_DEPS))
NOUN_POS = ("NOUN", "PROPN", "PRON")
QUANTIFIER_HEADS = word_list("quantifier_heads")
RELATIONAL_NOUNS = word_list("relational_nouns")
# How many earlier mentions pronouns, definite descriptions and role-only actors look back over.
SALIENCE_WINDOW = 64
FORMER_WORDS = word_list("former_words")
# heads that stand for the institution of their "of" phrase ("the armed wing of Hamas")
INSTITUTION_HEADS = MEMBER_NOUNS | VOICE_NOUNS
# owners an institution head does not stand for: a place; for a follower, a person too
# ("supporters of Morales" are the country's civilians, not the former president)
PLACE_HOWS = frozenset({"place"})
PEOPLE_HOWS = frozenset({"place", "person"})
FOLLOWER_NOUNS = frozenset({"supporter"})
# bodies of an organisation that stand for it: "the Board of Governors of the IAEA"
ORGAN_NOUNS = word_list("organ_nouns")
ORGANISATION = "IGO"
NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})


@dataclass
class _Seen:
    """A mention in the salience history."""

    actor: Actor
    sentence: int
    token: int
    subject: bool
    kind: str  # person | thing | group


class Resolver:
    """Resolves noun-phrase heads of one parsed document to actors, remembering mentions."""

    def __init__(
        self,
        doc: Doc,
        dictionary: ActorDictionary,
        day: dt.date | None,
        gazetteer: Gazetteer,
        offset: int = 0,
        shown: str | None = None,
    ) -> None:
        self.doc = doc
        self.shown = shown  # the parsed text as written (same offsets), for actor spans
        self.dictionary = dictionary
        self.day = day
        self.gazetteer = gazetteer
        self.offset = offset
        self._cache: dict[int, Actor | None] = {}
        self.history: list[_Seen] = []  # in text order
        # the two sides of the latest event the engine coded nearby, which "the two sides"
        # and "both countries" refer to first (set by the engine before each frame)
        self.dyad: tuple[Actor, Actor] | None = None
        # the dateline's country, which "the army" and "the government" are before any
        # country is named (set by the actors stage)
        self.dateline: str | None = None
        self.dateline_place: str | None = None  # its place as written ("MADRID")
        # the state a capitalised "the Government" first stood for: it keeps standing for it
        self.house_states: dict[str, Actor] = {}
        self._seen_at: list[int] = []  # their token indexes, for bisect
        self.bearers = Bearers()  # people named in full, whom a bare surname refers back to

    # ---- public -------------------------------------------------------------------------
    def resolve_all(self) -> list[Mention]:
        """Resolve every argument-position noun phrase in text order; return the mentions."""
        mentions = []
        doc = self.doc
        # the parts of speech and labels from the Doc's columns: a Token only for the
        # arguments (a third of the nouns are compounds, modifiers and the like)
        pos, deps = column(doc, "POS"), column(doc, "DEP")
        nouns, args = symbol_ids(doc, NOUN_POS), symbol_ids(doc, ARG_LABELS)
        for i in range(len(doc)):
            if pos[i] in nouns and deps[i] in args:
                token = doc[i]
                actor = self.actor_for(token)
                if actor is not None:
                    mentions.append(Mention(actor, self.sentence_of(token), token.i))
        return mentions

    def actor_for(self, token: Token) -> Actor | None:
        """The actor named by the phrase headed by ``token`` (cached), or ``None`` when the
        phrase is not an actor at all (an abstract noun with no actor evidence)."""
        if token.i in self._cache:
            return self._cache[token.i]
        # a phrase is never its own antecedent: "Our government said ..." resolves "our" by
        # the speaker, the subject of "said", which is the phrase being resolved
        self._cache[token.i] = None
        actor = self._resolve(token)
        self._cache[token.i] = actor
        if actor is not None:
            self._record_bearer(token, actor)
        if (
            actor is not None
            and actor.code is not None
            and (actor.how != "pronoun" or self._house(token, actor) or titled_head(token))
        ):
            seen = _Seen(
                actor,
                self.sentence_of(token),
                token.i,
                token.dep_ in ("nsubj", "nsubjpass"),
                kind_of(actor, token),
            )
            # kept in text order (targets are resolved after the mentions that follow them)
            at = bisect.bisect(self._seen_at, token.i)
            self.history.insert(at, seen)
            self._seen_at.insert(at, token.i)
        return actor

    def _record_bearer(self, token: Token, actor: Actor) -> None:
        """Remember who a person's name stands for, for its surname alone later: the
        phrase's own name, or the name in apposition to a role ("Zambia's outgoing president
        Edgar Lungu")."""
        if token.pos_ == "PROPN":
            self.bearers.record(token, phrase_tokens(token), actor)
            return
        for name in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            self.bearers.record(name, phrase_tokens(name), actor)

    def _organ_of(self, head: Token, lemma: str) -> Actor | None:
        """The international organisation a body of it stands for, named by its "of" phrase:
        "The Peace and Security Council of the African Union suspended Burkina Faso" →
        IGOAFRAFU (a state's body keeps the other rules: "the Sovereignty Council of Sudan")."""
        if lemma not in ORGAN_NOUNS:
            return None
        # each "of" phrase, and one inside it: "the Board of Governors of the IAEA"
        inners = [g for c in head.children if c.lower_ == "of" for g in c.children]
        inners += [o for i in inners if (o := of_object(i)) is not None]
        for inner in inners:
            if inner.dep_ != "pobj":
                continue
            owner = self._resolve(inner)
            if owner is not None and owner.code is not None and owner.country == ORGANISATION:
                return owner
        return None

    def _house(self, token: Token, actor: Actor) -> bool:
        """Whether a capitalised "the Government" stands for the house's own state: as sure
        as a name, so later pronouns may refer to it ("the Government is providing support.
        Earlier this week, it signed arrangements with Germany")."""
        house = self.house_states.get(token.lemma_.lower())
        return token.tag_ == "NNP" and house is not None and house.country == actor.country

    def recent(self, token: Token) -> list[_Seen]:
        """The mentions before ``token``, at most :data:`SALIENCE_WINDOW` of them, oldest
        first: salience fades, and looking further back would make long documents
        quadratic."""
        end = bisect.bisect_left(self._seen_at, token.i)
        return self.history[max(0, end - SALIENCE_WINDOW) : end]

    def earlier(self, token: Token) -> list[_Seen]:
        """Every mention before ``token``, oldest first (for counts over the whole story so
        far; salience uses :meth:`recent`)."""
        return self.history[: bisect.bisect_left(self._seen_at, token.i)]

    def cached(self, index: int) -> Actor | None:
        """The actor already resolved at a token index, if any (resolves nothing)."""
        return self._cache.get(index)

    def actors_for(self, token: Token) -> list[Actor]:
        """Like :meth:`actor_for`, but one actor per coordinated country modifier: "Iranian
        and Russian officials" → IRNGOV and RUSGOV; and the pair a collective phrase refers
        back to: "the two sides", "both countries" → the last two countries named."""
        pair = self.collective(token) or reporters(self, token)  # "A and B said they ..."
        if pair:
            return pair
        if is_heading(token):
            # "HANOI/MANILA, June 3 – Vietnam and the Philippines signed ...": the apposition
            # after the heading, with its conjuncts
            named = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i), None)
            if named is None:
                return []
            conjuncts = [named] + [c for c in named.children if c.dep_ == "conj"]
            return [a for c in conjuncts for a in self.actors_for(c)]
        listed = listed_members(token, self.actor_for)  # "the members — Mali and Niger —"
        if listed:
            return listed
        actor = self.actor_for(token)
        members = member_actors(token, actor, self.actor_for, self.collective)  # from A and B
        if members or actor is None or actor.code is None:
            return members or ([actor] if actor is not None else [])
        out = [actor]
        out += self._whose_conjuncts(token, actor)
        for mod in token.children:
            if mod.dep_ not in ("amod", "compound", "nmod") or mod.i > token.i:
                continue
            for other in (c for c in mod.children if c.dep_ == "conj"):
                entries = [
                    e
                    for e in self.dictionary.find(other.text, self.day)
                    if e.kind in ("adj", "name")
                ]
                if not entries or actor.country is None:
                    continue
                country = split_code(entries[0].code).country
                code = country + actor.code[len(actor.country) :]
                out.append(
                    Actor(code, country, actor.roles, actor.text, actor.start, actor.end, actor.how)
                )
        return out

    def _whose_conjuncts(self, token: Token, actor: Actor) -> list[Actor]:
        """The other owners of a "whose" phrase: "Germany and Iceland, whose foreign
        ministers accused Tehran" → ISLGOV beside DEUGOV."""
        whose = next((c for c in token.children if c.dep_ == "poss" and c.tag_ == "WP$"), None)
        antecedent = relative_antecedent(whose) if whose is not None else None
        if antecedent is None or actor.country is None:
            return []
        out = []
        for other in (c for c in antecedent.children if c.dep_ == "conj"):
            owner = self.actor_for(other)
            if owner is None or owner.country is None or owner.country == actor.country:
                continue
            code = owner.country + actor.code[len(actor.country) :] if actor.code else None
            country = owner.country
            out.append(
                Actor(code, country, actor.roles, actor.text, actor.start, actor.end, actor.how)
            )
        return out

    def collective(self, token: Token) -> list[Actor]:
        """ "the two sides", "both countries", "the two foreign ministers", "both" (alone): the
        two sides of the latest nearby event (:attr:`dyad`), else the two most recent actors of
        different countries before the phrase, with the phrase's own roles. Empty when the
        phrase is not collective or two such actors are not at hand."""
        lemma = token.lemma_.lower()
        alone = lemma in ("both", "two") and token.pos_ in ("PRON", "NUM", "DET")
        if not alone and not names_pair(token):
            return []
        own_roles = alone or lemma in PAIR_NOUNS | PLAIN_PAIR_HEADS
        roles = () if own_roles else (self.dictionary.role_of(lemma) or ())
        # "Washington accused both sides": the pair is someone other than the accuser
        subject = clause_subject(token)
        own = None
        if subject is not None and subject.i != token.i:
            actor = self.actor_for(subject)
            own = actor.country if actor is not None else None
        # "the two foreign ministers": the two latest holders of the role, before the sides
        # of the latest event ("closed the border in solidarity with Azerbaijan")
        found = self._pair(token, own, roles) if roles else []
        if len(found) < 2 and self.dyad is not None and own not in {a.country for a in self.dyad}:
            found = list(self.dyad)  # "X met his Tajik counterpart, and the two signed ..."
        if len(found) < 2 and not doers_only(lemma):
            found = self._pair(token, own, ())
        if len(found) < 2 or not pair_fits(lemma, found):
            return []
        start = token.left_edge.idx + self.offset
        end = token.right_edge.idx + len(token.right_edge.text) + self.offset
        text = self.doc[token.left_edge.i : token.right_edge.i + 1].text
        out = []
        for actor in reversed(found):
            country = str(actor.country)
            code = join_code(country, roles) if roles else actor.code
            parts = split_code(code) if code else None
            out.append(
                Actor(code, country, parts.roles if parts else (), text, start, end, "pronoun")
            )
        return out

    def _pair(self, token: Token, own: str | None, roles: tuple[str, ...]) -> list[Actor]:
        """The two most recent actors of different countries before ``token`` (not ``own``),
        with ``roles`` among theirs when given."""
        found: list[Actor] = []
        for seen in reversed(self.recent(token)):
            country = seen.actor.country
            if not country or len(country) != 3 or country in ("IGO", "NGO", "IMG", "MNC"):
                continue
            if country == own or (roles and not set(roles) <= set(seen.actor.roles)):
                continue
            if all(a.country != country for a in found):
                found.append(seen.actor)
            if len(found) == 2:
                break
        return found

    def salient_country(self, token: Token, avoid: str | None = None) -> str | None:
        """The country of the most recent country-level mention before ``token`` (other than
        ``avoid``): what an article about Iran means by "protesters" or "security forces"."""
        for seen in reversed(self.recent(token)):
            country = country_evidence(seen.actor)  # not "told French radio"
            if country is not None and country != avoid:
                return country
        return None

    def sentence_countries(self, token: Token, *, clause: bool = False) -> set[str]:
        """The countries named in the token's sentence (known actors only); with ``clause``,
        only those in the token's own subtree ("Erdogan spoke by phone with Putin")."""
        if clause:
            first, end = token.left_edge.i, token.right_edge.i + 1
        else:
            sent = sentence_of(token)
            first, end = sent.start, sent.end
        lo = bisect.bisect_left(self._seen_at, first)
        hi = bisect.bisect_left(self._seen_at, end)
        found = {country_evidence(seen.actor) for seen in self.history[lo:hi]}
        return {country for country in found if country is not None}

    def is_place_name(self, token: Token) -> bool:
        """Whether the phrase is a place (capital, seat, city) rather than a named actor."""
        actor = self.actor_for(token)
        return actor is not None and actor.how in ("metonym", "place")

    def sentence_of(self, token: Token) -> int:
        """Index of the token's sentence in the document."""
        return sentence_index(token)

    # ---- resolution ---------------------------------------------------------------------
    def _resolve(self, head: Token) -> Actor | None:
        """The actor a noun phrase names, in order of evidence: a pronoun's antecedent; what a
        quantifier counts ("two of the soldiers"); a person; a name the head is part of ("the
        Soviet Union"); a name modifying an agentive head ("Iranian officials"); whose it is
        ("Iran's foreign minister"); a definite description ("the ministry"); a place; else an
        unresolved name or role."""
        lower = head.lower_
        if is_heading(head):
            # "BELARUS / UNITED STATES – Belarus released 52 prisoners": a section heading or
            # an unparsed dateline names no one; the apposition after the dash does
            named = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
            return self._resolve(named) if named is not None else None
        if lower == "whose" and head.tag_ == "WP$":
            antecedent = relative_antecedent(head)
            return self.actor_for(antecedent) if antecedent is not None else None
        pos = head.pos_  # read once (each read of a Token's string makes a new str)
        if (pos == "PRON" or lower in ALL_PRONOUNS) and not head.text.isupper():
            return pronoun(self, head)
        if lower in HONORIFIC_HEADS:  # "His Highness thanked President Trump"
            titled = honorific(self, head)
            if titled is not None:
                return titled
        if means_noun(head):  # "pledged not to use force": a means, no side
            return None
        peers = peers_in(self, head)  # "our brothers in Cairo" → Egypt's
        if peers is not None:
            return peers
        defining = defined_by(head)  # "the Sudanese Armed Forces (SAF) ... the SAF shelled"
        if defining is not None and not self.dictionary.find(head.text, self.day):
            return self.actor_for(defining)
        earlier = named_before(head)  # "the Liberation Tigers of Tamil Eelam ... the Tigers"
        if earlier is not None and not self.dictionary.find(head.text, self.day):
            long_name = self.actor_for(earlier)
            if long_name is not None and long_name.known and long_name.how != "place":
                return long_name
        lemma = head.lemma_.lower()
        if lemma in QUANTIFIER_HEADS:
            inner = of_object(head)
            if inner is not None:
                return self._resolve(inner)
        if lemma in INSTITUTION_HEADS and pos == "NOUN":
            # "the armed wing of Hamas", "staff of the Iranian embassy": the institution's
            # actor when it has a country (else its role, see phrase_roles, and the country
            # from context: "the leader of the main opposition party")
            inner = member_of(head)
            owner = self._resolve(inner) if inner is not None else None
            hows = PEOPLE_HOWS if lemma in FOLLOWER_NOUNS else PLACE_HOWS
            if owner is not None and owner.country is not None and owner.how not in hows:
                return owner
        organisation = self._organ_of(head, lemma)
        if organisation is not None:
            return organisation
        named = close_apposition(head)  # "the West African bloc ECOWAS": the name
        if named is not None:
            described = self._resolve(named)
            if described is not None and described.known and described.how != "place":
                return described
        tokens = phrase_tokens(head)
        text, start, end = self._phrase(tokens)
        every = all_sides(self, head, text, start, end)  # "urged all sides to refrain"
        if every is not None:
            return every
        kin = relative_side(self, head, text, start, end)  # "Castillo's wife" → PERELI
        if kin is not None:
            return kin
        again = self.bearers.bearer(  # "Ali", "Mr Lungu"
            head, tokens, (text, start, end), lambda: most_named(self, head)
        )
        if again is not None:
            return again
        person = person_named(self.dictionary, self.day, tokens) or person_named(
            self.dictionary, self.day, appositions(head)
        )
        region = longer_place(self.dictionary, self.gazetteer, head) if person else None
        if region is not None:  # "the RSF shelled El Obeid": the city, not a minister Obeid
            region = self.gazetteer.country_on(region, self.day)
            return Actor(region, region, (), text, start, end, "place")
        if person is not None:
            parts = split_code(person.code)
            # before the first office we list, the office the phrase names: "Foreign
            # Secretary S. Jaishankar" in 2015 → INDGOV (his minister's row opens in 2019)
            roles = parts.roles or phrase_roles(self.dictionary, head, tokens)
            code = join_code(parts.country, roles) if roles and not parts.tags else person.code
            return Actor(code, parts.country, split_code(code).roles, text, start, end, "person")
        members = bloc_side(self, head, text, start, end)  # "the bloc's members"
        if members is not None:
            return members
        head_entry, modifier_entry = phrase_names(
            self.dictionary, self.day, self.gazetteer, head, tokens
        )
        if head_entry is None and modifier_entry is not None and pos == "PROPN":
            # "the West Bank", "West Darfur": a place name that begins with an actor's name
            region = compound_place(self.gazetteer, head)
            if region is not None:
                region = self.gazetteer.country_on(region, self.day)
                return Actor(region, region, (), text, start, end, "place")
        if (
            head_entry is not None
            and head_entry.kind == "people"
            and modifier_entry is not None
            and modifier_entry.kind in ("adj", "name")
            and split_code(modifier_entry.code).country != split_code(head_entry.code).country
        ):
            # "Bosnian Serbs", "Kosovo Albanians": a people named by where it lives is that
            # country's
            return _from_modifier_entry(
                modifier_entry, phrase_roles(self.dictionary, head, tokens), text, start, end
            )
        home = (
            home_side(self, head, head_entry, modifier_entry, (text, start, end))
            if (head_entry is not None)
            else None
        )
        if home is not None:  # "LIMA — Congress rejected a bill" → PERLEG
            return home
        if head_entry is not None:
            # the head is part of the name ("the Soviet Union"): its noun is no role
            return self._from_head_entry(head_entry, (), text, start, end)
        # only now: a name (two phrases in five) has none
        roles = phrase_roles(self.dictionary, head, tokens)
        if roles and any(t.lower_ in FORMER_WORDS for t in tokens):
            roles = ("ELI",)  # "the former Iranian president"
            if modifier_entry is not None and modifier_entry.code[:3] in NOT_COUNTRIES:
                modifier_entry = None  # "a former NATO commander" no longer acts for NATO
        if modifier_entry is not None and agentive(head, roles):
            return _from_modifier_entry(modifier_entry, roles, text, start, end)
        owned = self._owned(head, roles, text, start, end)
        if owned is not None:
            return owned
        definite = salient_definite(self, head, tokens)
        if definite is not None:
            found: str | None = definite.code
            if definite.country and roles and is_country(definite.country):
                # "the leaders" after "EU leaders" stay the EU's, not a government role
                found = join_code(definite.country, roles)
            return Actor(
                found,
                definite.country,
                split_code(found).roles if found else (),
                text,
                start,
                end,
                # the dateline's country is the story's, and later mentions refer back to it
                "context" if definite.how == "context" else "pronoun",
            )
        place = place_country(self.gazetteer, head) or subdivision_country(self.gazetteer, head)
        if place is not None:
            place = self.gazetteer.country_on(place, self.day)  # Juba in 2005 → SDN
            return Actor(place, place, (), text, start, end, "place")
        for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
            # "Amadou Diallo, a Malian opposition leader, said": who the apposition says
            described = self._resolve(appos)
            if described is not None and described.known and described.how != "place":
                return described
        if head.ent_type_ in NAME_ENTS or roles:
            return Actor(None, None, roles, text, start, end, "unresolved")
        return None

    def _phrase(self, tokens: list[Token]) -> tuple[str, int, int]:
        """The phrase's text as written and its character offsets in the article."""
        first, last = tokens[0], tokens[-1]  # phrase_tokens is in text order
        span_start, span_end = first.idx, last.idx + len(last.text)
        text = (
            self.shown[span_start:span_end]
            if self.shown
            else self.doc[first.i : last.i + 1].text  # never doc.text: it is rebuilt per call
        )
        return text, span_start + self.offset, span_end + self.offset

    def _owned(
        self, head: Token, roles: tuple[str, ...], text: str, start: int, end: int
    ) -> Actor | None:
        """The actor a possessor makes of the phrase ("Iran's foreign minister" → IRNGOV),
        or an unresolved actor for a relational noun ("its neighbour")."""
        poss = self._possessor(head)
        alliance = allies_side(self, head, poss, text, start, end)  # "Estonia ... its allies"
        if alliance is not None:
            return alliance
        if head.lemma_.lower() in RELATIONAL_NOUNS and poss is not None:
            # "Russia's invasion of its neighbour": whose neighbour says nothing of who it is
            return Actor(None, None, (), text, start, end, "unresolved")
        owned = (
            bool(roles)
            or head.lemma_.lower() in COUNTRY_NOUNS
            or head.lemma_.lower() in OWNED_NOUNS
        )
        if poss is None or poss.country is None or not owned:
            return None
        code = join_code(poss.country, roles) if roles else poss.country
        if poss.country in NOT_COUNTRIES and poss.code:  # "the court's jurisdiction": the ICJ
            code = poss.code
        return Actor(
            code,
            poss.country,
            split_code(code).roles,
            text,
            start,
            end,
            "pronoun" if poss.how == "pronoun" else "dictionary",
        )

    def _from_head_entry(
        self, entry: Entry, roles: tuple[str, ...], text: str, start: int, end: int
    ) -> Actor:
        parts = split_code(entry.code)
        if parts.tags or parts.country == "IGO":
            return Actor(entry.code, parts.country, parts.roles, text, start, end, "dictionary")
        if entry.kind in ("capital", "seat"):
            own = parts.roles or ("GOV",)
            code = join_code(parts.country, own + tuple(r for r in roles if r != "GOV"))
            return Actor(code, parts.country, split_code(code).roles, text, start, end, "metonym")
        code = join_code(parts.country, parts.roles + roles)
        return Actor(code, parts.country, split_code(code).roles, text, start, end, "dictionary")

    def _possessor(self, head: Token) -> Actor | None:
        for child in head.children:
            if child.dep_ == "poss":
                return self.actor_for(child)
        return None


def _from_modifier_entry(
    entry: Entry, roles: tuple[str, ...], text: str, start: int, end: int
) -> Actor:
    """The actor of a name modifying an agentive head: a group's adjective names the group
    ("Houthi fighters"); a country's takes the head's roles ("Iranian officials")."""
    parts = split_code(entry.code)
    if parts.tags:
        return Actor(entry.code, parts.country, parts.roles, text, start, end, "dictionary")
    code = join_code(parts.country, parts.roles + roles)
    return Actor(code, parts.country, split_code(code).roles, text, start, end, "dictionary")
