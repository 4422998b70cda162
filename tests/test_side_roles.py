"""The side-role conventions table (data/side_roles.tsv): loading and validation."""

from __future__ import annotations

import pytest

from casus.errors import OntologyError
from casus.ontology.side_roles import HEADER, read_side_roles, side_roles

HEAD = "\t".join(HEADER) + "\n"


def test_bundled_table_gives_political_roots_to_the_government_and_force_to_the_military() -> None:
    roles = side_roles()
    assert roles.source_roles["11"] == "GOV"
    assert roles.source_roles["19"] == "MIL"
    assert roles.source_roles["191"] == "GOV"  # a blockade: the three-digit code wins
    assert "17" not in roles.source_roles  # the golds disagree on coercion
    assert roles.single[("GOV", "MIL")] == ("GOV", "MIL")


def test_bundled_table_gives_named_targets_of_political_acts_to_the_government() -> None:
    roles = side_roles()
    assert roles.target_roles["02"] == "GOV"
    assert roles.target_roles["16"] == "GOV"
    assert "19" not in roles.target_roles  # a country struck stays the country
    assert "07" not in roles.target_roles  # aid goes to the country


def test_three_digit_codes_and_stacks_are_read() -> None:
    table = read_side_roles(
        HEAD + "source\t02 191\tGOV\t-\t-\ntarget\t11\tGOV\t-\t-\nsingle\tGOV BUS\tGOV\tBUS\t-\n",
        "t.tsv",
    )
    assert table.source_roles == {"02": "GOV", "191": "GOV"}
    assert table.target_roles == {"11": "GOV"}
    assert table.single == {("GOV", "BUS"): ("GOV", "BUS")}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("source\t21\tGOV\t-\t-", "not a CAMEO root"),
        ("source\t1a\tGOV\t-\t-", "not a CAMEO root"),
        ("source\t02\tXYZ\t-\t-", "not a role code"),
        ("source\t02 02\tGOV\t-\t-", "listed twice"),
        ("target\t22\tGOV\t-\t-", "not a CAMEO root"),
        ("single\tGOV\tGOV\tMIL\t-", "not a stack"),
        ("single\tGOV MIL\tGOV\t-\t-", "institution"),
        ("other\t02\tGOV\t-\t-", "kind"),
    ],
)
def test_a_bad_row_is_an_error_naming_the_line(row: str, message: str) -> None:
    with pytest.raises(OntologyError, match=message) as info:
        read_side_roles(HEAD + row + "\n", "t.tsv")
    assert "t.tsv" in str(info.value) and "2" in str(info.value)
