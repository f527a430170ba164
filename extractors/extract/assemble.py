"""Rumours from the candidates the scorer accepted.

Why: the scorer only says which (player, club) pairs are moves and how sure it is; the
rest of a rumour (seller, fee, deal type, status) is read from the pair's sentences by
the same rules as before, or taken from the rules' own rumour when they made one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .candidates import FEATURES, Candidate
from .deal import deal_type_for, outcome_of, status_for
from .model import Rumour
from .moves import _pick_fee, _sentence_index

THRESHOLD = 0.25     # on the destination probability: cross-validated pair F1 0.538 at 0.2, 0.543 at 0.25, 0.540 at 0.3; 0.25 keeps off-topic pages clean


def assemble_rumours(a, probs, confidence=lambda p: p, sellers=None) -> list[Rumour]:
    cands = a.candidates.candidates
    seller = _sellers(cands, sellers) if sellers is not None else {}
    probs = own_clubs_dropped(cands, probs)
    chosen = [(c, float(p)) for c, p in zip(cands, probs) if p >= THRESHOLD]
    with_club = {id(c.person) for c, _ in chosen if c.club is not None}
    current = _reference_clubs(a) if chosen else {}
    out = []
    for cand, p in chosen:
        if cand.club is None and id(cand.person) in with_club:
            continue        # a named destination says more than "he may leave"
        r = replace(cand.rule, status=getattr(cand.rule, "reported_status", cand.rule.status)) if cand.rule \
            else _new_rumour(a, cand)
        r.confidence = round(confidence(p), 3)
        if r.fee is None:
            r.fee = _nearby_fee(a, cand, r)
        if r.status == "rumour":
            r.status = _status_elsewhere(a, cand, r)
        best = seller.get(id(cand.person))
        if best and best[0] != r.to_club_id and r.deal_type != "renewal":
            r.from_club_id, r.from_club = best[0], a.names.get(best[0])
        elif r.from_club_id is None and r.deal_type != "renewal":
            # no seller in the text's evidence: the player's club in the reference, when the article names it
            cur = current.get(id(cand.person))
            if cur and cur != r.to_club_id:
                r.from_club_id, r.from_club = cur, a.names.get(cur)
        out.append(r)
    _lost_to_rival(a, out)
    return out


_TM_CURRENT = FEATURES.index("c_tm_current")


def own_clubs_dropped(cands, probs) -> list[float]:
    """One destination per player when the others are his own club: of a player's accepted clubs
    (THRESHOLD), one the text marks as his own (Candidate.own: glued to his name, after a player
    noun in the genitive, or before a sale verb: "il Napoli cede X") is dropped when another accepted one, not so marked, is at least as likely.
    A player linked to his club and to a buyer is leaving the first.  Cross-validated pair F1, five
    seeds' mean, 0.5986 -> 0.602, with the sale verb 0.6028; with the rules' current club as a mark too, the same; with the seller
    or from cues, or the reference's current club, lower.  As features of the models as well (0.603),
    within the seeds' spread, and the seed-7 from-club and French figures fell below their floors."""
    probs = [float(p) for p in probs]
    byp: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.club is not None and probs[i] >= THRESHOLD:
            byp.setdefault(id(c.person), []).append(i)
    for idx in byp.values():
        if len(idx) < 2:
            continue
        own = [i for i in idx if cands[i].own]
        best_other = max((probs[j] for j in idx if j not in own), default=-1.0)
        for i in own:
            if best_other >= probs[i]:
                probs[i] = 0.0
    return probs


def _reference_clubs(a) -> dict[int, str]:
    """Per person, the club of the article that the transfermarkt reference gives as his current
    one (candidate feature c_tm_current): from-club accuracy in cross-validation 0.674 -> 0.684
    (five seeds' mean) when it fills a from-club left empty."""
    return {id(c.person): c.club.club_id for c, row in zip(a.candidates.candidates, a.candidates.rows)
            if c.club is not None and row[_TM_CURRENT] == 1.0}


_WON = ("completed",)


def _lost_to_rival(a, rumours: list[Rumour]) -> None:
    """A player whose move to one club is completed is lost to his other suitors: their rumours,
    still interest or talks, are denied (conventions: deals lost to competitors).  Not when the
    completion is read from a sentence that also names the suitor (a round-up of several moves)."""
    done: dict[str, list[tuple[str, set]]] = {}
    for r in rumours:
        if r.status in _WON and r.to_club_id and r.deal_type != "renewal":
            done.setdefault(r.player_key, []).append((r.to_club_id, _clubs_in_evidence(a, r)))
    for r in rumours:
        wins = done.get(r.player_key)
        if not wins or not r.to_club_id or r.to_club_id == r.from_club_id or r.status not in ("rumour", "negotiating"):
            continue
        if all(r.to_club_id != club and r.to_club_id not in named for club, named in wins):
            r.status = "denied"


