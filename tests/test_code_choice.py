"""Code boundaries the lexicon's columns cannot draw (engine/code_choice.py, engine/voice.py):
the full CAMEO code, not only the root the construction sentences score."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casus.model import Event


def _codes(events: list[Event]) -> set[str]:
    return {e.cameo for e in events}


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("Bolivia and Peru agreed that the dispute should be settled by the court.", "019", "030"),
        ("Turkey agreed with Russia to extend the grain corridor for four months.", "030", "019"),
        ("Kenya and Uganda agreed to reopen the border crossing on Friday.", "0356", "019"),
    ],
)
def test_a_that_clause_is_accord_and_an_infinitive_an_agreement_to_act(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2024-03-05"))
    assert expected in codes and unexpected not in codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas agreed to a ceasefire with Israel on Sunday.", "0356"),
        ("Serbia agreed to talks with Kosovo in Brussels.", "036"),
    ],
)
def test_what_is_agreed_to_decides_the_intent(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    assert expected in _codes(code(text, published="2024-03-05"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Arab League called on Sudan's warring generals to show restraint.", "0256"),
        ("Pope Francis appealed to Israel and Hezbollah to halt the fighting.", "0256"),
        ("The French president urged Moscow and Kyiv not to attack the nuclear plant.", "0256"),
        ("The European Union urged Belarus to free the detained opposition leader.", "0253"),
        ("The rebels asked the government to release their jailed commander.", "0253"),
        ("Washington urged Havana to lift restrictions on foreign journalists.", "0251"),
        (
            "Armenia and Azerbaijan agreed to withdraw their forces from the disputed villages.",
            "0356",
        ),
        ("Moscow pledged to pull its troops back from the frontier within a week.", "0356"),
        ("The rebels promised to free the hostages by Friday.", "0353"),
        ("Athens demanded that Ankara pull its warships back from the disputed waters.", "1056"),
        ("The opposition demanded that the government free all political prisoners.", "1053"),
        ("The junta refused to release the deposed president.", "1243"),
        ("Israel refused to withdraw its troops from the buffer zone.", "1246"),
        ("Germany called for the release of the detained journalists in Iran.", "0253"),
        ("Britain called for an immediate ceasefire in Gaza.", "0256"),
        ("China called for talks between Russia and Ukraine.", "026"),
    ],
)
def test_what_is_to_be_yielded_picks_the_appeal_intent_demand_or_refusal(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    # CAMEO numbers the twins of 081/082/084/085/086/087 alike in 025x, 035x, 105x, 124x
    assert expected in _codes(code(text, published="2024-03-05"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of de-escalation is what is called, appealed or asked for (no event of its own)
        ("The United Nations called for restraint on both sides of the border.", "0256"),
        ("Egypt and Jordan called for calm after the clashes in Jerusalem.", "0256"),
        ("The EU's foreign policy chief appealed for calm in northern Kosovo.", "0256"),
        ("Beijing called for maximum restraint and de-escalation.", "0256"),
        ("Turkey demanded restraint.", "1056"),
        # "de-escalate" kept one word, so the tagger reads a verb
        ("Washington urged India and Pakistan to de-escalate.", "0256"),
        ("Moscow called on Kyiv to de-escalate the situation in the east.", "0256"),
        ("The envoy urged Armenia and Azerbaijan to lower tensions along the border.", "0256"),
        # an infinitive after the one an appeal is addressed to, parsed as a purpose clause
        ("France and Germany called on Tehran to free the detainees.", "0253"),
        ("Qatar and Egypt appealed to Hamas to free the hostages.", "0253"),
        (
            "The foreign ministers of Britain and Canada called on Moscow to free the activists.",
            "0253",
        ),
        ("Guterres pleaded with Israel to free the detained ministers.", "0253"),
        # a reported obligation is a demand, as precise as what is to be yielded
        ("Kurti said Serbia must release the three officers immediately.", "1053"),
        ("The foreign minister said Russia must withdraw its troops from Ukraine.", "1056"),
    ],
)
def test_restraint_calm_and_de_escalation_and_addressed_appeals_are_yielding(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    assert expected in _codes(code(text, published="2024-03-05"))


def test_the_release_pleaded_for_is_not_asserted(code: Callable[..., list[Event]]) -> None:
    codes = _codes(
        code("Guterres pleaded with Israel to free the detained ministers.", published="2024-03-05")
    )
    assert "0253" in codes and "0841" not in codes


def test_de_escalate_is_one_token() -> None:
    from casus.nlp import load_model

    doc = load_model()("Both sides must de-escalate. De-escalation is needed.")
    assert [t.text for t in doc if "scal" in t.text] == ["de-escalate", "De-escalation"]
    assert doc[3].pos_ == "VERB"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli aircraft pounded targets in southern Lebanon overnight.", "195"),
        ("Sudanese army jets bombed markets in Nyala on Monday.", "195"),
        ("Azerbaijani drones hit Armenian artillery positions near the border.", "195"),
        ("Russian strategic bombers struck targets across Ukraine overnight.", "195"),
        ("Ukraine attacked the Russian air base with drones overnight.", "195"),
        ("The attack by Israeli helicopter gunships killed six people.", "195"),
        ("Ethiopian soldiers attacked Eritrean positions near Badme.", "190"),
        ("Two Palestinian suicide bombers killed 23 people in Tel Aviv.", "1831"),
    ],
)
def test_force_by_aircraft_is_an_air_attack(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    assert expected in _codes(code(text, published="2024-03-05"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin discussed the border clashes by telephone with the Kyrgyz president.", "041"),
        ("Macron talked with Zelensky over the phone on Sunday.", "041"),
        ("Erdogan discussed the Gaza crisis with Putin in a phone call on Friday.", "041"),
        ("Blinken consulted his Turkish counterpart by phone about Sweden's NATO bid.", "041"),
        ("Erdogan discussed the Gaza crisis with Putin in Sochi on Friday.", "046"),
        ("Scholz met Macron in Paris on Monday.", "040"),
    ],
)
def test_talks_over_a_line_are_a_telephone_discussion(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    codes = _codes(code(text, published="2024-03-05"))
    assert expected in codes and (expected == "041") == ("041" in codes)


def test_two_different_yieldings_keep_the_plain_code(
    code: Callable[..., list[Event]],
) -> None:
    text = "Ankara urged Damascus to free the prisoners and to pull its tanks back from the border."
    codes = _codes(code(text, published="2024-03-05"))
    assert "025" in codes and not codes & {"0253", "0256"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Malaysian police seized a Vietnamese fishing boat on Tuesday.", "1711"),
        ("Somali pirates seized a Greek tanker off the coast.", "181"),
    ],
)
def test_who_seizes_a_vessel_decides_confiscation_or_hijacking(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    assert _codes(code(text, published="2024-03-05")) == {expected}


def test_an_attitude_participle_keeps_its_subject_as_the_actor(
    code: Callable[..., list[Event]],
) -> None:
    events = code("Israel is opposed to French mediation in the talks.", published="2024-03-05")
    assert [(e.source.code if e.source else None, e.cameo) for e in events] == [("ISRGOV", "126")]


def test_a_true_passive_with_an_agent_is_left_alone(code: Callable[..., list[Event]]) -> None:
    events = code("The plan was opposed by France.", published="2024-03-05")
    assert [e.source.code for e in events if e.source] == ["FRAGOV"]


def test_an_adverb_particle_before_from_is_the_verbs_particle(
    code: Callable[..., list[Event]],
) -> None:
    events = code("Pakistani troops pulled back from the border on Sunday.", published="2024-03-05")
    assert _codes(events) == {"0874"}


def test_a_conjunct_with_its_own_tense_keeps_it(code: Callable[..., list[Event]]) -> None:
    text = "Mexico would never accept subordination and was still negotiating with Washington."
    assert "046" in _codes(code(text, published="2024-03-05"))


def test_a_wish_that_another_acts_is_an_appeal_to_it(code_all: Callable[..., list[Event]]) -> None:
    events = code_all(
        "Washington wants Beijing to release the journalists.", published="2024-03-05"
    )
    appeal = [e for e in events if e.cameo == "0253"]  # appeal for a release
    release = [e for e in events if e.cameo_root == "08"]
    assert [(e.source.code, e.target.code) for e in appeal if e.source and e.target] == [
        ("USAGOV", "CHNGOV")
    ]
    assert release and not any(e.modality.asserted for e in release)


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("The IMF approved a $1 billion loan for Egypt on Friday.", "071", "0331"),
        ("Sweden announced new humanitarian aid for Sudan.", "073", "0333"),
        ("Germany promised a $1 billion loan to Egypt.", "0331", "071"),
    ],
)
def test_aid_decided_is_aid_given_and_aid_promised_an_intent(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2025-03-05"))
    assert expected in codes and unexpected not in codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Algeria retaliated by closing its airspace to flights from Mali.", "160"),
        ("Moscow hit back by expelling ten British diplomats.", "161"),
        ("Beijing responded by suspending imports of Lithuanian beef.", "163"),
    ],
)
def test_an_answer_takes_the_code_of_its_means(
    code: Callable[..., list[Event]], text: str, expected: str
) -> None:
    codes = _codes(code(text, published="2025-03-05"))
    assert expected in codes and "190" not in codes


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("Hungary barred Ukrainian grain trucks from its roads on Friday.", "160", "172"),
        ("Niamey banned Beninese aircraft from landing at its airports.", "160", "172"),
        ("Kazakhstan banned Chinese companies from bidding on the contract.", "160", "172"),
        ("Germany banned the Palestinian group Samidoun last year.", "172", "160"),
        ("Russia banned the American organisation as undesirable.", "172", "160"),
    ],
)
def test_a_ban_on_another_countrys_things_reduces_relations(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2024-06-18"))
    assert expected in codes and unexpected not in codes


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("The United States welcomed the Kenyan deployment to Haiti.", "051", "043"),
        ("Canada welcomed the resumption of Turkish grain shipments.", "051", "043"),
        ("Japan welcomed the Indian prime minister to Tokyo on Monday.", "043", "051"),
        ("Ghana welcomed the arrival of the Nigerian president in Accra.", "043", "051"),
    ],
)
def test_welcoming_an_act_is_praise_and_a_person_is_hosted(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2024-06-18"))
    assert expected in codes and unexpected not in codes


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("The UN warned that the fighting in Sudan could spread to Chad.", False),
        ("The WHO warned on Friday that the cholera outbreak in Yemen could worsen.", False),
        ("Washington warned Caracas that further provocations could have consequences.", True),
        ("Beijing warned that Manila would bear all consequences.", True),
    ],
)
def test_a_warning_that_something_may_happen_is_no_threat(
    code: Callable[..., list[Event]], text: str, threat: bool
) -> None:
    roots = {e.cameo_root for e in code(text, published="2024-03-01")}
    assert ("13" in roots) == threat


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("Beijing said only that everyone involved should exercise restraint.", "0256", "1056"),
        ("The Norwegian foreign minister said Israel should allow fuel into Gaza.", "0255", "1055"),
        ("The Brazilian government said Venezuela must release the activists.", "1053", "0253"),
    ],
)
def test_a_reported_should_is_an_appeal_and_must_a_demand(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2024-06-18"))
    assert expected in codes and unexpected not in codes


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("Israeli troops raided the Jenin refugee camp before dawn on Tuesday.", "190", "1711"),
        ("Beirut condemned the Israeli raids on villages in southern Lebanon.", "190", "1711"),
        ("Colombian soldiers carried out a raid on a rebel camp.", "190", "1711"),
        ("Turkish police raided the homes of opposition journalists in Ankara.", "1711", "190"),
    ],
)
def test_a_raid_by_armed_forces_is_force_and_by_police_a_seizure(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2024-06-18"))
    assert expected in codes and unexpected not in codes


@pytest.mark.parametrize(
    "text",
    [
        "The EU condemns the arrests and calls on the Russian authorities to release them.",
        "Sweden condemns the sentence and calls on Iran to release the researcher immediately.",
        "The EU condemns the crackdown and calls on the Georgian authorities to immediately "
        "and unconditionally release all detained protesters.",
    ],
)
def test_a_present_tense_appeal_after_and_is_coded_not_the_act_it_asks_for(
    code: Callable[..., list[Event]], text: str
) -> None:
    events = code(text, published="2024-06-18")
    assert "0253" in _codes(events)
    assert not any(e.cameo_root == "08" and e.modality.asserted for e in events)


@pytest.mark.parametrize(
    ("text", "expected", "unexpected"),
    [
        ("The Philippines has stepped up joint patrols with the United States.", "062", "153"),
        ("Indonesia and Malaysia increased joint patrols in the Malacca Strait.", "062", "153"),
        ("China stepped up coast guard patrols around the Scarborough Shoal.", "153", "062"),
    ],
)
def test_force_posture_said_to_be_joint_is_military_cooperation(
    code: Callable[..., list[Event]], text: str, expected: str, unexpected: str
) -> None:
    codes = _codes(code(text, published="2024-05-20"))
    assert expected in codes and unexpected not in codes
