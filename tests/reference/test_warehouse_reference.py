"""The warehouse with the transfermarkt reference: real dbt builds on a synthetic lake whose
mentions carry player_id, once with a tiny reference and once with none (empty source)."""
import copy
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from extractors import config, warehouse
from extractors.tmref import export, players
from tests.reference.conftest import write_players

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "warehouse"))
import lakefix  # noqa: E402

ROWS = [("100", "Nikola", "Milenković", "Nikola Milenković", 2025, "430", "Serbia",
         "1997-10-12 00:00:00", "Centre-Back", "Defender", "ACF Fiorentina", 30000000),
        ("200", "Theo", "Hernández", "Theo Hernández", 2025, "5", "France",
         "1997-10-06 00:00:00", "Left-Back", "Defender", "AC Milan", 40000000)]


def _day_with_links():
    day = copy.deepcopy(lakefix.DAY1)
    for r in day["rumours"]:
        if r["player_key"] == "nikola milenkovic":
            r["player_id"] = "100"
        if r["player_key"] == "theo hernandez":
            r["player_id"] = "200"
    return day


def _q(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("tmref-wh")
    mp = pytest.MonkeyPatch()
    mp.setenv("MERCATO_DATA_DIR", str(base / "data"))
    mp.setenv("MERCATO_REFERENCE_DIR", str(write_players(base / "ref", ROWS)))
    players.reset()
    try:
        p = config.paths()
        lakefix.write_day(p.lake, lakefix.D1, _day_with_links())
        warehouse.build()
        with_ref = p.build_db.with_name("with-ref.duckdb")
        with_ref.write_bytes(p.build_db.read_bytes())
        mp.setenv("MERCATO_REFERENCE_DIR", str(base / "no-reference"))
        players.reset()
        warehouse.build(full_refresh=True)
        yield p, with_ref
    finally:
        mp.undo()
        players.reset()


def test_dim_players_carries_the_reference(built):
    _, db = built
    rows = _q(db, """select player_key, transfermarkt_player_id, date_of_birth::varchar, transfermarkt_position,
                            citizenship, current_club_key, market_value_eur
                     from dim_players where transfermarkt_player_id is not null order by 1""")
    assert rows == [("nikola milenkovic", "100", "1997-10-12", "Defender", "Serbia", "fiorentina", 30000000),
                    ("theo hernandez", "200", "1997-10-06", "Defender", "France", "ac-milan", 40000000)]


def test_fct_rumours_shows_fee_next_to_market_value(built):
    _, db = built
    (row,) = _q(db, """select fee_median_eur, player_market_value_eur, fee_to_market_value
                      from fct_rumours where player_key = 'nikola milenkovic' and to_club_key = 'inter-milan'""")
    assert row[1] == 30000000 and row[0] == 30000000 and row[2] == pytest.approx(1.0)


def test_dim_clubs_carries_transfermarkt_club_id(built):
    _, db = built
    assert _q(db, "select transfermarkt_club_id from dim_clubs where club_key = 'fiorentina'") == [("430",)]


def test_build_without_reference_has_empty_source_and_null_columns(built):
    p, _ = built
    table = pq.read_table(export.players_parquet(p))
    assert table.num_rows == 0 and table.schema == export.SCHEMA
    assert _q(p.build_db, "select count(*) from stg_reference__tm_players") == [(0,)]
    # the lake's links survive; only the reference's attributes are missing
    assert _q(p.build_db, """select transfermarkt_player_id, market_value_eur from dim_players
                             where player_key = 'nikola milenkovic'""") == [("100", None)]
