"""The cross-validated dev-set figures never drop below the pinned floors (tests/extract/floors.json)."""
import json

import pytest

from extractors.config import REPO_ROOT

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
CLUBS = REPO_ROOT / "extractors" / "reference" / "clubs.csv"


@pytest.mark.skipif(not (EVAL_DIR / "score_rumours.py").exists(),
                    reason=f"evaluation set not found at {EVAL_DIR} (../shared/eval from the repo root)")
@pytest.mark.skipif(not CLUBS.exists(), reason=f"club reference {CLUBS} missing")
def test_cross_validated_figures_stay_above_floors(tmp_path, monkeypatch):
    monkeypatch.delenv("MERCATO_CLUBS_CSV", raising=False)     # the real reference, not the unit-test one
    from tests.tools.eval.evaluate import FLOORS, check, cross_validate
    _, figs = cross_validate(EVAL_DIR, tmp_path / "cv.jsonl")
    floors = json.loads(FLOORS.read_text())
    assert not check(figs, floors), "\n".join(check(figs, floors))


@pytest.mark.skipif(not (EVAL_DIR / "pages" / "html").is_dir(), reason=f"no off-topic pages at {EVAL_DIR}/pages")
def test_off_topic_pages_give_no_rumour_and_few_players(monkeypatch):
    monkeypatch.delenv("MERCATO_CLUBS_CSV", raising=False)
    from tests.tools.eval.evaluate import off_topic_pages
    figs = off_topic_pages(EVAL_DIR)
    assert figs["pages_players_per_page"] <= 1.0, figs
    assert figs["pages_rumours"] == 0, figs      # the goal of #12; 1 before the seller/cue change of 2026-12-03
