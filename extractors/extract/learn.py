"""Training the pair scorer on annotated articles (`make train`), deterministically.

    python -m extractors.extract.learn [--eval-dir ../shared/eval]

Why: the decisions are learned from the annotations instead of written as branches.
A candidate's label is 1 when the gold has a rumour for that player and destination
(names compared with the official scorer's own matching, imported by path).  LightGBM
runs on one thread with fixed seeds, so the same articles give the same model file.
The calibration maps raw scores to probabilities with isotonic regression fitted on
5-fold cross-validated scores (no article scores itself).  Stage 2 (stack.py) is trained on
out-of-fold pair-model probabilities (stacked_folds).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from .candidates import FEATURES, PERSON_FEATURES, REFERENCE_FEATURES
from .scorer import (DESTINATION, PAIR_CALIBRATION, PAIR_MODEL, PLAYER_MODEL, SELLER, STACK_MODEL, Ensemble,
                     ModelScorer, _predict)
from .stack import STACK_FEATURES, stack_rows

PARAMS = {
    "objective": "binary", "learning_rate": 0.1, "num_leaves": 15, "min_data_in_leaf": 10,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "seed": 7, "deterministic": True, "force_row_wise": True, "num_threads": 1, "verbose": -1,
}
ROUNDS = 120
# One booster per seed, averaged (scorer.Ensemble). One seed: three (7, 11, 23) gave cross-validated
# pair F1 +0.002 but cost a quarter of extraction's speed (plain text 248 -> 183 articles/s, below
# make bench's 200/s target).
SEEDS = (7,)
UNKNOWN_WEIGHT = 0.1     # cross-validated pair F1 0.529 -> 0.514, sample site (invented names) 0.495 -> 0.672
FOLDS = 5
# stage 2 (stack.py): a binary model of the destination class, smaller than the pair model (few of its
# features matter). Cross-validated pair F1, four seeds' mean (7, 42, 11, 99), 2026-12-04: pair model alone
# 0.569; blended with stage 2 (stack.BLEND 0.3) 0.579. Before the coach/ground features, at blend 0.5: 0.568
# -> 0.582 (50 rounds 0.579, 100: 0.582, 15 leaves 0.579; three-class stage 2 of 150 rounds at 0.05, 0.578
# for six times the trees; trained on the unknown-reference copies too, 0.573).
STACK_PARAMS = {"objective": "binary", "num_leaves": 7, "min_data_in_leaf": 20}
STACK_ROUNDS = 75


def load_scorer_module(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_rumours", eval_dir / "score_rumours.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Article:
    file: str
    language: str            # from the file name (the scorer's grouping)
    analysis: object         # extractors.extract.pipeline.Analysis
    gold: dict


def read_article(path: Path) -> tuple[str, str | None, str | None]:
    """(text, title, language hint) of a corpus file, as `mercato extract` reads it."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        from extractors.ingest.clean import CleanError, clean_html
        try:
            doc = clean_html(raw, url=None)
        except CleanError:
            return "", None, None
        return doc.text or "", doc.title, doc.language
    return raw, None, None


