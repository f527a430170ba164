"""The DAG's dbt step: one `dbt build`, reported model by model.

One task runs the same `dbt build` as `mercato run` (seeds, models and data tests, one dbt
invocation, in the writer pool) and returns every node's result. One task per model and seed,
wired as the models depend on each other, then reports its node: it fails with dbt's message when
the node or one of its data tests failed, so the Airflow UI shows which model broke, and its
children are marked upstream_failed (dbt skipped them too). Clearing a node's task (a retry, or a
clear after a fix) runs `dbt build --select <node>` for that node and its tests.

Why not astronomer-cosmos' DbtTaskGroup in WATCHER mode, which this replaced: on the sample site
its producer pushed three XComs per node through Airflow's execution API while dbt ran, and ran the
data tests in a second dbt invocation: 12.6 s + 4.1 s of a 34.7 s `airflow dags test` run, where
`mercato run` builds and tests the same nodes in about 5 s (make bench, 2026-12-04).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

TASKED = ("model", "seed")            # the dbt resource types that get a task of their own
FAILED = {"error", "fail", "runtime error", "skipped"}


class DbtNodeFailed(RuntimeError):
    """The node, or one of its data tests, did not pass in the run's dbt build."""


@dataclass
class DbtNode:
    unique_id: str
    name: str
    resource_type: str
    description: str = ""
    parents: list[str] = field(default_factory=list)     # unique_ids of tasked parents
    tests: list[str] = field(default_factory=list)       # unique_ids of the data tests on this node

    @property
    def task_id(self) -> str:
        return f"{self.name}_{'run' if self.resource_type == 'model' else self.resource_type}"


def read_nodes(manifest: Path) -> list[DbtNode]:
    """The project's models and seeds from dbt's manifest.json, parents before children; each
    data test goes with the node it is attached to (a singular test: with every model it reads)."""
    if not manifest.exists():
        raise FileNotFoundError(f"{manifest} is missing: `make setup` writes it (dbt parse)")
    raw = json.loads(manifest.read_text("utf-8"))["nodes"]
    nodes = {uid: DbtNode(uid, n["name"], n["resource_type"], n.get("description") or "")
             for uid, n in raw.items() if n["resource_type"] in TASKED}
    for uid, n in raw.items():
        deps = n.get("depends_on", {}).get("nodes", [])
        if uid in nodes:
            nodes[uid].parents = sorted(d for d in deps if d in nodes)
        elif n["resource_type"] == "test":
            for target in ([n["attached_node"]] if n.get("attached_node") else deps):
                if target in nodes:
                    nodes[target].tests.append(uid)
    ordered: list[DbtNode] = []
    seen: set[str] = set()

    def visit(uid: str) -> None:
        if uid in seen:
            return
        seen.add(uid)
        for parent in nodes[uid].parents:
            visit(parent)
        ordered.append(nodes[uid])

    for uid in sorted(nodes):
        visit(uid)
    return ordered


def node_results(res) -> dict[str, dict]:
    """{unique_id: {"status", "message"}} of every node a dbt invocation ran (dbtRunnerResult)."""
    results = getattr(getattr(res, "result", None), "results", None) or []
    return {r.node.unique_id: {"status": str(getattr(r.status, "value", r.status)).lower(),
                               "message": (r.message or "").strip()} for r in results}


def build(paths=None) -> dict[str, dict]:
    """The run's `dbt build` (warehouse.build, as in `mercato run`); returns every node's result.
    A failed node does not fail this task (its own task reports it); dbt failing before it ran
    any node (a parse error, an unreadable lake) does."""
    from extractors import warehouse as wh

    try:
        res = wh.build(paths)
    except wh.WarehouseError as e:
        results = node_results(e.result)
        if not results:
            raise
        failed = sorted(uid for uid, r in results.items() if r["status"] in FAILED)
        print(f"dbt build: {len(failed)} node(s) did not pass, reported by their tasks: {', '.join(failed)}")
        return results
    return node_results(res)


def report(node: DbtNode, results: dict[str, dict]) -> str:
    """The node's outcome in the build; raises DbtNodeFailed naming what failed."""
    own = results.get(node.unique_id)
    if own is None:
        raise DbtNodeFailed(f"{node.unique_id} is not in the dbt build's results (was it disabled or renamed "
                            "after the DAG was parsed?)")
    problems = [f"{node.unique_id}: {own['status']}: {own['message']}"] if own["status"] in FAILED else []
    problems += [f"{t}: {results[t]['status']}: {results[t]['message']}" for t in node.tests
                 if t in results and results[t]["status"] in FAILED]
    if problems:
        raise DbtNodeFailed("dbt build did not pass for this node:\n" + "\n".join(problems))
    ran = sum(t in results for t in node.tests)
    return f"{node.unique_id}: {own['status']} ({own['message']}); {ran} data test(s) passed"


def rebuild(node: DbtNode, paths=None) -> str:
    """`dbt build --select <node>`: the node and its data tests, e.g. after a fix."""
    from extractors import warehouse as wh

    wh.run_dbt(["build", "--select", node.name, "--exclude-resource-type", "unit_test"], paths)
    return f"{node.unique_id}: rebuilt with its data tests"
