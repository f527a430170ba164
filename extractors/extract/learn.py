"""Training the pair scorer on annotated articles (`make train`), deterministically.

    python -m extractors.extract.learn [--eval-dir ../shared/eval]

Why: the decisions are learned from the annotations instead of written as branches.
A candidate's label is 1 when the gold has a rumour for that player and destination
(names compared with the official scorer's own matching, imported by path).  LightGBM
runs on one thread with fixed seeds, so the same articles give the same model file.
The calibration maps raw scores to probabilities with isotonic regression fitted on
5-fold cross-validated scores (no article scores itself).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from .candidates import FEATURES
from .scorer import PAIR_CALIBRATION, PAIR_MODEL, ModelScorer

PARAMS = {
    "objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 10,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "seed": 7, "deterministic": True, "force_row_wise": True, "num_threads": 1, "verbose": -1,
}
ROUNDS = 300
FOLDS = 5


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
        from extractors.clean import CleanError, clean_html
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


def labels(article: Article, sc) -> list[int]:
    """1 for each candidate whose (player, destination) is a gold rumour of the article."""
    gold = article.gold["rumours"]
    names = article.analysis.names
    out = []
    for c in article.analysis.candidates.candidates:
        to = names.get(c.club.club_id) if c.club else None
        out.append(int(any(sc.player_match(c.person.name, g["player"])
                           and sc.club_key(to) == sc.club_key(g.get("to_club")) for g in gold)))
    return out


def train(rows: list[list[float]], ys: list[int]):
    import lightgbm as lgb
    import numpy as np

    data = lgb.Dataset(np.asarray(rows, dtype=np.float64), label=np.asarray(ys), feature_name=list(FEATURES),
                       free_raw_data=False)
    return lgb.train(PARAMS, data, num_boost_round=ROUNDS)


def cross_validated_scores(articles: list[Article], sc) -> list[list[float]]:
    """Per article, the raw pair scores of a model that never saw that article's fold."""
    fold_of = folds(articles)
    ys = [labels(a, sc) for a in articles]
    out: list[list[float]] = [[] for _ in articles]
    for k in range(FOLDS):
        rows, lab = [], []
        for a, y, f in zip(articles, ys, fold_of):
            if f != k:
                rows += a.analysis.candidates.rows
                lab += y
        model = ModelScorer(train(rows, lab))
        for i, (a, f) in enumerate(zip(articles, fold_of)):
            if f == k:
                out[i] = list(model.raw(a.analysis.candidates.rows))
    return out


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


def fit_and_save(eval_dir: Path, model_path: Path = PAIR_MODEL, cal_path: Path = PAIR_CALIBRATION) -> dict:
    sc = load_scorer_module(eval_dir)
    articles = load_articles(eval_dir)
    ys = [labels(a, sc) for a in articles]
    oof = cross_validated_scores(articles, sc)
    xs, cal = isotonic([s for row in oof for s in row], [y for row in ys for y in row])
    rows = [r for a in articles for r in a.analysis.candidates.rows]
    booster = train(rows, [y for row in ys for y in row])
    model_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = model_path.with_suffix(".tmp")
    tmp.write_text(booster.model_to_string(), encoding="utf-8")
    tmp.replace(model_path)
    tmp = cal_path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"x": xs, "y": cal}, indent=1) + "\n", encoding="utf-8")
    tmp.replace(cal_path)
    return {"articles": len(articles), "candidates": len(rows), "positives": sum(map(sum, ys))}


def main(argv: list[str] | None = None) -> int:
    from extractors.config import REPO_ROOT

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=REPO_ROOT.parent / "shared" / "eval")
    a = ap.parse_args(argv)
    print(json.dumps(fit_and_save(a.eval_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