def load_articles(eval_dir: Path) -> list[Article]:
    from .pipeline import analyse

    corpus = eval_dir / "dev" / "corpus"
    gold = {}
    for line in (eval_dir / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            gold[d["file"]] = d
    out = []
    for f in sorted(gold):
        text, title, hint = read_article(corpus / f)
        out.append(Article(f, f.split("_")[1], analyse(text, title=title, language=hint), gold[f]))
    return out


def folds(articles: list[Article], k: int = FOLDS) -> list[int]:
    """Fixed folds by article: within each language, files in name order dealt round-robin."""
    out = [0] * len(articles)
    seen: dict[str, int] = {}
    for i, a in enumerate(articles):
        n = seen.get(a.language, 0)
        out[i] = n % k
        seen[a.language] = n + 1
    return out


def _matches(article: Article, sc, cand) -> dict | None:
    """The gold rumour of the article this candidate (player, destination) stands for, if any."""
    to = article.analysis.names.get(cand.club.club_id) if cand.club else None
    for g in article.gold["rumours"]:
        if sc.player_match(cand.person.name, g["player"]) and sc.club_key(to) == sc.club_key(g.get("to_club")):
            return g
    return None


def labels(article: Article, sc) -> list[int]:
    """1 for each candidate whose (player, destination) is a gold rumour of the article."""
    return [int(_matches(article, sc, c) is not None) for c in article.analysis.candidates.candidates]


def seller_labels(article: Article, sc) -> list[int]:
    """1 for each (person, club) candidate whose club the gold gives as that player's current club."""
    names = article.analysis.names
    out = []
    for c in article.analysis.candidates.candidates:
        club = sc.club_key(names.get(c.club.club_id)) if c.club else None
        out.append(int(club is not None and any(
            sc.player_match(c.person.name, g["player"]) and sc.club_key(g.get("from_club")) == club
            and g.get("deal_type") != "renewal" for g in article.gold["rumours"])))
    return out


def player_labels(article: Article, sc) -> list[int]:
    """1 for each person of the article that the gold lists as a footballer."""
    names = list(article.gold.get("players_mentioned") or []) + [g["player"] for g in article.gold["rumours"]]
    return [int(any(sc.player_match(p.name, n) for n in names)) for p in article.analysis.candidates.persons]


# the pair model's classes: neither club of the move, where the player goes, where he comes from.
# Told apart, the two clubs of one move are confused less: cross-validated pair F1 0.533 -> 0.543
# (seeds 42/99/5: 0.530 -> 0.542) against one class for both non-destinations (2026-12-03)
# The seller class also names the player's current club (assemble.SELLER_THRESHOLD), in place of a
# seller model of its own: from-club accuracy 0.687 -> 0.704, one model less to run.
PAIR_CLASSES = {"objective": "multiclass", "num_class": 3}


def _booster(rows, ys, features, weights=None, params=None, rounds=ROUNDS):
    import lightgbm as lgb
    import numpy as np

    data = lgb.Dataset(np.asarray(rows, dtype=np.float64), label=np.asarray(ys), feature_name=list(features),
                       weight=None if weights is None else np.asarray(weights), free_raw_data=False)
    return Ensemble(lgb.train({**PARAMS, **(params or {}), "seed": seed}, data, num_boost_round=rounds)
                    for seed in SEEDS)



def train_scorer(articles: list[Article], sc) -> ModelScorer:
    """The two models (is a pair a move, and which way; is a person a footballer) fitted on `articles`.

    Status stays with the cue rules (deal.py): a status model over the same cues scored
    0.50 against the rules' 0.52 in cross-validation (2026-12-03), so it is not used."""
    pr, py, hr, hy, sy = [], [], [], [], []
    for a in articles:
        pr += a.analysis.candidates.rows
        py += labels(a, sc)
        sy += seller_labels(a, sc)
        hr += a.analysis.candidates.person_rows
        hy += player_labels(a, sc)
    # every example again as if the reference did not know the name: players the reference
    # lacks (new, young, lower leagues) must still be found from the text's own evidence
    pw = [1.0] * len(pr) + [UNKNOWN_WEIGHT] * len(pr)
    hw = [1.0] * len(hr) + [UNKNOWN_WEIGHT] * len(hr)
    py = [DESTINATION if y else (SELLER if s else 0) for y, s in zip(py, sy)]
    pr, py = pr + [_unknown(r) for r in pr], py + py
    hr, hy = hr + [_unknown(r) for r in hr], hy + hy
    return ModelScorer(_booster(pr, py, FEATURES, pw, PAIR_CLASSES), None, _booster(hr, hy, PERSON_FEATURES, hw))


_REFERENCE = [(FEATURES.index(k), 0.0 if k in ("p_tm_full", "p_tm_surname") else -1.0)
              for k in REFERENCE_FEATURES]


def _unknown(row: list[float]) -> list[float]:
    out = list(row)
    for i, v in _REFERENCE:
        if i < len(out):
            out[i] = v
    return out


def train_stacker(scored: list[tuple[Article, object]], sc):
    """Stage 2 (stack.py), is the pair's club the player's destination, fitted on articles with their
    out-of-fold stage-1 probabilities (one [neither, destination, seller] row per candidate); None
    when there is nothing to fit."""
    rows, ys = [], []
    for a, probs in scored:
        c = a.analysis.candidates
        if c.rows:
            rows.append(stack_rows(c.candidates, c.rows, probs))
            ys += labels(a, sc)
    if not rows:
        return None
    import numpy as np

    return _booster(np.vstack(rows), ys, STACK_FEATURES, None, STACK_PARAMS, STACK_ROUNDS)


def _stage1_probs(model: ModelScorer | None, a: Article):
    return _predict(model.booster, a.analysis.candidates.rows) if model is not None else None


def stacked_folds(articles: list[Article], sc) -> tuple[list[ModelScorer], list[tuple[Article, object]]]:
    """Per article, the scorer of the fold that never saw it, in both stages; and each article with
    its out-of-fold stage-1 probabilities (what the final stage 2 is trained on).

    For the evaluated fold k, the pair model is trained on the four other folds, and stage 2 on
    those folds' articles scored by pair models that saw neither k nor the article's own fold
    (one per pair of folds, 10 in all): fold k is used by neither stage."""
    fold_of = folds(articles)
    cache: dict[frozenset, ModelScorer | None] = {}

    def stage1(*excluded: int) -> ModelScorer | None:
        key = frozenset(excluded)
        if key not in cache:
            train = [a for a, f in zip(articles, fold_of) if f not in key]
            cache[key] = train_scorer(train, sc) if train else None
        return cache[key]

    models = []
    for k in range(FOLDS):
        outer = stage1(k)
        if outer is None:
            models.append(None)
            continue
        inner = [(a, _stage1_probs(stage1(f, k), a)) for a, f in zip(articles, fold_of) if f != k]
        stacker = train_stacker([(a, p) for a, p in inner if p is not None], sc)
        models.append(ModelScorer(outer.booster, None, outer.player_booster, stacker))
    oof = [(a, _stage1_probs(stage1(f), a)) for a, f in zip(articles, fold_of)]
    return [models[f] for f in fold_of], [(a, p) for a, p in oof if p is not None]


def cross_validated(articles: list[Article], sc) -> list[ModelScorer]:
    """Per article, the scorer (pair model and stage 2) of the fold that never saw it."""
    return stacked_folds(articles, sc)[0]


def isotonic(scores: list[float], ys: list[int], bins: int = 20) -> tuple[list[float], list[float]]:
    """A monotone map score -> observed frequency (pool-adjacent-violators over score bins)."""
    pairs = sorted(zip(scores, ys))
    if not pairs:
        return [0.0, 1.0], [0.0, 1.0]
    size = max(1, len(pairs) // bins)
    blocks = []
    for i in range(0, len(pairs), size):
        chunk = pairs[i:i + size]
        blocks.append([sum(s for s, _ in chunk) / len(chunk), sum(y for _, y in chunk), len(chunk)])
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][1] / merged[-2][2] > merged[-1][1] / merged[-1][2]:
            x2, y2, n2 = merged.pop()
            x1, y1, n1 = merged.pop()
            merged.append([(x1 * n1 + x2 * n2) / (n1 + n2), y1 + y2, n1 + n2])
    xs = [0.0] + [round(b[0], 6) for b in merged] + [1.0]
    ys_ = [0.0] + [round(b[1] / b[2], 6) for b in merged] + [1.0]
    return xs, ys_


def fit_and_save(eval_dir: Path) -> dict:
    """Train on every annotated article; calibrate on cross-validated pair scores; write the model files."""
    sc = load_scorer_module(eval_dir)
    articles = load_articles(eval_dir)
    ys = [labels(a, sc) for a in articles]
    per_article, scored = stacked_folds(articles, sc)
    oof = [list(m.raw(a.analysis.candidates.rows, a.analysis.candidates.candidates))
           for a, m in zip(articles, per_article)]
    xs, cal = isotonic([s for row in oof for s in row], [y for row in ys for y in row])
    final = train_scorer(articles, sc)
    _write(PAIR_MODEL, final.booster.model_to_string())
    _write(PLAYER_MODEL, final.player_booster.model_to_string())
    _write(STACK_MODEL, train_stacker(scored, sc).model_to_string())
    _write(PAIR_CALIBRATION, json.dumps({"x": xs, "y": cal}, indent=1) + "\n")
    return {"articles": len(articles), "candidates": sum(map(len, ys)), "positives": sum(map(sum, ys))}


def _write(path: Path, text: str) -> None:
    from extractors.ingest.fetch import atomic_write_bytes

    atomic_write_bytes(path, text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    from extractors.config import REPO_ROOT

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=REPO_ROOT.parent / "shared" / "eval")
    a = ap.parse_args(argv)
    print(json.dumps(fit_and_save(a.eval_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
