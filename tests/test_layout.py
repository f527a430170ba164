"""The package holds the product only: nothing under extractors/ imports the development
tooling (tests/, tests/tools/) or a dev-only dependency, so an installed `mercato` runs
without them. Why: the bench, the evaluation and their chart library once lived inside the
package, and matplotlib was a runtime dependency for one chart (#16)."""
from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from extractors.config import REPO_ROOT

PACKAGE = REPO_ROOT / "extractors"


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _dev_only_distributions() -> set[str]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))
    names = lambda specs: {Requirement(s).name.lower() for s in specs}   # noqa: E731
    return names(project["dependency-groups"]["dev"]) - names(project["project"]["dependencies"])


def test_no_product_module_imports_the_tooling_or_a_dev_dependency():
    dev_modules = {name.replace("-", "_") for name in _dev_only_distributions()} | {"tests"}
    assert {"matplotlib", "pytest", "tests"} <= dev_modules
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        bad = _imported_roots(path) & dev_modules
        if bad:
            offenders[str(path.relative_to(REPO_ROOT))] = sorted(bad)
    assert offenders == {}


def test_the_stage_subpackages_exist_and_hold_their_modules():
    expected = {
        "ingest": {"sources", "fetch", "clean", "land", "guard", "netguard"},
        "warehouse": {"dbt", "publish", "query", "summary", "serve"},
        "orchestration": {"pipeline", "runner", "steps"},
        "local": {"standalone", "celery_cluster"},
    }
    for package, modules in expected.items():
        found = {p.stem for p in (PACKAGE / package).glob("*.py")} - {"__init__"}
        assert modules <= found, (package, modules - found)
    loose = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert loose == {"cli", "config", "schemas"}
