"""Rumours from the candidates the scorer accepted.

Why: the scorer only says which (player, club) pairs are moves and how sure it is; the
rest of a rumour (seller, fee, deal type, status) is read from the pair's sentences by
the same rules as before, or taken from the rules' own rumour when they made one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cached_property

from . import lexicon
from .candidates import FEATURES, Candidate
from .deal import deal_type_for, outcome_of, status_for
from .lexicon.nicknames import NICKNAMES
from .model import Rumour
from .moves import _pick_fee, _sentence_index

THRESHOLD = 0.25     # on the destination probability: cross-validated pair F1 0.538 at 0.2, 0.543 at 0.25, 0.540 at 0.3; 0.25 keeps off-topic pages clean
# Re-checked 2026-12-06 after the output-level decisions (five seeds' mean, paired): 0.22: 0.6117, 0.24: 0.6151,
# 0.25: 0.6160, 0.26: 0.6157, 0.28: 0.6116; a separate bar for the destinationless pairs (0.2: 0.6143, 0.275:
# 0.6150, 0.3: 0.6140, 0.35: 0.6115) is no better than this one.


def assemble_rumours(a, probs, confidence=lambda p: p, sellers=None) -> list[Rumour]:
    cands = a.candidates.candidates
    seller = _sellers(cands, sellers) if sellers is not None else {}
    items = _list_items(a) if cands else []
    extra: list = []
    probs = own_clubs_dropped(cands, list_items_moved(a, probs, items, extra))
    chosen = [(c, float(p)) for c, p in zip(cands, probs) if p >= THRESHOLD] + extra
    home = _home_clubs(a, chosen) if chosen else {}
    with_club = {id(c.person) for c, _ in chosen if c.club is not None and home.get(id(c.person)) != c.club.club_id}
    current = _reference_clubs(a) if chosen else {}
    ix = _Index(a)
    marks = _mentions_by_sentence(a) if chosen else {}
    match_page = bool(chosen) and _match_share(a) >= MATCH_PAGE
    out = []
    for cand, p in chosen:
        if cand.club is None and id(cand.person) in with_club:
            continue        # a named destination says more than "he may leave"
        if cand.club is not None and home.get(id(cand.person)) == cand.club.club_id:
            # the club the rules found he plays for is no destination of his: he may leave it ("X, jugador
            # del Y"), unless another destination or a destinationless pair of his is chosen as well
            if id(cand.person) in home["other"]:
                continue
            cand = replace(cand, club=None, rule=None)
            leaving = home[id(cand.person)]
        else:
            leaving = None
        r = replace(cand.rule, status=getattr(cand.rule, "reported_status", cand.rule.status)) if cand.rule \
            else _new_rumour(a, cand)
        if match_page and r.status not in ("completed", "agreed") and r.fee is None and _match_report(a, cand):
            continue        # every sentence naming him reports a game or an injury ("a quitté le terrain")
        if r.to_club_id is None and r.fee is None and _loan_return(a, cand):
            continue        # back at his club when a loan ends: no move (conventions: loan returns)
        if r.to_club_id is None and r.fee is None and r.status == "rumour" and _history_only(a, cand):
            continue        # told of an earlier window only ("en su dia", "a l'epoque")
        if leaving and r.from_club_id is None:
            r.from_club_id, r.from_club = leaving, a.names.get(leaving)
        r.confidence = round(confidence(p), 3)
        if r.fee is None:
            r.fee = _nearby_fee(a, cand, r, ix)
        if r.status == "rumour":
            r.status = _status_elsewhere(a, cand, r, ix)
        r.deal_type = _own_deal(a, cand, r, marks)
        if items:
            _listed(a, cand, r, items)
        best = seller.get(id(cand.person))
        if best and best[0] != r.to_club_id and r.deal_type != "renewal":
            r.from_club_id, r.from_club = best[0], a.names.get(best[0])
        elif r.from_club_id is None and r.deal_type != "renewal":
            # no seller in the text's evidence: the player's club in the reference, when the article names it
            cur = current.get(id(cand.person))
            if cur and cur != r.to_club_id:
                r.from_club_id, r.from_club = cur, a.names.get(cur)
        out.append(r)
    _lost_to_rival(a, out, ix)
    return out


class _Index:
    """Per-article look-ups of the helpers below, each built once, when first needed (they were
    rebuilt for every rumour)."""

    def __init__(self, a):
        self.a = a

    @cached_property
    def sent_of(self):
        return _sentence_index(self.a.sentences)

    @cached_property
    def mention_sents(self) -> list[tuple[int, object]]:
        """(sentence, person) of every person mention."""
        of = self.sent_of
        return [(of(s), p) for s, _, p in self.a.mentions]

    @cached_property
    def named(self) -> set[int]:
        """The sentences naming somebody."""
        return {i for i, _ in self.mention_sents}

    @cached_property
    def club_sents(self) -> list[tuple[int, str]]:
        """(sentence, club id) of every club mention."""
        of = self.sent_of
        return [(of(c.start), c.club_id) for c in self.a.clubs]

    @cached_property
    def clubs_in(self) -> dict[int, set]:
        out: dict[int, set] = {}
        for i, cid in self.club_sents:
            out.setdefault(i, set()).add(cid)
        return out

    @cached_property
    def first_sentence(self) -> dict[str, int]:
        """A sentence's text -> its first index."""
        out: dict[str, int] = {}
        for i, s in enumerate(self.a.sentences):
            out.setdefault(s.text, i)
        return out

    @cached_property
    def prices(self) -> list:
        return [f for f in self.a.fees if f.fee.kind in _PRICE_KINDS]


