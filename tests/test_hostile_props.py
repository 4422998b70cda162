"""Property-based tests (issue 13): the dateline parser, the date resolver, the dictionary and
lexicon loaders and the CLI's query options raise nothing but casus's own errors, whatever
they are given."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.cli.main import cli
from casus.coder import Coder
from casus.daterange import MAX_DATE, MIN_DATE
from casus.engine.datelines import parse_dateline
from casus.engine.temporal import relative_offset, resolve_expression, shift
from casus.errors import CasusError, OntologyError
from casus.ontology.actors import ActorDictionary
from casus.ontology.cameo import load_cameo
from casus.ontology.lexicon import parse_classes, parse_patterns
from casus.ontology.petrarch import import_actors, import_agents
from casus.ontology.userdict import load_user_dictionary
from conftest import build_event, put_events

SOME = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
FEW = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
DAYS = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(str),
    st.sampled_from(["a", "two", "several", "0", "99999999999999999999"]),
)
UNIT = st.sampled_from(["day", "days", "week", "month", "months", "year", "decade", "decades"])
EXPRESSION = st.one_of(
    st.builds(lambda n, u: f"{n} {u} ago", NUMBER, UNIT),
    st.builds(lambda n, u: f"{n} {u} later", NUMBER, UNIT),
    st.builds(lambda n, u: f"the last {n} {u}", NUMBER, UNIT),
    st.builds(lambda w, u: f"{w} {u}", st.sampled_from(["last", "next", "this"]), UNIT),
    st.builds(
        lambda m, d, y: f"{m} {d}, {y}",
        st.sampled_from(["January", "Feb.", "sept", "December"]),
        st.integers(min_value=0, max_value=99),
        st.integers(min_value=0, max_value=99999),
    ),
    st.builds(lambda y: f"{y:04d}-12-31", st.integers(min_value=0, max_value=9999)),
    st.sampled_from(["tomorrow", "yesterday", "next weekend", "the 1790s", "31st", "last spring"]),
    st.text(max_size=40),
)


@SOME
@given(text=EXPRESSION, pub=st.none() | DAYS, future=st.booleans())
def test_date_resolver_gives_a_date_in_range_or_none(
    text: str, pub: dt.date | None, future: bool
) -> None:
    found = resolve_expression(text, pub, future=future)
    assert found is None or MIN_DATE <= found[0] <= MAX_DATE


@SOME
@given(text=EXPRESSION, day=DAYS)
def test_relative_shift_never_overflows(text: str, day: dt.date) -> None:
    offset = relative_offset(text)
    if offset is not None:
        assert MIN_DATE <= shift(day, offset) <= MAX_DATE


DATELINE = st.builds(
    lambda place, date, rest: f"{place}, {date} (AP) – {rest}",
    st.sampled_from(["BAKU", "Tehran", "WASHINGTON", "X", "ÄÖ", "\x1b[2J", ""]),
    st.one_of(
        st.builds(
            lambda m, d, y: f"{m} {d}, {y}",
            st.sampled_from(["April", "Feb", "Dec."]),
            st.integers(0, 99),
            st.integers(0, 99999),
        ),
        st.text(max_size=12),
    ),
    st.text(max_size=30),
)


@SOME
@given(text=DATELINE | st.text(max_size=200), published=st.none() | DAYS)
def test_dateline_parser_never_raises(coder: Coder, text: str, published: dt.date | None) -> None:
    found = parse_dateline(text, coder.gazetteer, published=published)
    assert found is None or 0 <= found.start <= found.end <= len(text)


# ---- loaders: users' files with anything in them --------------------------------------------
CELL = st.text(
    alphabet=string.ascii_letters + string.digits + " -_,.:[]()+=#~\u00e9\x00", max_size=12
)
TSV = st.lists(st.lists(CELL, min_size=1, max_size=7).map("\t".join), max_size=8).map(
    lambda rows: "\n".join(["code\tkind\tlemma\tobject\tprep\tcomp\tnote", *rows])
)


@SOME
@given(text=TSV | st.text(max_size=300))
def test_lexicon_loader_raises_only_ontology_errors(text: str) -> None:
    try:
        parse_patterns(text, "user.tsv", load_cameo(), {"WEAPON": frozenset({"gun"})})
        parse_classes(text.replace("code\tkind", "class\tlemma", 1), "classes.tsv")
    except OntologyError as e:
        assert "user.tsv" in str(e) or "classes.tsv" in str(e)


TOML_VALUE = st.one_of(
    st.text(max_size=10).map(lambda s: '"' + s.replace("\\", "").replace('"', "") + '"'),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["[]", '["a", 1]', "true", "1979-02-11", "{a = 1}", "9999-99-99"]),
)
TOML = st.lists(
    st.tuples(
        st.sampled_from(["[[actor]]", "[[person]]", "[[role]]", "[x]", ""]),
        st.lists(
            st.tuples(
                st.sampled_from(
                    ["code", "names", "name", "kind", "from", "to", "role", "nouns", "aliases"]
                ),
                TOML_VALUE,
            ),
            max_size=4,
        ),
    ),
    max_size=4,
).map(
    lambda tables: "\n".join(
        head + "\n" + "\n".join(f"{k} = {v}" for k, v in pairs) for head, pairs in tables
    )
)


@SOME
@given(text=TOML | st.text(max_size=200), suffix=st.sampled_from([".toml", ".yaml"]))
def test_user_dictionary_loader_raises_only_ontology_errors(
    tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("dict") / f"mine{suffix}"
    path.write_text(text, encoding="utf-8", errors="replace")
    try:
        load_user_dictionary(path)
    except OntologyError as e:
        assert str(path) in str(e)


PETRARCH = st.lists(
    st.one_of(
        CELL,
        st.builds(lambda s: f"  [{s}]", CELL),
        st.builds(lambda s: f"+{s}", CELL),
        st.builds(lambda c, d: f"  [{c} >{d}]", st.sampled_from(["IRNGOV", "x", ""]), CELL),
    ),
    max_size=10,
).map("\n".join)


@SOME
@given(text=PETRARCH | st.text(max_size=200), agents=st.booleans())
def test_petrarch_importer_raises_only_ontology_errors(
    tmp_path_factory: pytest.TempPathFactory, text: str, agents: bool
) -> None:
    path = tmp_path_factory.mktemp("petrarch") / "dict.txt"
    path.write_text(text, encoding="utf-8", errors="replace")
    try:
        (import_agents if agents else import_actors)(path, ActorDictionary())
    except OntologyError as e:
        assert str(path) in str(e)


# ---- the CLI's query options ----------------------------------------------------------------
@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> str:
    from casus.store import Store

    path = tmp_path_factory.mktemp("store") / "casus.duckdb"
    store = Store.open(path)
    put_events(
        store,
        [
            build_event("AZE", "IRN", "174", f"2023-0{m}-0{d}", article=f"a{m}{d}")
            for m in range(1, 5)
            for d in range(1, 4)
        ],
        published={f"a{m}{d}": f"2023-0{m}-0{d}" for m in range(1, 5) for d in range(1, 4)},
    )
    return str(path)


ARG = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "2023-02-30", "1e9", "-1", "nan", "inf", "99999999d", "0"]
    ),
    st.integers(-(10**12), 10**12).map(str),
    st.builds(lambda n, u: f"{n}{u}", st.integers(0, 10**12), st.sampled_from(["d", "w", ""])),
)
WINDOW = st.builds(lambda n, u: f"{n}{u}", st.integers(0, 10**10), st.sampled_from(["d", "w", ""]))
INT = st.integers(-10, 10**10).map(str)
DATE = st.dates(min_value=dt.date(1, 1, 1)).map(dt.date.isoformat)
QUERY = st.one_of(
    st.builds(
        lambda w, b, a: ["alerts", "--window", w, "--baseline", b, "--as-of", a],
        WINDOW | ARG,
        INT | ARG,
        DATE | ARG,
    ),
    st.builds(
        lambda a, b, s, u: ["timeline", a, b, "--since", s, "--until", u],
        st.sampled_from(["AZE", "IRN", "AZEGOV"]) | ARG,
        st.sampled_from(["AZE", "IRN"]) | ARG,
        DATE | ARG,
        DATE | ARG,
    ),
    st.builds(
        lambda a, f, s: ["dyad", "AZE", a, "--freq", f, "--since", s],
        st.sampled_from(["IRN"]) | ARG,
        st.sampled_from(["week", "month", "year", "day"]),
        DATE | ARG,
    ),
    st.builds(lambda s, w: ["network", "--since", s, "--wait", w], DATE | ARG, ARG),
    st.builds(
        lambda q, n, t: ["sql", q, "--limit", n, "--timeout", t],
        st.sampled_from(["SELECT * FROM events", "SELECT 1; SELECT 2", "DROP TABLE events"]) | ARG,
        INT | ARG,
        INT | ARG,
    ),
    st.builds(
        lambda f, s: ["export", "--format", f, "--until", s],
        st.sampled_from(["jsonl", "gdelt", "plover"]),
        DATE | ARG,
    ),
)


@FEW
@given(args=QUERY, fmt=st.sampled_from(["json", "csv", "table", None]))
def test_query_options_give_results_or_one_line_errors(
    filled: str, args: list[str], fmt: str | None
) -> None:
    if fmt is not None and args[0] in ("alerts", "timeline", "dyad", "sql"):
        args = [*args, "--format", fmt]
    result = CliRunner().invoke(cli, [*args, "--db", filled])
    assert result.exit_code in (0, 2), (args, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit | CasusError)
    if result.exit_code == 2:
        assert "Traceback" not in result.output


@FEW
@given(window=WINDOW, baseline=INT, as_of=DATE)
def test_alert_windows_baselines_and_dates_never_overflow(
    filled: str, window: str, baseline: str, as_of: str
) -> None:
    args = ["alerts", "--window", window, "--baseline", baseline, "--as-of", as_of]
    result = CliRunner().invoke(cli, [*args, "--db", filled])
    assert result.exit_code in (0, 2), (args, result.output)
