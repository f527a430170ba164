"""The real dbt build on a synthetic lake: what lands in the marts."""
from __future__ import annotations

import pytest

from extractors import config, warehouse
from helpers import SEEDS, eur_rate, reference_rows
from lakefix import D3

pytestmark = pytest.mark.slow

MARTS = ["dim_clubs", "dim_players", "dim_sources", "dim_dates", "fct_rumour_mentions",
         "fct_rumours", "fct_fee_estimates", "fct_rejects", "rpt_hottest_rumours"]


def one(db, sql, *params):
    return db.execute(sql, list(params)).fetchone()


def test_rumour_mentions_one_row_per_article_and_rumour(db):
    ids = [r[0] for r in db.execute(
        "select rumour_mention_id from fct_rumour_mentions order by 1").fetchall()]
    # a2 was landed again on day 3 with one rumour left: a2-1 is gone
    assert ids == ["a1-0", "a2-0", "a3-0", "a4-0", "a5-0", "a5-1", "a6-0"]
    status, ingest = one(db, "select status, ingest_date from fct_rumour_mentions "
                             "where rumour_mention_id = 'a2-0'")
    assert (status, ingest) == ("agreed", D3)


def test_hidden_temp_files_in_partitions_are_never_read(db):
    # Why: extractors/ingest/land.py writes each partition through a `.tmp-*.parquet`
    # file in the partition directory and renames it. During development we
    # checked that DuckDB's `*.parquet` glob does match such dot-files, so a
    # build running while the lake is being written (or after a crash left a
    # temp file) would read half-written or duplicate data. The sources glob
    # `[!.]*.parquet`; this test keeps it that way.
    assert one(db, "select count(*) from fct_rumour_mentions where article_id = 'zz'") == (0,)
    assert one(db, "select count(*) from dim_players where player_key = 'ghost player'") == (0,)


def test_player_resolution(db):
    rows = dict(db.execute(
        "select rumour_mention_id, player_key from fct_rumour_mentions").fetchall())
    # "Milenkovic" alone in a Fiorentina article: the only Milenkovic seen with Fiorentina
    assert rows["a2-0"] == rows["a1-0"] == "nikola milenkovic"
    # "Hernández" alone in a Milan article: Theo and Lucas are both seen with Milan
    assert rows["a3-0"] == "hernandez"
    assert rows["a4-0"] == "lucas hernandez" and rows["a6-0"] == "theo hernandez"
    name, variants, position, born, club = one(
        db, "select display_name, name_variants, position, birth_year, last_known_club_key "
            "from dim_players where player_key = 'nikola milenkovic'")
    assert name == "Nikola Milenković"
    assert set(variants) == {"Milenkovic", "Nikola Milenkovic", "Nikola Milenković"}
    assert (position, born, club) == ("defender", 1997, "inter-milan")   # completed move to Inter
    assert one(db, "select count(*) from dim_players where player_key like '%hernandez'") == (3,)
    # coaches only named in passing are not players
    assert one(db, "select count(*) from dim_players where player_key = 'raffaele palladino'") == (0,)


def test_fees_in_eur(db):
    fees = dict(db.execute("select fee_mention_id, amount_eur from fct_fee_estimates").fetchall())
    assert fees["a1-0"] == 30_000_000
    assert fees["a2-0"] == pytest.approx(25_000_000 * eur_rate("GBP", "2025-01"))
    usd = eur_rate("USD", "2024-12")
    assert fees["a3-0"] == (pytest.approx(50_000_000 * usd) if usd else None)
    chf = eur_rate("CHF", "2024-12")
    assert fees["a3-1"] == (pytest.approx(5_000_000 * chf) if chf else None)
    assert fees["a5-1"] == 0          # 0 = free stays 0
    # a free deal with no amount is a 0 fee, not an unknown one
    assert one(db, "select fee_eur from fct_rumour_mentions where rumour_mention_id = 'a5-1'") == (0,)
    assert one(db, "select fee_eur from fct_rumour_mentions where rumour_mention_id = 'a4-0'") == (None,)


def test_rumours_consolidated(db):
    row = one(db, """
        select mention_count, source_count, latest_status, fee_min_eur, fee_median_eur, fee_max_eur
        from fct_rumours where player_key = 'nikola milenkovic' and to_club_key = 'inter-milan'""")
    assert row == (2, 2, "completed", 30_000_000, 31_000_000, 32_000_000)
    assert one(db, "select sum(mention_count) from fct_rumours") == \
        one(db, "select count(*) from fct_rumour_mentions")
    top = one(db, "select player_name, to_club_key, sources from rpt_hottest_rumours "
                  "where hotness_rank = 1")
    assert top == ("Nikola Milenković", "inter-milan", "gazzetta, sky")


def test_sources_rejects_clubs_dates(db):
    assert one(db, "select article_count, reject_count, country, language from dim_sources "
                   "where source_name = 'bbc'") == (2, 1, "United Kingdom", "en")
    assert one(db, "select count(*) from fct_rejects") == (3,)
    # a club key the lake uses but the reference may not list still has a dimension row
    assert one(db, "select in_reference from dim_clubs where club_key = 'paris-sg'") == (False,)
    assert one(db, "select club_name, in_reference from dim_clubs where club_key = 'inter-milan'") \
        == ("Inter Milan", True)
    assert one(db, "select count(*) from fct_rumour_mentions f anti join dim_dates d "
                   "on f.published_date = d.date_day") == (0,)


def test_reference_seeds_come_from_extractors_reference(db):
    for name in ("clubs", "fx_rates"):
        link = SEEDS / f"{name}.csv"
        assert link.is_symlink(), f"{link} must link to the shared reference, not copy it"
        assert link.resolve() == (config.REFERENCE_DIR / f"{name}.csv").resolve()
        assert one(db, f"select count(*) from {name}") == (reference_rows(name),)


def test_docs_persisted_as_comments(db):
    missing_tables = db.execute(
        f"select table_name from duckdb_tables() where table_name in {tuple(MARTS)} "
        "and (comment is null or comment = '')").fetchall()
    assert missing_tables == []
    missing_cols = db.execute(
        f"select table_name, column_name from duckdb_columns() where table_name in {tuple(MARTS)} "
        "and (comment is null or comment = '')").fetchall()
    assert missing_cols == []


def test_contract_types(db):
    types = dict(db.execute(
        "select column_name, data_type from duckdb_columns() "
        "where table_name = 'fct_rumour_mentions'").fetchall())
    assert types["fee_eur"] == "DOUBLE"
    assert types["published_date"] == "DATE"
    assert types["published_at"] == "TIMESTAMP WITH TIME ZONE"


def test_unit_tests_pass(paths):
    """The routine build leaves the unit tests out (they check SQL, not data):
    they run here, against the session's warehouse."""
    res = warehouse.run_dbt(["test", "--select", "test_type:unit"], paths)
    names = {r.node.name for r in res.result.results}
    assert len(names) == 5 and all(str(r.status) == "pass" for r in res.result.results), names
