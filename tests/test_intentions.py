"""The table of stated intentions (data/intentions.tsv): a future action of a listed root is
its 03x/13x statement, a stated refusal its 12x code (or 011 for a refusal to comment)."""

from casus.ontology.cameo import load_intentions


def test_refusal_to_comment_has_no_intent_code() -> None:
    assert load_intentions()["01"] == (None, "011")


def test_readiness_to_accept_is_an_intent_and_its_refusal_a_rejection() -> None:
    assert load_intentions()["03"] == ("030", "120")


def test_threat_roots_map_to_threats() -> None:
    table = load_intentions()
    assert table["19"][0] == "1384"
    assert table["16"] == ("131", None)
