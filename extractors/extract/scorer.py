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

from .candidates import FEATURES, PERSON_FEATURES

MODEL_DIR = Path(__file__).resolve().parent / "trained"
PAIR_MODEL = MODEL_DIR / "pairs.lgb.txt"
PAIR_CALIBRATION = MODEL_DIR / "pairs.calibration.json"
PLAYER_MODEL = MODEL_DIR / "players.lgb.txt"
STACK_MODEL = MODEL_DIR / "pairs.stack.lgb.txt"     # stage 2 (stack.py): each pair against its article's others
DESTINATION = 1      # the pair model's classes (learn.PAIR_CLASSES): the player moves to this club,
SELLER = 2           # ... or leaves it (his current club)
_RULE = FEATURES.index("rule_pair")
_RULE_CONF = FEATURES.index("rule_conf")


class RuleScorer:
    """The rules' own verdict: a pair is a move when they made a rumour of it."""

    def pair_probabilities(self, rows: list[list[float]]) -> list[float]:
        return [max(0.5, r[_RULE_CONF]) if r[_RULE] else 0.0 for r in rows]

    def move_probabilities(self, rows: list[list[float]], cands=None) -> tuple[list[float], list[float] | None]:
        return self.pair_probabilities(rows), None      # the rules' seller stands

    def confidence(self, raw: float) -> float:
        return raw

    def player_probabilities(self, rows: list[list[float]]) -> list[float] | None:
        return None                         # keep the rules' verdict


class Ensemble:
    """Boosters trained alike but for their random seed, their probabilities averaged: on ~120
    articles one seed's choice of rows and features moves cross-validated pair F1 by ±0.01, so a
    single booster's decisions are partly chance.  Stored as one text file, models in seed order."""
    SEPARATOR = "\n#### next booster ####\n"

    def __init__(self, boosters):
        self.boosters = list(boosters)
        self._inner = None          # per booster, (its predictor, its best iteration), made on first use

    def predict(self, rows, num_threads: int = 1):
        inner = self._predictors() if num_threads == 1 else None
        if not inner:
            return sum(b.predict(rows, num_threads=num_threads) for b in self.boosters) / len(self.boosters)
        # what Booster.predict(rows, num_threads=1) does, without making its predictor anew for every call
        # (most of the cost of an article's few rows): the same C prediction, the same numbers
        return sum(pr.predict(rows, num_iteration=it) for pr, it in inner) / len(self.boosters)

    def _predictors(self) -> list:
        if self._inner is None:
            try:
                from lightgbm.basic import _InnerPredictor

                self._inner = [(_InnerPredictor.from_booster(booster=b, pred_parameter={"num_threads": 1}),
                                b.best_iteration) for b in self.boosters]
            except (ImportError, AttributeError, TypeError):
                self._inner = []    # another lightgbm: its public predict
        return self._inner

    def __getstate__(self):
        return {**self.__dict__, "_inner": None}

    def feature_name(self) -> list[str]:
        return self.boosters[0].feature_name()

    def model_to_string(self) -> str:
        return self.SEPARATOR.join(b.model_to_string() for b in self.boosters)

    @classmethod
    def from_string(cls, text: str) -> "Ensemble":
        import lightgbm as lgb

        return cls(lgb.Booster(model_str=part) for part in text.split(cls.SEPARATOR))


def _predict(booster, rows):
    import numpy as np

    if not rows:
        return np.zeros(0)
    return booster.predict(np.asarray(rows, dtype=np.float64), num_threads=1)


class ModelScorer:
    def __init__(self, booster, calibration: tuple[list[float], list[float]] | None = None,
                 player_booster=None, stacker=None):
        self.booster = booster
        self.calibration = calibration
        self.player_booster = player_booster
        self.stacker = stacker          # stage 2 (stack.py), or None: the pair model decides alone

    def pairs(self, rows: list[list[float]], cands=None):
        """Per pair, the probabilities of [neither, destination, seller]: the pair model's, its
        destination blended with stage 2's when there is one and the candidates are given (stage 2
        groups the rows by person and club)."""
        import numpy as np

        if not rows:
            return np.zeros(0)
        x = np.asarray(rows, dtype=np.float64)
        p = self.booster.predict(x, num_threads=1)
        if self.stacker is None or cands is None or p.ndim != 2:
            return p
        from .stack import BLEND, stack_rows

        q = self.stacker.predict(stack_rows(cands, x, p), num_threads=1)
        p[:, DESTINATION] = (1.0 - BLEND) * p[:, DESTINATION] + BLEND * q
        return p

    def raw(self, rows: list[list[float]], cands=None):
        """The probability that each pair is a move to its club (the destination class)."""
        p = self.pairs(rows, cands)
        return p[:, DESTINATION] if p.ndim == 2 else p

    def player_probabilities(self, rows: list[list[float]]) -> list[float] | None:
        if self.player_booster is None:
            return None
        return list(_predict(self.player_booster, rows))

    def pair_probabilities(self, rows: list[list[float]]) -> list[float]:
        return list(self.raw(rows))

    def move_probabilities(self, rows: list[list[float]], cands=None) -> tuple[list[float], list[float] | None]:
        """Per pair, the probability that the player moves to the club and that it is his current club
        (`cands`, the rows' candidates, lets stage 2 weigh each pair against the others)."""
        p = self.pairs(rows, cands)
        if p.ndim != 2:
            return list(p), None
        return list(p[:, DESTINATION]), list(p[:, SELLER])

    def confidence(self, raw: float) -> float:
        """The calibrated probability of a raw score (isotonic, fitted on cross-validated scores)."""
        if self.calibration is None:
            return raw
        import numpy as np

        xs, ys = self.calibration
        return float(np.interp(raw, xs, ys))

    @classmethod
    def load(cls, model: Path = PAIR_MODEL, calibration: Path = PAIR_CALIBRATION,
             stack: Path = STACK_MODEL) -> "ModelScorer":
        def read(path: Path, features):
            if not path.exists():
                return None
            booster = Ensemble.from_string(path.read_text(encoding="utf-8"))
            if list(booster.feature_name()) != list(features):
                raise ValueError(f"{path} was trained on other features; retrain with `make train`")
            return booster

        cal = None
        if calibration.exists():
            d = json.loads(calibration.read_text(encoding="utf-8"))
            cal = (d["x"], d["y"])
        from .stack import STACK_FEATURES

        return cls(read(model, FEATURES), cal, read(PLAYER_MODEL, PERSON_FEATURES), read(stack, STACK_FEATURES))


@lru_cache(maxsize=1)
def default_scorer():
    """The committed model, or the rules alone when no trained model is present."""
    if PAIR_MODEL.exists():
        return ModelScorer.load()
    return RuleScorer()
