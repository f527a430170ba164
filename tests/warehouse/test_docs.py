"""dbt docs (normal and --static single-file site) and the analyses."""
from __future__ import annotations

import duckdb
import pytest

from extractors import warehouse

pytestmark = pytest.mark.slow

ANALYSES = ["most_linked_clubs_this_month", "player_rumour_timeline",
            "fee_ranges_per_target_club", "sources_by_volume", "rumours_that_completed"]


@pytest.fixture(scope="module")
def docs(warehouse_run):
    return warehouse.generate_docs(warehouse_run["paths"])


def test_docs_site_written(docs):
    for name in ("index.html", "manifest.json", "catalog.json", "static_index.html"):
        assert (docs / name).stat().st_size > 0
    static = (docs / "static_index.html").read_text()
    assert "Mercato warehouse" in static        # the __overview__ block is embedded


@pytest.mark.parametrize("name", ANALYSES)
def test_analyses_compile_and_run(docs, paths, name):
    # docs generate compiles every node, analyses included
    compiled = warehouse.target_dir(paths) / "compiled" / "mercato" / "analyses" / f"{name}.sql"
    sql = compiled.read_text()
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        rows = con.execute(sql).fetchall()
    finally:
        con.close()
    assert rows, f"{name} returned no rows on the sample lake"
