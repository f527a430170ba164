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


def test_docs_site_lists_the_marts_in_a_real_browser(docs, tmp_path):
    """The site analysts read: served on 127.0.0.1, rendered by headless Chromium."""
    from playwright.sync_api import sync_playwright

    from extractors.warehouse.serve import StaticSite

    with StaticSite(docs) as site, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.goto(site.url + "/index.html")
            for folder in ("mercato", "models", "marts"):      # open the project tree
                page.locator(f'span:text-is("{folder}"):visible').first.click()
            page.wait_for_selector("text=fct_rumours >> visible=true", timeout=30_000)
            text = page.inner_text("body")
            page.screenshot(path=str(tmp_path / "dbt-docs.png"))
        finally:
            browser.close()
    for mart in ("dim_clubs", "dim_players", "dim_sources", "fct_rumours", "fct_rumour_mentions",
                 "fct_fee_estimates", "fct_rejects", "rpt_hottest_rumours"):
        assert mart in text, mart


def test_docs_are_kept_when_their_inputs_did_not_change_and_redone_when_they_did(docs, paths, tmp_path):
    """The DAG's hourly runs skip the docs when the dbt project, dbt's version and the settings
    are those the site was made from: the site holds no row of data (DuckDB's catalog has no
    table statistics), so it would be the same."""
    from extractors.warehouse import docs as docs_module

    stamp = docs / docs_module.STAMP
    assert stamp.read_text().strip() == docs_module.inputs_fingerprint(paths)
    before = (docs / "catalog.json").stat().st_mtime_ns
    warehouse.generate_docs(paths, only_if_changed=True)
    assert (docs / "catalog.json").stat().st_mtime_ns == before            # kept
    stamp.write_text("made from another project\n")
    warehouse.generate_docs(paths, only_if_changed=True)
    assert (docs / "catalog.json").stat().st_mtime_ns > before             # made again
    assert stamp.read_text().strip() == docs_module.inputs_fingerprint(paths)
