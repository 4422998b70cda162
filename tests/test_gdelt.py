"""The GDELT 2.0 exports read back as GDELT data is read: named columns, codebook dtypes."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from casus.analysis.gdelt import GDELT_COLUMNS, MENTION_COLUMNS, event_id, fraction_date
from casus.analysis.names import name_of
from casus.analysis.queries import export
from casus.coder import Coder
from casus.ontology.gazetteer import countries
from casus.store import Store
from conftest import build_event, put_events
from samples_store import build_sample_store

FIPS = {c.fips for c in countries().values() if c.fips}
# dtypes as the GDELT 2.0 codebook gives them: codes are text (CAMEO "042" keeps its zero)
_TEXT = {c: "string" for c in GDELT_COLUMNS if c.endswith(("Code", "Name", "FullName"))}
GDELT_DTYPES: dict[str, Any] = {
    **_TEXT,
    "GLOBALEVENTID": "int64",
    "SQLDATE": "int64",
    "MonthYear": "int64",
    "Year": "int64",
    "FractionDate": "float64",
    "IsRootEvent": "int64",
    "QuadClass": "int64",
    "GoldsteinScale": "float64",
    "NumMentions": "int64",
    "NumSources": "int64",
    "NumArticles": "int64",
    "AvgTone": "float64",
    **{f"{p}Geo_Type": "Int64" for p in ("Actor1", "Actor2", "Action")},
    **{f"{p}Geo_Lat": "float64" for p in ("Actor1", "Actor2", "Action")},
    **{f"{p}Geo_Long": "float64" for p in ("Actor1", "Actor2", "Action")},
    **{f"{p}Geo_FeatureID": "string" for p in ("Actor1", "Actor2", "Action")},
    "DATEADDED": "int64",
    "SOURCEURL": "string",
}


def read_gdelt(text: str) -> pd.DataFrame:
    """The way analysts load a GDELT 2.0 export file."""
    return pd.read_csv(
        io.StringIO(text), sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=GDELT_DTYPES
    )


@pytest.fixture(scope="module")
def samples(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> Store:
    return build_sample_store(coder, tmp_path_factory.mktemp("gdelt") / "s.duckdb")


@pytest.fixture(scope="module")
def events(samples: Store) -> pd.DataFrame:
    out = io.StringIO()
    export(samples, "gdelt", out)
    return read_gdelt(out.getvalue())


def test_every_cluster_is_a_row_of_61_typed_columns(samples: Store, events: pd.DataFrame) -> None:
    assert events.shape == (samples.counts()["clusters"], 61)
    assert events["EventCode"].str.fullmatch(r"\d{3,4}").all()


def test_global_event_ids_fit_a_float64_and_are_stable(
    samples: Store, events: pd.DataFrame
) -> None:
    again = io.StringIO()
    export(samples, "gdelt", again)
    assert events["GLOBALEVENTID"].max() < 2**53 and events["GLOBALEVENTID"].is_unique
    assert (
        events["GLOBALEVENTID"].astype("float64").astype("int64") == events["GLOBALEVENTID"]
    ).all()
    assert (
        read_gdelt(again.getvalue())["GLOBALEVENTID"].tolist() == events["GLOBALEVENTID"].tolist()
    )


def test_fraction_date_follows_the_codebook(events: pd.DataFrame) -> None:
    days = pd.to_datetime(events["SQLDATE"].astype(str), format="%Y%m%d")
    expected = (days.dt.year + (days.dt.month * 30 + days.dt.day) / 365).round(4)
    assert (events["FractionDate"] - expected).abs().max() < 1e-9
    assert fraction_date(pd.Timestamp("2023-04-07").date()) == 2023.3479


@pytest.mark.parametrize("column", ["Actor1Geo_CountryCode", "ActionGeo_CountryCode"])
def test_geo_country_codes_are_fips(events: pd.DataFrame, column: str) -> None:
    codes = events[column].dropna()
    assert set(codes) <= FIPS


def test_baku_is_azerbaijan_in_fips_with_admin1_and_geonameid(events: pd.DataFrame) -> None:
    baku = events[events["ActionGeo_FullName"] == "Baku, Azerbaijan"].iloc[0]
    assert (baku["ActionGeo_CountryCode"], baku["ActionGeo_Type"]) == ("AJ", 4)
    assert baku["ActionGeo_ADM1Code"].startswith("AJ") and len(baku["ActionGeo_ADM1Code"]) == 4
    assert baku["ActionGeo_FeatureID"] == "587084"  # GeoNames: Baku


def test_country_level_places_have_centroids(events: pd.DataFrame) -> None:
    country = events[events["ActionGeo_Type"] == 1]
    assert len(country) > 0
    assert country["ActionGeo_Lat"].notna().all() and country["ActionGeo_Long"].notna().all()
    assert (country["ActionGeo_FeatureID"] == country["ActionGeo_CountryCode"]).all()


def test_actor_names_come_from_the_dictionary(events: pd.DataFrame) -> None:
    coded = events.dropna(subset=["Actor1Code"])
    known = coded[coded["Actor1CountryCode"].notna()]  # a generic side has no country
    expected = [(name_of(c) or "").upper() for c in known["Actor1Code"]]
    assert known["Actor1Name"].tolist() == expected
    assert "THE MINISTRY" not in set(coded["Actor1Name"])


def test_source_url_is_the_article_url_where_known(events: pd.DataFrame) -> None:
    urls = events["SOURCEURL"].dropna()
    assert len(urls) > 0 and urls.str.startswith("https://").all()


def test_undated_events_are_written_with_their_publication_date(store: Store) -> None:
    put_events(store, [build_event(day=None, article="a1")], published={"a1": "2023-05-02"})
    out, mentions = io.StringIO(), io.StringIO()
    export(store, "gdelt", out)
    export(store, "gdelt-mentions", mentions)
    [row] = read_gdelt(out.getvalue()).itertuples()
    assert row.SQLDATE == 20230502
    [mention] = list(csv.reader(io.StringIO(mentions.getvalue()), delimiter="\t"))
    assert mention[-1] == "<DATEBASIS>publication</DATEBASIS>"


def test_mentions_have_one_row_per_report_keyed_like_events(
    samples: Store, events: pd.DataFrame
) -> None:
    out = io.StringIO()
    export(samples, "gdelt-mentions", out)
    mentions = pd.read_csv(
        io.StringIO(out.getvalue()), sep="\t", header=None, names=list(MENTION_COLUMNS)
    )
    assert len(mentions) == events["NumMentions"].sum()
    assert set(mentions["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])
    assert mentions["SentenceID"].min() >= 1


def test_event_id_takes_52_bits_of_the_cluster_hash() -> None:
    assert event_id("ffffffffffffffff") == 2**52 - 1


def test_export_file_round_trips_through_the_loader(samples: Store, tmp_path: Path) -> None:
    target = tmp_path / "events.tsv"
    n = export(samples, "gdelt", target)
    assert len(read_gdelt(target.read_text(encoding="utf-8"))) == n


def test_codes_counts_and_stamps_are_consistent(events: pd.DataFrame) -> None:
    assert (events["EventBaseCode"] == events["EventCode"].str[:3]).all()
    assert (events["EventRootCode"] == events["EventCode"].str[:2]).all()
    assert events["QuadClass"].between(1, 4).all()
    assert events["GoldsteinScale"].between(-10, 10).all()
    assert (events["NumSources"] <= events["NumArticles"]).all()
    assert (events["NumArticles"] <= events["NumMentions"]).all()
    assert events["DATEADDED"].astype(str).str.fullmatch(r"\d{14}").all()
    assert (events["MonthYear"] == events["SQLDATE"] // 100).all()
    assert (events["Year"] == events["SQLDATE"] // 10000).all()


def test_columns_casus_does_not_code_stay_empty(events: pd.DataFrame) -> None:
    empty = [
        "AvgTone",
        "Actor1EthnicCode",
        "Actor1Religion1Code",
        "Actor2Geo_Type",
        "Actor1Geo_FullName",
        "ActionGeo_ADM2Code",
    ]
    assert events[empty].isna().all().all()


@pytest.mark.parametrize(
    ("code", "roles", "how", "written"),
    [("---", (), "unknown", ["", "", ""]), ("---UAF", ("UAF",), "generic", ["UAF", "MILITIA", ""])],
)
def test_a_side_of_unknown_country_is_written_as_gdelt_writes_one(
    code: str, roles: tuple[str, ...], how: str, written: list[str]
) -> None:
    from casus.analysis.gdelt import _actor
    from casus.model import Actor

    actor = Actor(code, None, roles, "gunmen", 0, 6, how)
    assert _actor(actor)[:3] == written