_TM_CURRENT = FEATURES.index("c_tm_current")
_FOCAL = FEATURES.index("c_focal")

# a club's list of arrivals or of departures, by language (folded text); its items are "Name (Club)"
_ARRIVALS = re.compile(r"\b(?:acquist[io]|arriv[io]|in entrata|entrate|innesti|rinforzi|nuovi arrivi|"
                       r"llegadas?|incorporacion(?:es)?|fichajes|altas|refuerzos|"
                       r"arrivees?|recrues|renforts|recrutements?|"
                       r"arrivals|signings|incomings|new faces)\b")
_DEPARTURES = re.compile(r"\b(?:cessioni|partenze|uscite|in uscita|addii|ceduti|"
                         r"salidas|bajas|ventas|cedidos|"
                         r"departs|ventes|cedes|"
                         r"departures|outgoings|exits)\b")
_ITEM_OPEN = re.compile(r"^\s*(?:\(|[-\u2013\u2014]\s*)$")
_ITEM_CLOSE = re.compile(r"^\s*(?:,[^()\n]{0,30})?\)")


def _list_items(a) -> list[tuple[object, str, str]]:
    """(person, bracketed club, "in" or "out") of every "Name (Club)" item after an arrivals or
    departures cue of the same sentence ("con la llegada de X (Benfica), Y (Newcastle)", "Cessioni:
    X (Empoli)"); the nearest cue before the item gives the side."""
    f = a.folded
    by_end: dict[int, object] = {}
    for s, e, p in a.mentions:
        by_end.setdefault(e, p)
    out = []
    for c in a.clubs:
        if not c.surface:
            continue
        ce = c.start + len(c.surface)
        if not _ITEM_CLOSE.match(f[ce:ce + 34]):
            continue
        op = f.rfind("(", max(0, c.start - 3), c.start)
        op = op if op >= 0 else max(0, c.start - 3)
        p = next((by_end[e] for e in range(op, op - 3, -1) if e in by_end and _ITEM_OPEN.match(f[e:c.start])), None)
        if p is None:
            continue
        k = _sent(a, c.start)
        if k and a.sentences[k - 1].text.rstrip().endswith(":"):
            k -= 1      # "Acquisti:" is a sentence of its own
        head = f[a.sentences[k].start:c.start]
        cues = [(m.end(), "in", m.group()) for m in _ARRIVALS.finditer(head)] + \
            [(m.end(), "out", m.group()) for m in _DEPARTURES.finditer(head)]
        if cues:
            _, side, cue = max(cues)
            loan = bool(_LOANS.search(head) or lexicon.has("LOAN", head))
            out.append((p, c.club_id, side, bool(_DONE_LIST.fullmatch(cue)), loan))
    return out


