"""The learned decision: is a candidate (player, club) pair a reported move?

Why: a small gradient-boosted model (LightGBM, trained by `make train` on the annotated
articles, see learn.py) weighs the candidate's features; its probability is calibrated on
cross-validated predictions so a rumour's `confidence` can be filtered on.  The model is a
committed text file, loaded once per process.  Without it, the rules decide alone.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .candidates import FEATURES

MODEL_DIR = Path(__file__).resolve().parent / "trained"
PAIR_MODEL = MODEL_DIR / "pairs.lgb.txt"
PAIR_CALIBRATION = MODEL_DIR / "pairs.calibration.json"
_RULE = FEATURES.index("rule_pair")
_RULE_CONF = FEATURES.index("rule_conf")


class RuleScorer:
    """The rules' own verdict: a pair is a move when they made a rumour of it."""

    def pair_probabilities(self, rows: list[list[float]]) -> list[float]:
        return [max(0.5, r[_RULE_CONF]) if r[_RULE] else 0.0 for r in rows]

    def confidence(self, raw: float) -> float:
        return raw


class ModelScorer:
    def __init__(self, booster, calibration: tuple[list[float], list[float]] | None = None):
        self.booster = booster
        self.calibration = calibration

    def raw(self, rows: list[list[float]]):
        import numpy as np

        if not rows:
            return np.zeros(0)
        return self.booster.predict(np.asarray(rows, dtype=np.float64), num_threads=1)

    def pair_probabilities(self, rows: list[list[float]]) -> list[float]:
        return list(self.raw(rows))

    def confidence(self, raw: float) -> float:
        """The calibrated probability of a raw score (isotonic, fitted on cross-validated scores)."""
        if self.calibration is None:
            return raw
        import numpy as np

        xs, ys = self.calibration
        return float(np.interp(raw, xs, ys))

    @classmethod
    def load(cls, model: Path = PAIR_MODEL, calibration: Path = PAIR_CALIBRATION) -> "ModelScorer":
        import lightgbm as lgb

        booster = lgb.Booster(model_str=model.read_text(encoding="utf-8"))
        names = booster.feature_name()
        if list(names) != list(FEATURES):
            raise ValueError(f"{model} was trained on other features; retrain with `make train`")
        cal = None
        if calibration.exists():
            d = json.loads(calibration.read_text(encoding="utf-8"))
            cal = (d["x"], d["y"])
        return cls(booster, cal)


@lru_cache(maxsize=1)
def default_scorer():
    """The committed model, or the rules alone when no trained model is present."""
    if PAIR_MODEL.exists():
        return ModelScorer.load()
    return RuleScorer()
