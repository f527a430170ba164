"""The dev-set figures never drop below the pinned floors (tests/extract/floors.json)."""
import json

import pytest

from extractors.config import REPO_ROOT

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
CLUBS = REPO_ROOT / "extractors" / "reference" / "clubs.csv"


@pytest.mark.skipif(not (EVAL_DIR / "score_rumours.py").exists(),
                    reason=f"evaluation set not found at {EVAL_DIR} (../shared/eval from the repo root)")
@pytest.mark.skipif(not CLUBS.exists(), reason=f"club reference {CLUBS} missing")
def test_dev_figures_stay_above_floors(tmp_path, monkeypatch):
    monkeypatch.delenv("MERCATO_CLUBS_CSV", raising=False)     # the real reference, not the unit-test one
    from extractors.evaluate import FLOORS, check, run
    _, figs = run(EVAL_DIR, tmp_path / "pred.jsonl")
    floors = json.loads(FLOORS.read_text())
    assert not check(figs, floors), "\n".join(check(figs, floors))
