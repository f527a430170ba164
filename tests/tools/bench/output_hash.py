"""Hashes of what extraction outputs, to show a speed change changes none of it:
python -m tests.tools.bench.output_hash [-n 400].

For the bench corpus (`extract.make_corpus`) and every text of the development corpus
(`../shared/eval/dev/corpus`, read as the learner reads it): (a) the `to_record` of each
article's extraction, (b) its candidate rows, person rows, person seasons, candidates, and the
scorer's pair, seller and player probabilities. Run it before and after a change, with the
player reference (MERCATO_REFERENCE_DIR=...) and without (MERCATO_REFERENCE_DIR=<an empty
directory>: unset, the shared snapshot is found anyway): the lines must not move.
"""
from __future__ import annotations

import argparse
import hashlib
import json

from extractors.config import REPO_ROOT
from extractors.extract.learn import read_article
from extractors.extract.pipeline import analyse, decide
from extractors.extract.scorer import default_scorer

from .extract import make_corpus

DEV = REPO_ROOT.parent / "shared" / "eval" / "dev" / "corpus"


def _floats(xs) -> list[str]:
    return [repr(float(x)) for x in xs]


def digests(texts, scorer) -> tuple[str, str]:
    """(records digest, rows-and-probabilities digest) of (name, text, title, language hint) items."""
    rec, rows = hashlib.sha256(), hashlib.sha256()
    for name, text, title, hint in texts:
        a = analyse(text, title=title, language=hint)
        c = a.candidates
        moves, sellers = scorer.move_probabilities(c.rows, c.candidates)
        players = scorer.player_probabilities(c.person_rows)
        rows.update(json.dumps([[_floats(r) for r in c.rows], [_floats(r) for r in c.person_rows],
                                _floats(c.person_seasons),
                                [(x.person.key, x.club.club_id if x.club else None, x.club.start if x.club else -1,
                                  x.sentences) for x in c.candidates],
                                _floats(moves), _floats(sellers or []),
                                _floats(players if players is not None else [])]).encode())
        rec.update(json.dumps(decide(a, scorer).to_record(name), ensure_ascii=False, sort_keys=True).encode())
    return rec.hexdigest()[:16], rows.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=400, help="bench texts")
    a = ap.parse_args(argv)
    scorer = default_scorer()
    bench = [(f"b{i}", d, None, None) for i, d in enumerate(make_corpus(a.n))]
    dev = [(f.name, *read_article(f)) for f in sorted(DEV.glob("*.txt"))] if DEV.is_dir() else []
    for label, texts in (("bench", bench), ("dev", dev)):
        r, w = digests(texts, scorer)
        print(f"{label} ({len(texts)} texts): records {r}  rows+probabilities {w}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
