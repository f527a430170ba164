"""dbt-project-evaluator's rules, checked on the manifest of `dbt parse`.

The package cannot be installed here (no network but PyPI), so the rules the
project follows are re-stated on the manifest: staging folders per source,
source freshness, primary-key tests, public models behind exposures, no
fan-out, no re-join. Each deliberate exception is listed here and in
dbt_project/README.md ("dbt-project-evaluator exceptions").
"""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from extractors import config, warehouse

# (upstream, in-between model, model): see dbt_project/README.md
REJOIN_EXCEPTIONS = {("stg_lake__rumours", "int_player_mentions", "int_players_resolved"),
                     ("int_players_resolved", "int_player_transfermarkt_ids", "dim_players")}
FANOUT_THRESHOLD = 3      # the evaluator's default models_fanout_threshold
PK_TEST_SETS = [{"test_unique", "test_not_null"}, {"test_mercato_unique_combination"}]


@pytest.fixture(scope="module")
def manifest(tmp_path_factory):
    paths = config.paths(tmp_path_factory.mktemp("dbt-parse"))
    return json.loads(warehouse.parse(paths).read_text())


@pytest.fixture(scope="module")
def graph(manifest):
    """name -> set of direct children (models and exposures; tests,
    analyses and seeds' own parents are not part of the evaluator's DAG)."""
    resources = {**manifest["nodes"], **manifest["sources"], **manifest["exposures"]}
    names = {uid: (f"{r['source_name']}.{r['name']}" if r["resource_type"] == "source" else r["name"])
             for uid, r in resources.items()}
    children = defaultdict(set)
    for uid, r in resources.items():
        if r["resource_type"] in ("model", "exposure") and r.get("package_name") == "mercato":
            for parent in r["depends_on"]["nodes"]:
                children[names[parent]].add(names[uid])
    kinds = {names[uid]: r["resource_type"] for uid, r in resources.items()}
    return children, kinds


def models(manifest):
    return [n for n in manifest["nodes"].values() if n["resource_type"] == "model"]


def test_staging_models_are_in_a_folder_per_source(manifest):
    for node in models(manifest):
        if node["name"].startswith("stg_"):
            source = node["name"].removeprefix("stg_").split("__")[0]
            assert node["original_file_path"].startswith(f"models/staging/{source}/"), node["original_file_path"]


def test_every_lake_source_has_freshness(manifest):
    lake = [s for s in manifest["sources"].values() if s["source_name"] == "lake"]
    assert len(lake) >= 6
    for source in lake:        # the reference snapshot's age is the DAG's reference task's (dbt_project/README.md)
        assert source["loaded_at_field"], source["name"]
        assert source["freshness"]["warn_after"]["count"] and source["freshness"]["error_after"]["count"]


def test_every_model_has_a_primary_key_test(manifest):
    tests = defaultdict(lambda: defaultdict(set))     # model -> column -> test macros
    for node in manifest["nodes"].values():
        if node["resource_type"] == "test" and node.get("attached_node"):
            for macro in node["depends_on"]["macros"]:
                tests[node["attached_node"]][node.get("column_name")].add(macro.split(".")[-1])
    for node in models(manifest):
        per_column = tests[node["unique_id"]].values()
        assert any(s <= found for s in PK_TEST_SETS for found in per_column), node["name"]


def test_exposures_depend_only_on_public_contracted_models(manifest):
    for exposure in manifest["exposures"].values():
        for uid in exposure["depends_on"]["nodes"]:
            node = manifest["nodes"][uid]
            assert node["access"] == "public", (exposure["name"], node["name"])
            assert node["config"]["contract"]["enforced"], node["name"]
            assert node["description"] and all(c["description"] for c in node["columns"].values()), node["name"]


def test_no_model_fans_out_to_many_end_models(graph):
    children, kinds = graph
    models_only = {n: {c for c in cs if kinds[c] == "model"} for n, cs in children.items()}
    # stricter than the evaluator: an exposure does not make a model a non-leaf
    for parent, cs in models_only.items():
        leaves = sorted(c for c in cs if not models_only.get(c))
        assert len(leaves) < FANOUT_THRESHOLD, (parent, leaves)


def test_no_model_rejoins_an_upstream_concept(graph):
    children, kinds = graph
    models_only = {n: {c for c in cs if kinds[c] != "exposure"} for n, cs in children.items()}
    rejoins = {(up, mid, down)
               for up, direct in models_only.items()
               for mid in direct for down in direct
               if mid != down and models_only.get(mid) == {down}}
    assert rejoins == REJOIN_EXCEPTIONS
