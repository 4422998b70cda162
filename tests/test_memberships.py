"""The memberships table (ontology/data/memberships.tsv) and the shared-institutions table:
who belongs to which bloc on a day, and what a bare "Congress" is in each country."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.analysis import members_of as analysis_members_of
from casus.errors import NotFound, OntologyError
from casus.ontology.institutions import home_institution, read_institutions
from casus.ontology.memberships import (
    alliance_of,
    blocs_of,
    load_memberships,
    members_of,
    read_memberships,
)

HEADER = "bloc\tmember\tfrom\tto\tstatus\tnote\n"


@pytest.mark.parametrize(
    ("bloc", "member", "day", "inside"),
    [
        ("IGOWSTNAT", "FIN", "2023-04-03", False),
        ("IGOWSTNAT", "FIN", "2023-04-04", True),
        ("IGOWSTNAT", "SWE", "2024-03-06", False),
        ("IGOWSTNAT", "SWE", "2024-03-07", True),
        ("IGOEUREEC", "GBR", "2020-01-31", True),
        ("IGOEUREEC", "GBR", "2020-02-01", False),
        ("IGOWAFWAS", "MLI", "2019-06-01", True),
        ("IGOWAFWAS", "NER", "2025-01-29", False),
        ("IGOWAFWAS", "BFA", "2025-06-01", False),
        ("IGOWAFAES", "NER", "2024-01-01", True),
        ("IGOBRX", "IRN", "2023-12-31", False),
        ("IGOBRX", "IRN", "2024-01-01", True),
        ("IGOSCO", "BLR", "2024-07-04", True),
        ("IGOGTW", "IGOAFRAFU", "2023-09-09", True),
        ("IGOWSTGEI", "RUS", "2014-06-01", False),
    ],
)
def test_members_of_follows_joining_and_leaving_dates(
    bloc: str, member: str, day: str, inside: bool
) -> None:
    assert (member in members_of(bloc, on=day)) is inside


@pytest.mark.parametrize(
    ("bloc", "member", "day"),
    [
        ("IGOAFRAFU", "NER", "2024-01-01"),  # suspended after the July 2023 coup
        ("IGOAFRAFU", "GAB", "2024-01-01"),
        ("IGOARBARL", "SYR", "2015-01-01"),
        ("IGOWAFWAS", "GIN", "2022-01-01"),
    ],
)
def test_suspended_members_are_left_out_unless_asked_for(bloc: str, member: str, day: str) -> None:
    assert member not in members_of(bloc, on=day)
    assert member in members_of(bloc, on=day, include_suspended=True)


@pytest.mark.parametrize(
    ("member", "day"),
    [("GAB", "2025-05-01"), ("SYR", "2023-05-07"), ("MLI", "2020-11-01")],
)
def test_a_lifted_suspension_restores_the_member(member: str, day: str) -> None:
    blocs = {"GAB": "IGOAFRAFU", "SYR": "IGOARBARL", "MLI": "IGOAFRAFU"}
    assert member in members_of(blocs[member], on=day)


@pytest.mark.parametrize(
    ("name", "code"),
    [("NATO", "IGOWSTNAT"), ("the African Union", "IGOAFRAFU"), ("ECOWAS", "IGOWAFWAS")],
)
def test_members_of_takes_a_bloc_name_as_well_as_its_code(name: str, code: str) -> None:
    assert members_of(name, on="2024-06-01") == members_of(code, on=dt.date(2024, 6, 1))


def test_members_of_is_exposed_for_analysis() -> None:
    assert analysis_members_of("Quad", on="2024-01-01") == {"USA", "JPN", "IND", "AUS"}


def test_an_unknown_bloc_is_not_found() -> None:
    with pytest.raises(NotFound, match="Zorgania Pact"):
        members_of("Zorgania Pact")


def test_a_bad_date_argument_is_an_ontology_error() -> None:
    with pytest.raises(OntologyError, match="2024-13-01"):
        members_of("NATO", on="2024-13-01")


def test_blocs_of_lists_a_states_blocs_on_a_day() -> None:
    assert {"IGOWSTNAT", "IGOEUREEC"} <= blocs_of("FIN", on="2024-01-01")
    assert "IGOWSTNAT" not in blocs_of("FIN", on="2022-01-01")


@pytest.mark.parametrize(
    ("state", "day", "alliance"),
    [
        ("EST", dt.date(2025, 9, 19), "IGOWSTNAT"),
        ("POL", dt.date(2024, 1, 1), "IGOWSTNAT"),
        ("SWE", dt.date(2020, 1, 1), None),  # not yet a member
        ("USA", dt.date(2024, 1, 1), None),  # allies in the Quad, AUKUS, Five Eyes too
        ("UKR", dt.date(2024, 1, 1), None),
        ("EST", None, None),  # no date, no alliance assumed
    ],
)
def test_alliance_of_is_the_one_alliance_of_a_state(
    state: str, day: dt.date | None, alliance: str | None
) -> None:
    assert alliance_of(state, day) == alliance


def test_every_suspension_lies_inside_a_membership() -> None:
    rows = load_memberships()
    for s in (r for r in rows if r.status == "suspended"):
        assert any(
            m.bloc == s.bloc and m.member == s.member and m.status == "member" and m.covers(s.start)
            for m in rows
        ), (s.bloc, s.member)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("NATO\tFIN\t2023-04-04\t-\tmember\t-\n", "not an IGO code"),
        ("IGOWSTNAT\tFIN\t2023-04-04\t-\tobserver\t-\n", "status 'observer'"),
        ("IGOWSTNAT\tFIN\t2023-04-04\t2020-01-01\tmember\t-\n", "before 'from'"),
        ("IGOWSTNAT\tFIN\t2023-04-31\t-\tmember\t-\n", "not a YYYY-MM-DD date"),
    ],
)
def test_a_bad_membership_row_names_its_line(row: str, message: str) -> None:
    with pytest.raises(OntologyError, match=message) as caught:
        read_memberships(HEADER + row, "mine.tsv")
    assert "mine.tsv" in str(caught.value) and "2" in str(caught.value)


@pytest.mark.parametrize(
    ("country", "code"),
    [("PER", "PERLEG"), ("PHL", "PHLLEG"), ("IND", "INDPTYINC"), ("USA", "USALEG"), ("FRA", None)],
)
def test_a_shared_congress_name_is_the_countrys_own(country: str, code: str | None) -> None:
    assert home_institution("Congress", country) == code


def test_a_shared_name_row_must_be_of_its_country() -> None:
    with pytest.raises(OntologyError, match="not of country PER"):
        read_institutions("name\tcountry\tcode\tnote\nCongress\tPER\tCOLLEG\t-\n", "mine.tsv")
