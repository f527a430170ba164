"""The second look at an article's candidates: each pair weighed against the others (stacking).

Why: the pair model (stage 1) scores each (person, club) candidate on its own row, so in a
round-up a player often gets the club of the next item, or every suitor in the paragraph.
Stage 2 is a small LightGBM that sees, next to the pair's own features, the stage-1
probabilities of the competing pairs: the player's other clubs (best, second best, rank,
margin), the club's other persons, how many pairs of the article pass the threshold.  It is
trained on out-of-fold stage-1 probabilities (learn.py), so it learns how the pair model's
scores look on articles it never saw.  Its destination probability is averaged with the pair
model's (a blend: alone, stage 2 gained about half as much in cross-validation); the seller
class stays the pair model's.
"""
from __future__ import annotations

from bisect import bisect_right

from .candidates import FEATURES

THRESHOLD = 0.25        # the competitors counted as accepted (assemble.THRESHOLD)
RELATIVE_FEATURES = (
    "s1_dest", "s1_seller", "s1_neither",
    "p_other_best", "p_other_second", "p_rank_of_c", "p_margin", "p_other_seller", "p_above", "p_cands",
    "c_other_best", "c_rank_of_p", "c_margin", "c_above", "c_other_seller",
    "p_none_dest", "a_above", "a_persons_above",
)
STACK_FEATURES = RELATIVE_FEATURES + FEATURES
BLEND = 0.3             # weight of stage 2 in the destination probability: CV pair F1, four seeds' mean, 0.3: 0.579, 0.4: 0.579, 0.5: 0.580; 0.3 keeps the off-topic pages clean
# Re-checked 2026-12-06 after the output-level decisions (five seeds' mean, paired): 0.2: 0.6145, 0.3: 0.6160,
# 0.35: 0.6162, 0.4: 0.6156, 0.45: 0.6150 (flat: kept at 0.3).


def stack_rows(cands, rows, probs):
    """One STACK_FEATURES row per candidate (a numpy array): its stage-1 probabilities (`probs`, one
    row of [neither, destination, seller] per candidate), the competing pairs', and its own features."""
    import numpy as np

    return np.hstack([np.asarray(relative_rows(cands, probs), dtype=np.float64).reshape(len(cands), -1),
                      np.asarray(rows, dtype=np.float64).reshape(len(cands), -1)])


def _top_two(values: list[float], idx: list[int]) -> tuple[tuple[float, int], tuple[float, int]]:
    """The two largest (value, index) pairs of `idx` ((0.0, -1) when missing), for 'best of the others'."""
    first = second = (0.0, -1)
    for j in idx:
        v = values[j]
        if first[1] < 0 or v > first[0]:
            first, second = (v, j), first
        elif second[1] < 0 or v > second[0]:
            second = (v, j)
    return first, second


def relative_rows(cands, probs) -> list[list[float]]:
    """The RELATIVE_FEATURES of each candidate: how its stage-1 probabilities compare with those of
    the player's other clubs and of the club's other persons."""
    probs = probs.tolist() if hasattr(probs, "tolist") else [list(p) for p in probs]
    n_, d, s = [p[0] for p in probs], [p[1] for p in probs], [p[2] for p in probs]
    byp: dict[int, list[int]] = {}          # the person's candidates
    clubs_of: dict[int, list[int]] = {}     # ... those naming a club
    none_of: dict[int, float] = {}          # ... the destination probability of his (person, no club) one
    byc: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        k = id(c.person)
        byp.setdefault(k, []).append(i)
        if c.club is not None:
            clubs_of.setdefault(k, []).append(i)
            byc.setdefault(c.club.club_id, []).append(i)
        else:
            none_of.setdefault(k, d[i])
    above = float(sum(x >= THRESHOLD for x in d))
    persons_above = float(len({id(c.person) for c, x in zip(cands, d) if x >= THRESHOLD}))
    person = {}                             # per person: his clubs' values, ranked; counts; top sellers
    for k, idx in byp.items():
        mine = clubs_of.get(k, [])
        ranked = sorted(((d[j], j) for j in mine), reverse=True)
        person[k] = (ranked, sorted(d[j] for j in mine), float(sum(d[j] >= THRESHOLD for j in mine)),
                     float(len(idx)), _top_two(s, idx))
    club = {}
    for cid, idx in byc.items():
        club[cid] = (sorted(d[j] for j in idx), float(sum(d[j] >= THRESHOLD for j in idx)), _top_two(d, idx),
                     _top_two(s, idx))
    out = []
    append = out.append
    none5 = [-1.0] * 5
    for i, c in enumerate(cands):
        di = d[i]
        pk = id(c.person)
        ranked, values, p_above, p_cands, sellers = person[pk]
        others = [v for v, j in ranked[:3] if j != i][:2]
        best = others[0] if others else 0.0
        # how many of his clubs' values are above di, by bisection of the sorted values (NaN: none);
        # a group's best but candidate i's is the second of its top two when i is the first
        n_above = 0.0 if di != di else float(len(values) - bisect_right(values, di))
        other_seller = sellers[1][0] if sellers[0][1] == i else sellers[0][0]
        if c.club is not None:
            cvalues, c_above, dests, csellers = club[c.club.club_id]
            cbest = dests[1][0] if dests[0][1] == i else dests[0][0]
            club_part = [cbest, 0.0 if di != di else float(len(cvalues) - bisect_right(cvalues, di)), di - cbest,
                         c_above, csellers[1][0] if csellers[0][1] == i else csellers[0][0]]
        else:
            club_part = none5
        append([di, s[i], n_[i], best, others[1] if len(others) > 1 else 0.0, n_above, di - best, other_seller,
                p_above, p_cands, *club_part, none_of.get(pk, 0.0), above, persons_above])
    return out