def _clubs_in_evidence(a, r: Rumour) -> set:
    """The clubs named in the sentence a rumour's evidence is (all clubs when it is not found)."""
    sent_of = _sentence_index(a.sentences)
    idx = next((i for i, s in enumerate(a.sentences) if s.text == r.evidence), None)
    if idx is None:
        return {c.club_id for c in a.clubs}
    return {c.club_id for c in a.clubs if sent_of(c.start) == idx}


SELLER_THRESHOLD = 0.1      # on the pair model's seller class; from-club accuracy in cross-validation: 0.05: 0.704, 0.1: 0.704, 0.15: 0.690, 0.2: 0.685


def _sellers(cands, probs) -> dict[int, tuple[str, float]]:
    """Per person, the club the pair model's seller class is surest he plays for (when sure enough)."""
    out: dict[int, tuple[str, float]] = {}
    for c, p in zip(cands, probs):
        if c.club is not None and p >= SELLER_THRESHOLD and p > out.get(id(c.person), ("", 0.0))[1]:
            out[id(c.person)] = (c.club.club_id, float(p))
    return out


def _current_club(a, cand: Candidate) -> str | None:
    """The seller the rules found for this player in any of his rumours."""
    froms = Counter(r.from_club_id for r in a.rules if r.player_key == cand.person.key and r.from_club_id)
    return froms.most_common(1)[0][0] if froms else None


def _new_rumour(a, cand: Candidate) -> Rumour | None:
    to_id = cand.club.club_id if cand.club else None
    from_id = _current_club(a, cand)
    if from_id == to_id:
        from_id = None
    sents = cand.sentences or sorted({_sent(a, s) for s, _ in cand.person.spans})
    stext = [a.folded[a.sentences[i].start:a.sentences[i].end] for i in sents]
    fees = [f for f in a.fees if f.sentence in set(sents)]
    fee = _pick_fee(fees, stext) if fees else None
    return Rumour(player=cand.person.name, player_key=cand.person.key,
                  from_club=a.names.get(from_id) if from_id else None,
                  to_club=a.names.get(to_id) if to_id else None,
                  from_club_id=from_id, to_club_id=to_id, fee=fee,
                  deal_type=deal_type_for(stext, fee.kind if fee else None, False),
                  status=status_for(stext, outcome_of), evidence=a.sentences[sents[0]].text if sents else "")


def _status_elsewhere(a, cand: Candidate, r: Rumour) -> str:
    """A rumour whose own sentences carry no status cue: the first cue in the other sentences naming
    the player, about him alone and no club but the pair's ("X e ufficialmente un nuovo giocatore")."""
    sent_of = _sentence_index(a.sentences)
    own = sorted({sent_of(s) for s, _ in cand.person.spans})
    if not own:
        return r.status
    others = {sent_of(s) for s, _, p in a.mentions if p is not cand.person}
    allowed = {r.to_club_id, r.from_club_id, None}
    foreign = {sent_of(c.start) for c in a.clubs if c.club_id not in allowed}
    texts = [a.folded[a.sentences[i].start:a.sentences[i].end] for i in own if i not in others and i not in foreign]
    st = status_for(texts, outcome_of) if texts else r.status
    return st if st in _ELSEWHERE else r.status


# talks and bids elsewhere in the article are often another club's: only an outcome is carried over
_ELSEWHERE = ("completed", "agreed", "denied")


_PRICE_KINDS = ("fee", "option", "loan_fee", "clause")


def _nearby_fee(a, cand: Candidate, r: Rumour):
    """A price in one of the two sentences after the player's that names nobody and no other club
    ("Il Milan incasserebbe 20 milioni" after the sentence about his move)."""
    prices = [f for f in a.fees if f.fee.kind in _PRICE_KINDS]
    if not prices:
        return None
    sent_of = _sentence_index(a.sentences)
    own = {sent_of(s) for s, _ in cand.person.spans}
    near = {i + k for i in own for k in (1, 2)} - own
    prices = [f for f in prices if f.sentence in near]
    if not prices:
        return None
    named = {sent_of(s) for s, _, _ in a.mentions}
    allowed = {r.to_club_id, r.from_club_id}
    clubs_in: dict[int, set] = {}
    for c in a.clubs:
        clubs_in.setdefault(sent_of(c.start), set()).add(c.club_id)
    fees = [f for f in prices if f.sentence not in named and clubs_in.get(f.sentence, set()) <= allowed]
    if not fees:
        return None
    return _pick_fee(fees, [a.folded[a.sentences[f.sentence].start:a.sentences[f.sentence].end] for f in fees])


def _sent(a, pos: int) -> int:
    return _sentence_index(a.sentences)(pos)
