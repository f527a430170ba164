"""Rumoured moves: one record per (player, from_club, to_club).

Why: this is where the other stages meet.  Per sentence that talks about a transfer
(a move cue or an amount), each player is linked to
  * his current club: a club glued to his name ("Pierre Kalulu, difensore del Milan",
    "Fulham striker Darren Bent", "Newcastle's Alexander Isak", "(Platense)") or after
    a from-cue ("in uscita dal", "from"), remembered for the whole article;
  * destinations: the other clubs of the sentence ("nel mirino del", "X are keen on",
    "move to"), minus clubs in career history ("ex giocatore del", "former Napoli
    forward", "joined ... in 2021") and previous windows ("el verano pasado").
A sentence with a move cue but no name is about the player last named (anaphora).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon
from .deal import deal_type_for, status_for
from .fees import KIND_PRIORITY, FeeMention
from .model import ClubMention, Fee, Rumour
from .people import Person
from .text import Sentence

_GAP_AFTER_ATTACH = re.compile(
    r"^\s*(?:\(\s*|,?\s*(?:[\w\-']+\s+){0,4}?(?:del|della|dello|dell'|dei|degli|de la|del|de|du|of|at)\s*)$")
_GAP_BEFORE_POSSESSIVE = re.compile(r"^['’]s\s+(?:[\w\-£€$.,']+\s+){0,5}$")
_GAP_BEFORE_NOUN = re.compile(r"^\s+(?:and\s+\w+\s+)?(?:[\w\-£€$.']+\s+){0,4}$")
_FROM_TAIL = re.compile(r"(?:in uscita (?:dal|dalla|dall')|in forza (?:al|alla|all')|sotto contratto con (?:il|la|l')|"
                        r"di proprieta (?:del|della|dell')|\bfrom|\bdesde (?:el|la)|\bquitter|\bleave|\blasciare (?:il|la|l')"
                        r"|\bdal|\bdalla|\bdall')\s*$")
_YEAR_PAST = re.compile(r"\b(?:in|nel|en|del|dal|since)\s+(?:19|20)\d\d\b")
_PAST_VERB = re.compile(r"\b(?:joined|signed for|bought|arrived|cost|arrivato|acquistato nel|llego|fichado|"
                        r"passato|came|moved)\b")


@dataclass
class _Rec:
    person: Person
    to_id: str | None
    from_id: str | None = None
    sentences: list[int] = field(default_factory=list)
    renewal: bool = False
    weight: float = 0.0


_SELL = re.compile(r"\b(?:cession\w*|in uscita|ceder\w*|vender\w*|salutare|partente|addio|sell|sale|offload\w*|"
                   r"venta|vender|salida|salir|transferibles|quitter|vendre|depart|leave|exit)\b")
_BUY = re.compile(r"\b(?:in entrata|acquist\w*|obiettiv\w*|colpo|rinforz\w*|sign\w*|fichaje|fichar|"
                  r"target|recrue|mirino|pista|favorito|interesse|interest\w*|keen)\b")
_SELLER = re.compile(r"(?:(?:trattativa|trattare|contatti|contatto|accordo|intesa|talks|negotiations|agreement|"
                     r"acuerdo|negociaciones|accord|discussions)\s+(?:\w+\s+){0,3}?(?:con|with|avec|entre)\s+"
                     r"(?:il|la|i|l'|lo|gli|el|los|les|le|the)?\s*"
                     r"|(?:offert\w*|offre|ofrece|pagar\w*|versera|verser\w*|paid|pay|paying)\s+(?:\w+\s+){0,4}?"
                     r"(?:al|alla|agli|ai|all'|allo|a|to|au|aux)\s*(?:la|los|el)?\s*"
                     r"|(?:privarsi|fare a meno)\s+\w*\s*)$")


def find_moves(text: str, folded: str, sentences: list[Sentence], clubs: list[ClubMention],
               persons: list[Person], mentions: list[tuple[int, int, Person]], fees: list[FeeMention],
               names: dict[str, str]) -> list[Rumour]:
    movers_ok = {id(p) for p in persons if p.role == "player" and (not p.weak or p.player_votes > 0)}
    by_sent_clubs: dict[int, list[ClubMention]] = {}
    by_sent_people: dict[int, list[tuple[int, int, Person]]] = {}
    sent_of = _sentence_index(sentences)
    for c in clubs:
        by_sent_clubs.setdefault(sent_of(c.start), []).append(c)
    for m in mentions:
        if id(m[2]) in movers_ok:
            by_sent_people.setdefault(sent_of(m[0]), []).append(m)
    fees_by_sent: dict[int, list[FeeMention]] = {}
    for f in fees:
        fees_by_sent.setdefault(f.sentence, []).append(f)
    focal = _focal_club(clubs)

    current: dict[int, str] = {}            # id(person) -> club_id
    attached_spans: dict[int, set[int]] = {}  # sentence -> club starts used as affiliations
    history_spans: set[int] = set()
    # pass 1: affiliations and history
    for s in sentences:
        cl = by_sent_clubs.get(s.idx, [])
        for c in cl:
            if _is_history(folded, c):
                history_spans.add(c.start)
        for (ps, pe, p) in by_sent_people.get(s.idx, []):
            cid = _attached_club(folded, ps, pe, cl)
            if cid is not None:
                attached_spans.setdefault(s.idx, set()).add(cid.start)
                if cid.start not in history_spans:
                    current.setdefault(id(p), cid.club_id)
        if not by_sent_people.get(s.idx):
            for c in cl:
                before = folded[max(s.start, c.start - 40):c.start]
                if re.search(r"(?:giocatore|calciatore|difensore|centrocampista|attaccante|player|jugador|"
                             r"futbolista|joueur)\s+(?:del|della|dell'|dello|of|de|du)\s*$", before):
                    focus = _focus(by_sent_people, s.idx, folded[s.start:s.end])
                    if focus is not None:
                        current.setdefault(id(focus), c.club_id)
                        attached_spans.setdefault(s.idx, set()).add(c.start)

    # pass 2: moves
    recs: dict[tuple[int, str | None], _Rec] = {}
    movers: dict[int, Person] = {}
    move_sents: dict[int, list[int]] = {}
    dest_in_sent: dict[int, set[str]] = {}
    for s in sentences:
        fs = folded[s.start:s.end]
        has_cue = lexicon.has("MOVE", fs) or bool(fees_by_sent.get(s.idx))
        if not has_cue:
            continue
        if lexicon.has("PAST_TIME", fs) or (_YEAR_PAST.search(fs) and _PAST_VERB.search(fs)):
            continue
        if lexicon.has("MANAGER_MOVE", fs):
            continue
        people = by_sent_people.get(s.idx, [])
        anaphoric = False
        if not people:
            focus = _focus(by_sent_people, s.idx, fs)
            if focus is None:
                continue
            people = [(s.start, s.start, focus)]
            anaphoric = True
        cl = [c for c in by_sent_clubs.get(s.idx, []) if c.start not in history_spans]
        attached = attached_spans.get(s.idx, set())
        sellers = {c.start for c in cl if _SELLER.search(folded[max(s.start, c.start - 60):c.start])
                   or _is_from_cue(folded, c)}
        seen_people: list[Person] = []
        for (ps, pe, p) in people:
            if any(p is q for q in seen_people):
                continue
            seen_people.append(p)
            movers[id(p)] = p
            move_sents.setdefault(id(p), []).append(s.idx)
            cur = current.get(id(p))
            dests = []
            for c in cl:
                if c.start in attached:
                    continue
                if c.start in sellers:
                    if cur is None:
                        current[id(p)] = cur = c.club_id
                    continue
                dests.append(c)
            if cur is None and focal and _SELL.search(fs) and not _BUY.search(fs) \
                    and all(c.club_id != focal for c in dests):
                current[id(p)] = cur = focal
            if not dests and cur and focal and cur != focal and not anaphoric and _BUY.search(fs) \
                    and not _SELL.search(fs):
                dests = [ClubMention(focal, names.get(focal, focal), "", s.start)]
            for c in dests:
                if c.club_id == cur:
                    if lexicon.has("RENEWAL", fs):
                        r = recs.setdefault((id(p), c.club_id), _Rec(p, c.club_id))
                        r.renewal = True
                        r.sentences.append(s.idx)
                    continue
                r = recs.setdefault((id(p), c.club_id), _Rec(p, c.club_id))
                r.sentences.append(s.idx)
                r.weight += 0.5 if (anaphoric or not c.surface) else 1.0
                dest_in_sent.setdefault(s.idx, set()).add(c.club_id)
    # players with a move cue but no destination: (player, from, None)
    for pid, p in movers.items():
        if not any(k[0] == pid for k in recs) and current.get(pid):
            sents = [i for i in move_sents[pid] if not _only_anaphoric(by_sent_people, i, p)]
            if sents:
                r = recs.setdefault((pid, None), _Rec(p, None))
                r.sentences.extend(sents)
                r.weight += 1.0

    out: list[Rumour] = []
    for (pid, to_id), r in recs.items():
        if r.weight < 1.0 and not r.renewal:
            continue
        from_id = current.get(pid)
        if r.renewal:
            from_id = to_id
        if from_id == to_id and not r.renewal:
            continue
        sents = sorted(set(r.sentences))
        stext = [folded[sentences[i].start:sentences[i].end] for i in sents]
        cands = [f for i in sents for f in fees_by_sent.get(i, [])]
        if not any(f.fee.kind in ("fee", "option", "loan_fee", "clause") for f in cands):
            # the price may sit in a nearby sentence about the same player with no other buyer
            for i in move_sents.get(pid, []):
                if i not in sents and dest_in_sent.get(i, set()) <= {to_id}:
                    cands.extend(fees_by_sent.get(i, []))
        fee = _pick_fee(cands, stext)
        deal = deal_type_for(stext, fee.kind if fee else None, r.renewal)
        if fee is not None and deal in ("loan", None) and fee.kind == "option":
            deal = "loan_with_option" if lexicon.has("LOAN", " ".join(stext)) else deal
        status = status_for(stext)
        conf = min(0.95, 0.35 + 0.15 * r.weight + (0.1 if from_id else 0) + (0.1 if fee else 0))
        ev = sentences[sents[0]].text if sents else ""
        out.append(Rumour(player=r.person.name, player_key=r.person.key,
                          from_club=names.get(from_id) if from_id else None,
                          to_club=names.get(to_id) if to_id else None,
                          from_club_id=from_id, to_club_id=to_id, fee=fee, deal_type=deal,
                          status=status, confidence=round(conf, 3), evidence=ev))
    return out


def _focal_club(clubs: list[ClubMention]) -> str | None:
    """The club the article is about: clearly the most mentioned one."""
    counts: dict[str, float] = {}
    for i, c in enumerate(clubs):
        counts[c.club_id] = counts.get(c.club_id, 0) + (2.0 if i == 0 else 1.0)   # the lede counts double
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 1.25 * ranked[1][1]):
        return ranked[0][0]
    return None


def _sentence_index(sentences: list[Sentence]):
    starts = [s.start for s in sentences]
    import bisect

    def of(pos: int) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        return max(0, i)
    return of


def _focus(by_sent_people, idx: int, folded_sentence: str = "") -> Person | None:
    """The player a sentence without names is about: the last one named just before."""
    for j in (idx - 1, idx - 2, idx - 3):
        ps = by_sent_people.get(j)
        if ps:
            return ps[-1][2]
    return None


def _only_anaphoric(by_sent_people, idx, p) -> bool:
    return not any(q is p for (_, _, q) in by_sent_people.get(idx, []))


def _attached_club(folded: str, ps: int, pe: int, clubs: list[ClubMention]) -> ClubMention | None:
    """The club glued to the player's name, if any."""
    for c in clubs:
        ce = c.start + len(c.surface)
        if c.start >= pe and c.start - pe <= 60:
            gap = folded[pe:c.start]
            if _GAP_AFTER_ATTACH.match(gap) and not re.search(r"\b(?:di|e|and|y|et|o|or)\s*$", gap.strip(" (")):
                return c
            if _FROM_TAIL.search(gap) and not re.search(r"[.;:!?]", gap):
                return c
        elif ce <= ps and ps - ce <= 45:
            gap = folded[ce:ps]
            if _GAP_BEFORE_POSSESSIVE.match(gap):
                return c
            if _GAP_BEFORE_NOUN.match(gap) and lexicon.has("PLAYER_NOUN", gap) and not re.search(
                    r"\b(?:to|sign|for|signing|per|para|pour)\b", gap):
                return c
    return None


