"""Language identification with a tiny stop-word scorer (it, en, es, fr, else "unknown").

Why: the extractor only needs to know which cue lexicon dominates and how to read
bare numbers ("i 55 proposti" means millions of euros in Italian, Spanish, French).
Counting very frequent function words is fast, deterministic and good enough on
news prose; short or foreign texts fall back to the caller's hint or "unknown".
"""
from __future__ import annotations

import re
from collections import Counter

from .lexicon import LANGS, stopwords

SUPPORTED = tuple(LANGS)
_TOKEN = re.compile(r"[a-z]+")


def detect_language(folded: str, hint: str | None = None) -> str:
    """Best language code for the folded text; `hint` breaks weak or tied evidence."""
    tokens = _TOKEN.findall(folded[:6000])
    if not tokens:
        return hint if hint in SUPPORTED else "unknown"
    counts = Counter(tokens)
    scores = {}
    for code in SUPPORTED:
        scores[code] = sum(counts[t] for t in stopwords(code).intersection(counts))
    best = max(scores, key=lambda c: (scores[c], c == hint))
    total = len(tokens)
    ranked = sorted(scores.values(), reverse=True)
    # too little function-word mass: not one of our languages (or too short to say)
    if scores[best] < max(2, 0.08 * total):
        return hint if hint in SUPPORTED else "unknown"
    if hint in SUPPORTED and scores[hint] >= 0.8 * ranked[0]:
        return hint
    return best