_LOANS = re.compile(r"\b(?:cesiones|prestamos|prestiti|prets|loans)\b")
# list heads that report moves made ("con la llegada de", "Cessioni:"), not targets ("in entrata", "refuerzos")
_DONE_LIST = re.compile(r"llegadas?|incorporaciones|altas|bajas|salidas|acquist[io]|arrivi|cessioni|partenze|"
                        r"arrivees?|departs|recrues|arrivals|departures|signings")


def _listed(a, cand: Candidate, r: Rumour, items) -> None:
    """A list item's rumour: his old club (arrivals) or the focal club (departures) is the seller, and a
    list of moves made ("Acquisti:", "con la llegada de") reports them completed."""
    for person, cid, side, done, loan in items:
        if person is not cand.person:
            continue
        if side == "in" and r.to_club_id and r.to_club_id != cid and r.deal_type != "renewal":
            r.from_club_id, r.from_club = cid, a.names.get(cid)
        elif side == "out":
            if r.to_club_id != cid:
                continue
            focal = _list_focal(a)
            if focal and r.from_club_id is None:
                r.from_club_id, r.from_club = focal, a.names.get(focal)
        if done and r.status in ("rumour", "negotiating"):
            r.status = "completed"
        if loan and r.deal_type is None:
            r.deal_type = "loan"        # "se han movido bien en cesiones, con la llegada de X (Benfica)"
        return


def _list_focal(a) -> str | None:
    """The candidates' focal club (feature c_focal)."""
    return next((c.club.club_id for c, row in zip(a.candidates.candidates, a.candidates.rows)
                 if c.club is not None and row[_FOCAL] == 1.0), None)


def list_items_moved(a, probs, items, extra: list | None = None) -> list[float]:
    """A focal club's list of arrivals or departures, its players each with his old club (arrivals)
    or his new one (departures) in brackets: the item's move is player -> focal club, or player ->
    bracketed club, unless the model chose another destination for him.  The bracketed club of an
    arrival, and another item's, are no destination of his."""
    cands = a.candidates.candidates
    probs = [float(p) for p in probs]
    if not items:
        return probs
    focal = _list_focal(a)
    bracketed = {it[1] for it in items}
    for person, cid, side, *_ in items:
        dest = focal if side == "in" else cid
        if dest is None or (side == "in" and dest == cid):
            continue
        mine = [i for i, c in enumerate(cands) if c.person is person]
        wrong = bracketed - {dest} if side == "in" else (bracketed | {focal}) - {dest}
        for i in mine:
            if cands[i].club is not None and cands[i].club.club_id in wrong:
                probs[i] = min(probs[i], THRESHOLD / 2)
        better = any(probs[i] >= THRESHOLD and cands[i].club is not None and cands[i].club.club_id != dest for i in mine)
        if better:
            continue
        hit = [i for i in mine if cands[i].club is not None and cands[i].club.club_id == dest]
        for i in hit:
            probs[i] = max(probs[i], THRESHOLD)
        club = next((m for m in a.clubs if m.club_id == dest), None)
        if not hit and extra is not None and club is not None and mine:
            # no candidate pairs him with the club: the item's own pair (his sentences, no rule)
            extra.append((Candidate(person, club, None, _person_sentences(a, person)), THRESHOLD))
    return probs


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


def _lost_to_rival(a, rumours: list[Rumour], ix: _Index | None = None) -> None:
    """A player whose move to one club is completed is lost to his other suitors: their rumours,
    still interest or talks, are denied (conventions: deals lost to competitors).  Not when the
    completion is read from a sentence that also names the suitor (a round-up of several moves)."""
    done: dict[str, list[tuple[str, set]]] = {}
    for r in rumours:
        if r.status in _WON and r.to_club_id and r.deal_type != "renewal":
            done.setdefault(r.player_key, []).append((r.to_club_id, _clubs_in_evidence(a, r, ix or _Index(a))))
    for r in rumours:
        wins = done.get(r.player_key)
        if not wins or not r.to_club_id or r.to_club_id == r.from_club_id or r.status not in ("rumour", "negotiating"):
            continue
        if all(r.to_club_id != club and r.to_club_id not in named for club, named in wins):
            r.status = "denied"


