"""Users' own dictionaries (TOML/YAML) and the PETRARCH/TABARI importer, with their errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import casus
from casus.errors import OntologyError
from casus.ontology.actors import ActorDictionary, build_dictionary
from casus.ontology.petrarch import import_actors, import_agents, import_petrarch
from casus.ontology.userdict import load_user_dictionary

PETRARCH_ACTORS = """\
<!-- a small actor dictionary in PETRARCH format -->
GONDOR [GON]
+MINAS_TIRITH
ARNOR_  [ARN]
STEWARD_DENETHOR
\t[GONGOV 19900101 - 20051231]
\t[GONELI >060101]
OLD_KINGDOM
\t[OLD <950630]
UNKNOWN_PRINCE [---]
"""
PETRARCH_AGENTS = """\
SOLDIER {SOLDIERS} [~MIL] # a comment
FOREIGN_MINISTER [~GOV]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_petrarch_actor_names_synonyms_and_dates(tmp_path: Path) -> None:
    into = ActorDictionary()
    assert import_actors(_write(tmp_path, "a.txt", PETRARCH_ACTORS), into) == 5
    assert into.lookup("Minas Tirith")[0].code == "GON"
    assert into.lookup("Steward Denethor", dt.date(2000, 1, 1))[0].code == "GONGOV"
    assert into.lookup("Steward Denethor", dt.date(2007, 1, 1))[0].code == "GONELI"
    assert into.lookup("Old Kingdom", dt.date(1996, 1, 1)) == []
    assert into.lookup("Unknown Prince") == []


def test_petrarch_agents_become_roles(tmp_path: Path) -> None:
    into = ActorDictionary()
    import_agents(_write(tmp_path, "g.txt", PETRARCH_AGENTS), into)
    assert into.role_of("soldiers") == ("MIL",) and into.role_of("foreign minister") == ("GOV",)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("GONDOR [GON <95x630]\n", 1, "cannot read code block"),
        ("+SYNONYM_FIRST\n", 1, "synonym before any actor name"),
        ("GONDOR [GON\n", 1, "unclosed"),
        ("A [AAA]\nB\n\t[BBB 20050101 - 20000101]\n", 3, "ends before it starts"),
    ],
)
def test_bad_petrarch_file_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = _write(tmp_path, "bad.txt", text)
    with pytest.raises(OntologyError, match=message) as info:
        import_actors(path, ActorDictionary())
    assert f"{path}:{line}" in str(info.value)


def test_imported_dictionary_codes_fictional_actors(tmp_path: Path) -> None:
    actors = _write(tmp_path, "a.txt", PETRARCH_ACTORS)
    agents = _write(tmp_path, "g.txt", PETRARCH_AGENTS)
    coder = casus.load(casus.Config(petrarch_actors=(actors,), petrarch_agents=(agents,)))
    events = coder.code("Gondor soldiers attacked Arnor on Monday.", published="1999-05-05")
    assert [
        (e.source.code, e.target.code, e.cameo_root) for e in events if e.source and e.target
    ] == [("GONMIL", "ARN", "19")]


USER_TOML = """\
[[actor]]
code = "XKXGOV"
names = ["Pristina government"]
[[person]]
code = "IRNGOV"
name = "Testa Person"
aliases = ["Person"]
from = 2020-01-01
to = 2021-12-31
[[role]]
role = "GOV"
nouns = ["emissary"]
"""


def test_user_toml_dictionary_extends_the_bundled_one(tmp_path: Path) -> None:
    user = load_user_dictionary(_write(tmp_path, "mine.toml", USER_TOML))
    assert user.lookup("Pristina government")[0].code == "XKXGOV"
    assert user.lookup("Person", dt.date(2021, 5, 1))[0].code == "IRNGOV"
    assert user.lookup("Person", dt.date(2022, 5, 1)) == []
    assert user.role_of("emissary") == ("GOV",)


def test_user_yaml_dictionary_is_read(tmp_path: Path) -> None:
    text = "actor:\n  - code: ARMGOV\n    names: [Yerevan officials]\n"
    user = load_user_dictionary(_write(tmp_path, "mine.yaml", text))
    assert user.lookup("Yerevan officials")[0].code == "ARMGOV"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.toml", "[[actor]\ncode = 'X'", "invalid TOML"),
        ("bad.yaml", "actor: [\n  - code: X\n", "invalid YAML"),
        ("role.toml", "[[role]]\nrole = 'WIZ'\nnouns = ['wizard']\n", "unknown role WIZ"),
        ("code.toml", "[[actor]]\ncode = 'iran'\nnames = ['Iran']\n", "must be 3-letter parts"),
        (
            "overlap.toml",
            "[[person]]\ncode='IRNGOV'\nname='A B'\nfrom=2020-01-01\n"
            "[[person]]\ncode='IRNOPP'\nname='A B'\nfrom=2021-01-01\n",
            "overlaps",
        ),
        ("null.yaml", "null: 1\nactors: []\n", r"unknown section\(s\) None, actors"),
    ],
)
def test_bad_user_dictionary_names_file_and_problem(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(OntologyError, match=message) as info:
        load_user_dictionary(path)
    assert str(path) in str(info.value)


def test_bundled_dictionaries_cover_every_iso_country() -> None:
    import pycountry

    dictionary = build_dictionary()
    codes = {e.code for entries in dictionary.phrases.values() for e in entries}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes]
    assert missing == []


def test_bundled_people_rows_do_not_overlap() -> None:
    # build_dictionary raises on overlapping ranges; building it is the check
    assert len(build_dictionary().people) > 1000


def test_import_petrarch_combines_files(tmp_path: Path) -> None:
    merged = import_petrarch(
        [_write(tmp_path, "a.txt", PETRARCH_ACTORS)], [_write(tmp_path, "g.txt", PETRARCH_AGENTS)]
    )
    assert merged.lookup("Gondor")[0].code == "GON" and merged.role_of("soldier") == ("MIL",)