def _is_from_cue(folded: str, c: ClubMention) -> bool:
    before = folded[max(0, c.start - 25):c.start]
    return bool(re.search(r"(?:\bfrom|\bdal|\bdalla|\bdall'|\bdallo|in uscita dal\w*|\bleave|\bleaving|\bquitter|"
                          r"\bdesde el|salir del|salida del|\blasciare (?:il|la|l')|\blascia (?:il|la|l'))\s*$", before))


def _is_history(folded: str, c: ClubMention) -> bool:
    before = folded[max(0, c.start - 30):c.start]
    after = folded[c.start + len(c.surface): c.start + len(c.surface) + 25]
    if re.search(r"(?:\bex|\bformer|\bformerly|\bancien|\bantiguo|ex giocatore del\w*|ex calciatore del\w*|"
                 r"l'ex\s+\w+\s+del\w*|cresciuto nel\w*|\bspell at|\bspells at|\bcareer at|brillo con el)\s*(?:l')?$",
                 before):
        return True
    if re.search(r"\b(?:former|ex)\s+$", before) and re.match(r"\s+(?:striker|forward|defender|midfielder|player|"
                                                             r"winger|keeper|captain|boss|manager)", after):
        return True
    return False


def _pick_fee(cands: list[FeeMention], stext: list[str]) -> Fee | None:
    usable = [f for f in cands if f.fee.kind in ("fee", "option", "loan_fee", "clause")]
    if not usable:
        return None
    text = " ".join(stext)
    loan = lexicon.has("LOAN", text)
    if loan:
        opts = [f for f in usable if f.fee.kind == "option"]
        if opts:
            return opts[0].fee
        lf = [f for f in usable if f.fee.kind == "loan_fee"]
        if lf:
            return lf[0].fee
    usable.sort(key=lambda f: (KIND_PRIORITY.get(f.sub, 3) if f.fee.kind == "fee" else
                               (6 if f.fee.kind == "clause" else 7), f.fee.start))
    return usable[0].fee
