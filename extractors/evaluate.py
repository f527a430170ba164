"""Evaluate the rule-based extractor on the shared gold set.

    python -m extractors.evaluate [--eval-dir ../shared/eval] [--check] [--out PATH]

Runs `extract_text` over <eval-dir>/dev/corpus/*.txt|*.html exactly as `mercato extract`
does (HTML goes through `extractors.clean.clean_html` when it exists, else a small
trafilatura adapter), writes the predictions as JSON Lines, scores them with the
official `<eval-dir>/score_rumours.py` (imported by path, never copied) and prints the
table.  With --check every figure is compared with the floors pinned in
tests/extract/floors.json; the exit code is 1 if any figure is below its floor.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from .config import REPO_ROOT
from .extract import extract_text

FLOORS = REPO_ROOT / "tests" / "extract" / "floors.json"
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"


def clean_html_adapter(html: str):
    """(text, title, language) of an HTML page: the project's cleaner when present."""
    try:
        from .clean import clean_html  # written by the ingestion side
    except ImportError:
        clean_html = None
    if clean_html is not None:
        doc = clean_html(html, url=None)
        return doc.text or "", doc.title, doc.language
    import trafilatura
    text = trafilatura.extract(html) or ""
    meta = trafilatura.extract_metadata(html)
    return text, (meta.title if meta else None), None


def predict(corpus: Path, backend: str = "local") -> list[dict]:
    out = []
    for path in sorted(list(corpus.glob("*.txt")) + list(corpus.glob("*.html"))):
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            text, title, lang = clean_html_adapter(raw)
        else:
            text, title, lang = raw, None, None
        if backend == "local":
            out.append(extract_text(text, title=title, language=lang).to_record(path.name))
        else:
            from .extract.llm.backend import extract_article
            out.append(extract_article(text, title=title, language=lang, backend=backend).to_record(path.name))
    return out


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_rumours", eval_dir / "score_rumours.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def figures(res: dict) -> dict[str, float]:
    """Flat name -> value table of every scored figure."""
    out = {}
    for k in ("pair", "mover", "club", "player"):
        p, r, f = res[k]
        out[f"{k}_p"], out[f"{k}_r"], out[f"{k}_f1"] = p, r, f
    for k in ("from_acc", "fee_acc_all_matched", "fee_recall_on_gold_fees", "deal_acc", "status_acc"):
        out[k] = res[k]
    for lang, f1 in res["per_lang_pair_f1"].items():
        out[f"pair_f1_{lang}"] = f1
    return {k: round(v, 3) for k, v in out.items()}


def run(eval_dir: Path, out_path: Path | None = None, backend: str = "local") -> tuple[dict, dict]:
    preds = predict(eval_dir / "dev" / "corpus", backend)
    if out_path is None:
        out_path = REPO_ROOT / "data" / "eval" / "predictions.jsonl"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as fh:
        for rec in preds:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    scorer = load_scorer(eval_dir)
    res = scorer.score(str(out_path), str(eval_dir / "dev" / "gold.jsonl"))
    return res, figures(res)


SAMPLES = REPO_ROOT / "data" / "samples"


def run_samples(eval_dir: Path, samples: Path = SAMPLES, out_path: Path | None = None) -> tuple[dict, dict]:
    """Score the project's own 30 annotated sample pages with the official scorer's functions.

    A second, independent check: the gold is `data/samples/expected_rumours.jsonl` (written
    for the project), the pages go through the same cleaner as `mercato extract`.
    """
    gold_path = samples / "expected_rumours.jsonl"
    golds = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if out_path is None:
        out_path = REPO_ROOT / "data" / "eval" / "samples_predictions.jsonl"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    gold_tmp = out_path.with_name("samples_gold.jsonl")
    with open(out_path, "w", encoding="utf-8") as pf, open(gold_tmp, "w", encoding="utf-8") as gf:
        for g in golds:
            # the scorer reads the language from the second "_" field of the file name
            name = f"{g['path'].replace('/', '-')[:-5]}".replace("_", "-")
            name = f"s_{g['language']}_{name}"
            html = (samples / "site" / g["path"]).read_text(encoding="utf-8")
            text, title, lang = clean_html_adapter(html)
            month = (g.get("published_time") or "")[:7] or None
            rec = extract_text(text, title=title, language=lang, month=month).to_record(name)
            pf.write(json.dumps(rec, ensure_ascii=False) + "\n")
            gf.write(json.dumps({"file": name, "rumours": g["rumours"],
                                 "clubs_mentioned": g.get("clubs_mentioned", []),
                                 "players_mentioned": g.get("players_mentioned", [])}, ensure_ascii=False) + "\n")
    scorer = load_scorer(eval_dir)
    res = scorer.score(str(out_path), str(gold_tmp))
    return res, figures(res)


def check(figs: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{k}: {figs.get(k, 0.0):.3f} < floor {v:.3f}" for k, v in floors.items()
            if not k.startswith("_") and figs.get(k, 0.0) < v]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--check", action="store_true", help="fail if a figure drops below tests/extract/floors.json")
    ap.add_argument("--out", type=Path, default=None, help="predictions JSONL (default data/eval/predictions.jsonl)")
    ap.add_argument("--samples", action="store_true",
                    help="score the project's annotated sample site (data/samples) instead of the dev set")
    ap.add_argument("--backend", choices=("local", "llm"), default="local",
                    help="extractor to score: local (rules) or llm (the model at OPENAI_BASE_URL)")
    a = ap.parse_args(argv)
    if a.samples:
        res, figs = run_samples(a.eval_dir)
        a.check = False
    else:
        res, figs = run(a.eval_dir, a.out, a.backend)
    for k in ("pair", "mover", "club", "player"):
        p, r, f = res[k]
        print(f"{k:7s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    for k in ("from_acc", "fee_acc_all_matched", "fee_recall_on_gold_fees", "deal_acc", "status_acc"):
        print(f"{k} = {res[k]:.3f}")
    print("per-language pair F1:", res["per_lang_pair_f1"])
    print("counts:", res["counts"])
    if a.check:
        floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
        bad = check(figs, floors)
        for b in bad:
            print("BELOW FLOOR", b)
        print("floors:", "FAIL" if bad else "ok", f"({len([k for k in floors if not k.startswith('_')])} figures)")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
