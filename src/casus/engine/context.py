"""What a whole document says about where it happens: the countries it mentions, its
dateline, its title. Role-only actors ("police", "the Supreme Court", "lawmakers") take their
country from here when nothing nearer names one (docs/actors.md#country-from-context)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casus.model import Actor, Mention

# Country parts that are no country: organisations and blocs.
NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC"})
# A media outlet's nationality says who reports, not where the story is: "an opposition
# leader told French radio", "according to state television".
MEDIA_ROLE = "MED"
# A country is the article's own when it has at least this share of its country mentions.
MAIN_SHARE = 0.4
# A dyad is the article's main one only when both sides are mentioned this often.
PAIR_MENTIONS = 2


@dataclass
class DocumentContext:
    """Country evidence of one document."""

    dateline: str | None = None
    counts: Counter[str] = field(default_factory=Counter)  # country -> mentions (title counts 2)
    # the main dyad, found once (every event without a second side asks): counts stay fixed
    _pair: list[tuple[str, str] | None] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @classmethod
    def from_mentions(
        cls, mentions: list[Mention], *, dateline: str | None, title: tuple[str, ...] = ()
    ) -> DocumentContext:
        """Count the country-level mentions (with the title's countries counted twice)."""
        counts: Counter[str] = Counter()
        for mention in mentions:
            country = country_evidence(mention.actor)
            if mention.actor.known and country is not None:
                counts[country] += 1
        for country in title:
            if is_country(country):
                counts[country] += 2
        return cls(dateline if dateline and is_country(dateline) else None, counts)

    def main_country(self, *, least: int = 1) -> str | None:
        """The country the article is mostly about: the most mentioned, when it has at least
        :data:`MAIN_SHARE` of the mentions, more than any other and at least ``least``
        mentions (two, to outweigh a dateline of another country); else the dateline's."""
        ranked = self.counts.most_common(2)
        total = sum(self.counts.values())
        if ranked and total:
            top, n = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0
            # a country named once does not outweigh where the story was filed: "BAMAKO –
            # Rebels attacked an army base. France condemned the attack." is set in Mali
            filed = self.dateline is not None and top != self.dateline and n < PAIR_MENTIONS
            if n > runner_up and n / total >= MAIN_SHARE and n >= least and not filed:
                return top
        return self.dateline

    def pair(self) -> tuple[str, str] | None:
        """The article's main dyad: the two most mentioned countries, when each is mentioned
        at least :data:`PAIR_MENTIONS` times and no third one as often as the second."""
        if not self._pair:
            self._pair.append(self._find_pair())
        return self._pair[0]

    def _find_pair(self) -> tuple[str, str] | None:
        ranked = self.counts.most_common(3)
        if len(ranked) < 2 or ranked[1][1] < PAIR_MENTIONS:
            return None
        if len(ranked) == 3 and ranked[2][1] == ranked[1][1]:
            return None
        return ranked[0][0], ranked[1][0]


def is_country(code: str) -> bool:
    """Whether a country part is a country (or region), not an organisation or unknown."""
    return len(code) == 3 and code not in NOT_COUNTRIES and not code.startswith("-")


def country_evidence(actor: Actor) -> str | None:
    """The country an actor's mention says the story is about or set in: its country, when
    that is a country and the actor is no media outlet ("told French radio" is no evidence
    of a story in France)."""
    country = actor.country
    if not country or not is_country(country) or MEDIA_ROLE in actor.roles:
        return None
    return country