def _clubs_in_evidence(a, r: Rumour, ix: _Index) -> set:
    """The clubs named in the sentence a rumour's evidence is (all clubs when it is not found)."""
    idx = ix.first_sentence.get(r.evidence)
    if idx is None:
        return {c.club_id for c in a.clubs}
    return set(ix.clubs_in.get(idx, ()))


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
    sents = _pair_sentences(a, cand)
    stext = [a.folded[a.sentences[i].start:a.sentences[i].end] for i in sents]
    fees = [f for f in a.fees if f.sentence in set(sents)]
    fee = _pick_fee(fees, stext) if fees else None
    return Rumour(player=cand.person.name, player_key=cand.person.key,
                  from_club=a.names.get(from_id) if from_id else None,
                  to_club=a.names.get(to_id) if to_id else None,
                  from_club_id=from_id, to_club_id=to_id, fee=fee,
                  deal_type=deal_type_for(stext, fee.kind if fee else None, False),
                  status=status_for(stext, outcome_of), evidence=a.sentences[sents[0]].text if sents else "")


def _home_clubs(a, chosen) -> dict:
    """Per person, the club the rules found he plays for (never a renewal's), when a chosen pair makes
    it his destination; under "other", those of them with another pair chosen as well."""
    renewing = {r.player_key for r in a.rules if r.deal_type == "renewal"}
    out: dict = {}
    for c, _ in chosen:
        if c.club is None or c.person.key in renewing:
            continue
        cur = _current_club(a, c) or _glued_club(a, c)
        if cur == c.club.club_id:
            out[id(c.person)] = cur
    other = {id(c.person) for c, _ in chosen if id(c.person) in out and (c.club is None or c.club.club_id != out[id(c.person)])}
    out["other"] = other
    return out


MATCH_PAGE = 0.2   # share of a page's sentences with a match or injury cue that makes it a games report


def _match_share(a) -> float:
    if not a.sentences:
        return 0.0
    return sum(lexicon.has("MATCH", a.folded[x.start:x.end]) for x in a.sentences) / len(a.sentences)


def _loan_return(a, cand: Candidate) -> bool:
    """Every sentence naming the player says he is back at his club as a loan ended ("volvieron a sus
    clubes tras finalizar sus prestamos", "de retour de pret", "returned from his loan")."""
    sents = _pair_sentences(a, cand)
    return bool(sents) and all(lexicon.has("LOAN_RETURN", a.folded[a.sentences[i].start:a.sentences[i].end])
                               for i in sents)


def _history_only(a, cand: Candidate) -> bool:
    """Every sentence naming the player tells of an earlier window (lexicon PAST_TIME, HISTORY_TIME)."""
    sents = _pair_sentences(a, cand)
    return bool(sents) and all(lexicon.has_any(("PAST_TIME", "HISTORY_TIME"),
                                               a.folded[a.sentences[i].start:a.sentences[i].end]) for i in sents)


def _match_report(a, cand: Candidate) -> bool:
    """Every sentence naming the player (and the pair's club) carries a match or injury cue."""
    sents = _pair_sentences(a, cand)
    return bool(sents) and all(lexicon.has("MATCH", a.folded[a.sentences[i].start:a.sentences[i].end]) for i in sents)


# "X (20 ans, Club)", "X (22 años, Club)": his age, then his club
_AGE_CLUB_GAP = re.compile(r"^\s*\(\s*\d{1,2}\s*(?:ans|anos|anni|years|yrs)?\s*,\s*$")
_DEMONYMS = frozenset(k for k in NICKNAMES if k == k.lower())


def _glued_club(a, c: Candidate) -> str | None:
    """The pair's club written as his in the text itself: a supporters' name or demonym right before his
    name ("le Brestois X", "el azulgrana X") or his age then the club in brackets after it."""
    cid = c.club.club_id
    for m in a.clubs:
        if m.club_id != cid:
            continue
        me = m.start + len(m.surface)
        for ps, pe in c.person.spans:
            if me + 1 == ps and a.folded[me] == " " and a.folded[m.start:me] in _DEMONYMS:
                return cid
            if 0 < m.start - pe <= 16 and _AGE_CLUB_GAP.match(a.folded[pe:m.start]):
                return cid
    return None


def _mentions_by_sentence(a) -> dict[int, list]:
    """Per sentence, its people's mentions in text order: (start, person)."""
    sent_of = _sentence_index(a.sentences)
    marks: dict[int, list] = {}
    for s, _, p in sorted(a.mentions, key=lambda m: m[0]):
        marks.setdefault(sent_of(s), []).append((s, p))
    return marks


def _own_deal(a, cand: Candidate, r: Rumour, marks: dict[int, list]) -> str | None:
    """The deal type read in the player's own part of sentences that name other people too: from his
    name to the next other person's ("X, prete par Arsenal, et Y, recrute pour 4 M", "A, B (loan) or C
    left"); from the sentence start when he is named first.  Only the reported deal type: the pair
    model's rule_deal feature stays the sentence-wide reading."""
    if r.deal_type == "renewal":
        return r.deal_type
    sents = _pair_sentences(a, cand)
    texts, split = [], False
    for i in sents:
        x = a.sentences[i]
        ms = marks.get(i, [])
        if not any(p is cand.person for _, p in ms) or all(p is cand.person for _, p in ms):
            texts.append(a.folded[x.start:x.end])
            continue
        split = True
        for k, (s, p) in enumerate(ms):
            if p is not cand.person or (k and ms[k - 1][1] is cand.person):
                continue
            start = x.start if k == 0 else s
            end = next((q for q, o in ms[k + 1:] if o is not cand.person), x.end)
            texts.append(a.folded[start:end])
    if not split:
        return r.deal_type
    kind = r.fee.kind if r.fee is not None else None
    if r.deal_type is None and kind in ("fee", "clause"):
        kind = None     # the rules saw a seller's price with several suitors: no deal of this one
    return deal_type_for(texts, kind, False)


def _status_elsewhere(a, cand: Candidate, r: Rumour, ix: _Index) -> str:
    """A rumour whose own sentences carry no status cue: the first cue in the other sentences naming
    the player, about him alone and no club but the pair's ("X e ufficialmente un nuovo giocatore")."""
    sent_of = ix.sent_of
    own = sorted({sent_of(s) for s, _ in cand.person.spans})
    if not own:
        return r.status
    others = {i for i, p in ix.mention_sents if p is not cand.person}
    allowed = {r.to_club_id, r.from_club_id, None}
    foreign = {i for i, cid in ix.club_sents if cid not in allowed}
    texts = [a.folded[a.sentences[i].start:a.sentences[i].end] for i in own if i not in others and i not in foreign]
    st = status_for(texts, outcome_of) if texts else r.status
    return st if st in _ELSEWHERE else r.status


# talks and bids elsewhere in the article are often another club's: only an outcome is carried over
_ELSEWHERE = ("completed", "agreed", "denied")


_PRICE_KINDS = ("fee", "option", "loan_fee", "clause")


def _nearby_fee(a, cand: Candidate, r: Rumour, ix: _Index):
    """A price in one of the two sentences after the player's that names nobody and no other club
    ("Il Milan incasserebbe 20 milioni" after the sentence about his move)."""
    prices = ix.prices
    if not prices:
        return None
    sent_of = ix.sent_of
    own = {sent_of(s) for s, _ in cand.person.spans}
    near = {i + k for i in own for k in (1, 2)} - own
    prices = [f for f in prices if f.sentence in near]
    if not prices:
        return None
    named = ix.named
    allowed = {r.to_club_id, r.from_club_id}
    clubs_in = ix.clubs_in
    empty: set = set()
    fees = [f for f in prices if f.sentence not in named and clubs_in.get(f.sentence, empty) <= allowed]
    if not fees:
        return None
    return _pick_fee(fees, [a.folded[a.sentences[f.sentence].start:a.sentences[f.sentence].end] for f in fees])


def _sent(a, pos: int) -> int:
    return _sentence_index(a.sentences)(pos)


def _person_sentences(a, person) -> list[int]:
    """The sentences naming the person (one sentence index for all his mentions)."""
    of = _sentence_index(a.sentences)
    return sorted({of(s) for s, _ in person.spans})


def _pair_sentences(a, cand: Candidate) -> list[int]:
    """The pair's shared sentences, or the person's own when the pair has none (no destination)."""
    return cand.sentences or _person_sentences(a, cand.person)
