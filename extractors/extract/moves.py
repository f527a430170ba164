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
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .deal import deal_type_for, outcome_of, status_for, status_of
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
_PRE_FROM_TAIL = re.compile(r"uscita|forza|contratto|proprieta|from|desde|quitter|leave|lasciare|dal")
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
    direct: list[int] = field(default_factory=list)   # sentences naming both the player (or him) and the club
    loan_list: bool = False
    windows: dict[int, str] = field(default_factory=dict)   # sentence -> the pair's clauses


_SELL = re.compile(r"\b(?:cession\w*|in uscita|ceder\w*|vender\w*|salutare|partente|addio|sell|sale|offload\w*|"
                   r"venta|vender|salida|salir|transferibles|quitter|vendre|depart|leave|exit)\b")
# the player is the object of a sale or a departure ("la cessione di X", "the sale of X", "la venta de X",
# "X's departure"): the clubs of the clause sell him unless one is introduced as the destination
_SALE_OF = re.compile(r"(?:\b(?:cessione|vendita|partenza|uscita|addio|sale|departure|exit|venta|salida|marcha|"
                      r"traspaso|vente|depart|cession)\s+(?:del|della|dello|dell'|di|of|de|del|d')\s*"
                      r"(?:(?:il|lo|la|the|el|le)\s+)?)$")
# "his departure", "su salida", "la sua cessione", "sa vente": the sale of the player the sentence is about
_POSS_SALE = re.compile(r"\b(?:his|su|sua|suo|sa|son)\s+(?:\w+\s+)?(?:sale|departure|exit|salida|venta|marcha|"
                        r"traspaso|cessione|partenza|uscita|addio|vendita|vente|depart)\b")
_SALE_POSS = re.compile(r"^['’]s\s+(?:\w+\s+)?(?:sale|departure|exit)\b")


_HEADING = re.compile(r"\b(?:in direzione|direzione|destinazione|verso|towards|heading to|bound for|en direction|"
                      r"direction|con destino|destino|rumbo|direccion)\s+(?:\w+\s+)?(?:(?:il|la|l'|the|el|le|al|a|du|de)\s*)?$")


def _sale_object(folded: str, s0: int, ps: int, pe: int) -> bool:
    return bool(_SALE_OF.search(folded[max(s0, ps - 24):ps]) or _SALE_POSS.match(folded[pe:pe + 24]))


# the player is the object of a purchase: "fichar a X", "acquistare X", "sign X", "recruter X", "the signing of X"
_BUY_OBJ = re.compile(
    r"\b(?:fichar|ficharle|contratar|incorporar|firmar|traer|fichaje|llegada|incorporacion|contratacion|"
    r"acquistare|prendere|ingaggiare|tesserare|portare|acquisto|ingaggio|arrivo|"
    r"sign|signing|land|landing|bring in|recruit|acquire|acquisition|capture|"
    r"recruter|signer|engager|faire venir|attirer|recrutement|arrivee|venue)\s+"
    r"(?:(?:a|de|del|di|of|d')\s*)?(?:(?:il|lo|la|l'|the|el|le)\s*)?$")
_BUY_COORD = re.compile(r"^\s*(?:,|y|e|ed|and|et|o|or|ou)\s*(?:a\s+|à\s+)?$")
# the player a signing would replace or compete with is not the one moving
_REPLACED = re.compile(
    r"\b(?:replace|replacing|replacement for|successor to|cover for|competition for|compete with|understudy to|"
    r"sostituire|sostituto di|rimpiazzare|al posto di|erede di|vice|concorrenza a|alternativa a|"
    r"reemplazar a|sustituir a|sustituto de|relevo de|en lugar de|competencia a|"
    r"remplacer|remplacant de|succeder a|successeur de|a la place de|concurrence a|doublure de)\s*"
    r"(?:(?:il|lo|la|l'|the|el|le)\s*)?$")
# the focal club's incoming side named outright: a player listed there is its target
_INCOMING = re.compile(r"\b(?:in entrata|in arrivo|nuovo acquisto|rinforz\w*|obiettiv\w*|il favorito|la prima scelta|"
                       r"(?:top |main |primary |first-choice |prime )?targets?|incoming|shortlist\w*|wishlist|"
                       r"fichaje|refuerzo|objetivo|primera opcion|el elegido|"
                       r"recrue|renfort|cible|priorite)\b")
_OWNED_BEFORE = re.compile(r"[A-Z][\w.\-]*['’]s\s+(?:\w+\s+)?$")
_OWNED_AFTER = re.compile(r"^\s+(?:of|for|del|della|dell'|dello|dei|de|du|des|di)\s*(?:the\s+|la\s+|le\s+|l')?[A-Z]")


def _incoming_unowned(fs: str, raw: str) -> bool:
    """An incoming cue whose owner is not named ("X's top target", "obiettivo del Y" belong to X, Y).
    `raw` is the sentence as written (same offsets as the folded `fs`): owners are capitalised."""
    for m in _INCOMING.finditer(fs):
        if not _OWNED_BEFORE.search(raw[max(0, m.start() - 24):m.start()]) \
                and not _OWNED_AFTER.match(raw[m.end():m.end() + 14]):
            return True
    return False


_BUY = re.compile(r"\b(?:in entrata|acquist\w*|obiettiv\w*|colpo|rinforz\w*|sign\w*|fichaje|fichar|"
                  r"target|recrue|mirino|pista|favorito|interesse|interest\w*|keen)\b")
_SELLER = re.compile(r"(?:(?:trattativa|trattare|contatti|contatto|accordo|intesa|talks|negotiations|agreement|"
                     r"acuerdo|negociaciones|accord|discussions)\s+(?:\w+\s+){0,3}?(?:con|with|avec|entre)\s+"
                     r"(?:il|la|i|l'|lo|gli|el|los|les|le|the)?\s*"
                     r"|(?:offert\w*|offre|ofrece|pagar\w*|versera|verser\w*|paid|pay|paying)\s+(?:\w+\s+){0,4}?"
                     r"(?:al|alla|agli|ai|all'|allo|a|to|au|aux)\s*(?:la|los|el)?\s*"
                     r"|(?:privarsi|fare a meno)\s+\w*\s*)$")


_CLAUSE_CUT = re.compile(r"[,;:()]|\s-\s|\b(?:ma|mentre|while|whereas|but|pero|mientras|mais|tandis que|alors que)\b")
_COORD_GAP = re.compile(r"^\s*(?:,|e|ed|et|and|y|&|o|or|ou)\s*$")
_NEG_NEAR = re.compile(r"\b(?:non|not|no|sin|sans|pas|senza|without|won't|ne)\b(?:\s+\S+){0,3}\s*$")
_ANAPHOR_NP = re.compile(
    r"\b(?:il|lo|l'|the|el|le|la)\s*(?:giocatore|calciatore|difensore|centrale|terzino|esterno|centrocampista|"
    r"regista|trequartista|attaccante|centravanti|portiere|ragazzo|classe|player|striker|defender|midfielder|"
    r"winger|forward|keeper|goalkeeper|youngster|international|full-back|centre-back|jugador|futbolista|"
    r"delantero|defensa|central|lateral|extremo|mediocentro|portero|canterano|joueur|attaquant|milieu|"
    r"defenseur|ailier|gardien|international)\b")


_DESC_NP: re.Pattern | None = None


def _descriptive_np(fs: str) -> bool:
    """A noun phrase that refers back to a player already named: "the Uruguayan", "il
    fuoriclasse uruguaiano", "el lateral", "le Brésilien", "the 24-year-old", "il 27enne"."""
    global _DESC_NP
    if _DESC_NP is None:
        _DESC_NP = re.compile(
            r"(?:\b(?:il|lo|la|the|el|le|sul|del|al|nel|dal|au|du|sur le)\s+|\b(?:l|sull|dell|all|nell|dall|d|sur l)')(?:(?:young|giovane|joven|jeune|talented|talentuoso|ex|former)\s+)?"
            + lexicon.cue_regex("DEMONYM").pattern
            + r"|\b(?:the|il|el|le|l')\s*\d\d[- ]?(?:year[- ]old|enne|anni|ans|anos)\b")
    return _ANAPHOR_NP.search(fs) is not None or _DESC_NP.search(fs) is not None


# a sentence that opens with a noun phrase describing a player ("The Brazilian", "Il 24enne", "El lateral")
_DESC_LEAD = re.compile(r"^\W*(?:il|lo|la|l'|the|el|le)\s*\w+")


_PLURAL_NP = re.compile(
    r"\b(?:(?:los|les|i|gli|the|these|those|questi|estos|ces)\s+(?:dos|deux|due|two)\s+(?:jugadores|futbolistas|"
    r"joueurs|giocatori|calciatori|players|footballers)|both players|ambos jugadores|entrambi i giocatori|"
    r"les deux joueurs|the pair|the duo|il duo|la coppia|el duo)\b")


def _last_two(by_sent_people, idx: int, back: int) -> list[Person]:
    """The two players named last before sentence `idx` ("los dos futbolistas", "the pair")."""
    seen: list[Person] = []
    first: list[Person] = []
    for j in range(idx - 1, max(-1, idx - 1 - back), -1):
        ppl = by_sent_people.get(j, [])
        if ppl and not any(ppl[0][2] is q for q in first):
            first.append(ppl[0][2])
        for (_, _, p) in reversed(ppl):
            if not any(p is q for q in seen):
                seen.append(p)
    if len(seen) < 2:
        return []
    # the two most talked-about of the recent names (a name in passing is not one of "the two");
    # the first name of a sentence is its subject and outranks a name in passing
    ranked = sorted(range(len(seen)), key=lambda i: (-len(seen[i].spans) - (1 if any(seen[i] is q for q in first) else 0), i))
    return [seen[i] for i in ranked[:2]]


_CLAUSE_LEAD = re.compile(r"^\s*(?:(?:e|et|and|y|ed|o|ou|mentre|while|but|ma|pero|mais|then|poi)\s+)?"
                          r"(?:(?:il|lo|la|l'|i|gli|le|les|the|el|los|las)\s*)?$")


def _clause_subject(fs: str, cuts: list[int], rel: int) -> bool:
    """The club at `rel` opens its clause (only an article or a conjunction before it)."""
    k = _clause_of(cuts, rel)
    start = cuts[k - 1] + 1 if k > 0 else 0
    return bool(_CLAUSE_LEAD.match(fs[start:rel]))


def _clause_cuts(fs: str) -> list[int]:
    return [m.start() for m in _CLAUSE_CUT.finditer(fs)]


def _clause_of(cuts: list[int], rel: int) -> int:
    return bisect_right(cuts, rel)


@dataclass
class _Article:
    """One article as find_moves reads it: its indexes, then the links its passes find."""
    text: str
    folded: str
    sentences: list[Sentence]
    names: dict[str, str]
    movers_ok: set[int]                                 # id(person) of the names that may move
    by_sent_clubs: dict[int, list[ClubMention]]
    by_sent_people: dict[int, list[tuple[int, int, Person]]]
    weak_by_sent: dict[int, list[tuple[int, int, Person]]]
    fees_by_sent: dict[int, list[FeeMention]]
    focal: str | None
    current: dict[int, str] = field(default_factory=dict)            # id(person) -> club_id
    attached_spans: dict[int, set[int]] = field(default_factory=dict)  # sentence -> club starts used as affiliations
    history_spans: set[int] = field(default_factory=set)
    seller_spans: set[int] = field(default_factory=set)
    new_role: dict[int, list] = field(default_factory=dict)   # sentence -> (player, club he is the new signing of)
    recs: dict[tuple[int, str | None], _Rec] = field(default_factory=dict)
    movers: dict[int, Person] = field(default_factory=dict)
    move_sents: dict[int, list[int]] = field(default_factory=dict)
    dest_in_sent: dict[int, set[str]] = field(default_factory=dict)
    pair_sents: dict[int, tuple[str, str]] = field(default_factory=dict)   # sentence -> two clubs dealing


@dataclass
class _MoveSentence:
    """A sentence with a move cue, its players (named, or referred back to) and its clubs."""
    s: Sentence
    fs: str                                 # the folded sentence
    people: list[tuple[int, int, Person]]
    anaphoric: bool                         # its players are not named in it
    coref: bool                             # ... but it refers to them clearly enough to count as naming them
    cl: list[ClubMention]                   # its clubs, minus career history
    attached: set[int]
    sellers: set[int]
    renewal_cue: re.Match | None
    renewal_neg: bool
    cuts: list[int]
    distinct: list[Person]
    p_clauses: dict[int, set[int]]
    p_pos: dict[int, list[int]]
    groups: dict[int, int]


def find_moves(text: str, folded: str, sentences: list[Sentence], clubs: list[ClubMention],
               persons: list[Person], mentions: list[tuple[int, int, Person]], fees: list[FeeMention],
               names: dict[str, str]) -> list[Rumour]:
    a = _index_article(text, folded, sentences, clubs, persons, mentions, fees, names)
    for s in sentences:         # pass 1: affiliations and history
        _affiliations(a, s)
    loan_list, parent = _loan_list_heads(text, folded, sentences, a.by_sent_clubs, a.by_sent_people, a.focal)
    for s in sentences:         # pass 2: moves
        if s.idx in loan_list:
            _loan_line(a, s, *loan_list[s.idx], parent)
        else:
            _sentence_moves(a, s)
    _resolve_club_pairs(a.recs, a.pair_sents, a.current)
    _reverse_swaps(folded, mentions, a.recs, a.current, a.movers_ok)
    _sales_roundup(a)
    _destinationless(a)
    has = _ArticleCues().has     # the rumours of one article test the same joined sentences again and again
    out = [_rumour(a, pid, to_id, r, has) for (pid, to_id), r in a.recs.items()]
    return [r for r in out if r is not None]


def _index_article(text, folded, sentences, clubs, persons, mentions, fees, names) -> _Article:
    movers_ok = {id(p) for p in persons if p.role == "player" and (not p.weak or p.player_votes > 0)}
    sent_of = _sentence_index(sentences)
    by_sent_clubs: dict[int, list[ClubMention]] = {}
    for c in clubs:
        by_sent_clubs.setdefault(sent_of(c.start), []).append(c)
    by_sent_people: dict[int, list[tuple[int, int, Person]]] = {}
    weak_by_sent: dict[int, list[tuple[int, int, Person]]] = {}
    for m in mentions:
        if id(m[2]) in movers_ok:
            by_sent_people.setdefault(sent_of(m[0]), []).append(m)
        elif m[2].role == "player" and m[2].weak:
            weak_by_sent.setdefault(sent_of(m[0]), []).append(m)
    fees_by_sent: dict[int, list[FeeMention]] = {}
    for f in fees:
        fees_by_sent.setdefault(f.sentence, []).append(f)
    return _Article(text, folded, sentences, names, movers_ok, by_sent_clubs, by_sent_people, weak_by_sent,
                    fees_by_sent, _focal_club(clubs))


_PLAYER_OF = re.compile(r"(?:giocatore|calciatore|difensore|centrocampista|attaccante|player|jugador|"
                        r"futbolista|joueur)\s+(?:del|della|dell'|dello|of|de|du)\s*$")


def _affiliations(a: _Article, s: Sentence) -> None:
    """Pass 1 over one sentence: clubs of career history, clubs that sell, the club glued to each player."""
    folded = a.folded
    cl = a.by_sent_clubs.get(s.idx, [])
    for c in cl:
        if _is_history(folded, c):
            a.history_spans.add(c.start)
        elif _is_seller_subject(folded, c, s.end) or _is_paid_club(folded, c, s.start, s.end) \
                or _current_before(folded[max(s.start, c.start - 60):c.start]):
            a.seller_spans.add(c.start)
    for (ps, pe, p) in a.by_sent_people.get(s.idx, []):
        cid = _attached_club(folded, ps, pe, cl)
        if cid is not None and _new_role(folded, ps, pe, cid):
            a.new_role.setdefault(s.idx, []).append((id(p), cid))
            continue            # "X è il nuovo attaccante del Milan": Milan is where he goes
        if cid is not None:
            a.attached_spans.setdefault(s.idx, set()).add(cid.start)
            if cid.start not in a.history_spans:
                a.current.setdefault(id(p), cid.club_id)
    if a.by_sent_people.get(s.idx):
        return
    for c in cl:
        # "il giocatore del X" in a sentence naming nobody: X is the club of the player just named
        if _PLAYER_OF.search(folded[max(s.start, c.start - 40):c.start]):
            focus = _focus(a.by_sent_people, s.idx, folded[s.start:s.end])
            if focus is not None:
                a.current.setdefault(id(focus), c.club_id)
                a.attached_spans.setdefault(s.idx, set()).add(c.start)


def _loan_line(a: _Article, s: Sentence, p: Person, c: ClubMention, parent: str | None) -> None:
    r = a.recs.setdefault((id(p), c.club_id), _Rec(p, c.club_id, parent))
    r.loan_list = True
    r.sentences.append(s.idx)
    r.direct.append(s.idx)
    r.weight += 2.0
    a.movers[id(p)] = p
    a.move_sents.setdefault(id(p), []).append(s.idx)


def _is_move_sentence(a: _Article, s: Sentence, fs: str) -> bool:
    """A move cue or an amount, not in the past, not about a manager."""
    if not (lexicon.has("MOVE", fs) or bool(a.fees_by_sent.get(s.idx)) or s.idx in a.new_role):
        return False
    if lexicon.has("PAST_TIME", fs) or (_YEAR_PAST.search(fs) and _PAST_VERB.search(fs)):
        return False
    return not lexicon.has("MANAGER_MOVE", fs)


def _sentence_moves(a: _Article, s: Sentence) -> None:
    """Pass 2 over one sentence: link each of its players to his destinations and his current club."""
    fs = a.folded[s.start:s.end]
    if not _is_move_sentence(a, s, fs):
        return
    found = _sentence_people(a, s, fs)
    if found is None:
        return
    x = _move_sentence(a, s, fs, *found)
    for p in x.distinct:
        a.movers[id(p)] = p
        a.move_sents.setdefault(id(p), []).append(s.idx)
    owner = _club_owners(a, x)
    bought = _bought_groups(a, x)
    for p in x.distinct:
        _link_player(a, x, p, owner, bought)


def _sentence_people(a: _Article, s: Sentence, fs: str) -> tuple[list, bool, bool] | None:
    """(people, anaphoric, coref) of a move sentence: its named players, else the ones it refers back to."""
    people = a.by_sent_people.get(s.idx, [])
    if people:
        kept = [m for m in people if not _REPLACED.search(a.folded[max(s.start, m[0] - 30):m[0]])]
        if not kept:
            return None         # "a striker to replace X": nobody named moves here
        return kept, False, False
    if _PLURAL_NP.search(fs):
        pair = _last_two(a.by_sent_people, s.idx, 6)
        if pair:
            return [(s.start, s.start, q) for q in pair], True, True
    coref = _descriptive_np(fs)
    focus = _focus(a.by_sent_people, s.idx, fs, 6 if coref else 3, a.folded)
    if coref and not a.by_sent_people.get(s.idx - 1) and _DESC_LEAD.match(fs):
        # "... esta en X. El brasileno de 27 anos ...": a lone name just before a sentence
        # that opens by describing a player is that player
        weak = {id(m[2]): m[2] for m in a.weak_by_sent.get(s.idx - 1, [])}
        if len(weak) == 1:
            focus = next(iter(weak.values()))
            a.movers_ok.add(id(focus))
            a.by_sent_people.setdefault(s.idx - 1, []).extend(a.weak_by_sent[s.idx - 1])
    if focus is None:
        return None
    if not coref and _same_paragraph_subject(a.text, a.sentences, a.by_sent_people, s.idx, focus):
        coref = True    # pro-drop: the paragraph's only named player is the subject
    return [(s.start, s.start, focus)], True, coref


def _move_sentence(a: _Article, s: Sentence, fs: str, people, anaphoric: bool, coref: bool) -> _MoveSentence:
    folded = a.folded
    cl = [c for c in a.by_sent_clubs.get(s.idx, []) if c.start not in a.history_spans]
    pc = _club_pair(folded, fs, s.start, cl)
    if pc:
        a.pair_sents[s.idx] = pc
    sellers = {c.start for c in cl if c.start in a.seller_spans
               or _seller_before(folded[max(s.start, c.start - 60):c.start]) or _is_from_cue(folded, c)}
    renewal_cue = lexicon.cue_regex("RENEWAL").search(fs)
    renewal_neg = bool(renewal_cue and _NEG_NEAR.search(fs[max(0, renewal_cue.start() - 30):renewal_cue.start()]))
    cuts = _clause_cuts(fs)
    # distinct people of the sentence, with their clause numbers and coordination groups
    distinct: list[Person] = []
    p_clauses: dict[int, set[int]] = {}
    p_pos: dict[int, list[int]] = {}
    for (ps, pe, p) in people:
        if not any(p is q for q in distinct):
            distinct.append(p)
        p_clauses.setdefault(id(p), set()).add(_clause_of(cuts, ps - s.start))
        p_pos.setdefault(id(p), []).append(ps - s.start)
    return _MoveSentence(s, fs, people, anaphoric, coref, cl, a.attached_spans.get(s.idx, set()), sellers,
                         renewal_cue, renewal_neg, cuts, distinct, p_clauses, p_pos, _coordinated(folded, people))


def _club_owners(a: _Article, x: _MoveSentence) -> dict[int, list[Person]]:
    """Each candidate destination goes to the player(s) of its clause, else to the nearest one."""
    owner: dict[int, list[Person]] = {}
    for c in x.cl:
        if c.start in x.attached:
            continue
        if len(x.distinct) == 1 or x.anaphoric:
            owner[c.start] = x.distinct     # "the two players" / "him": every club of the sentence is theirs
        else:
            owner[c.start] = _nearest_players(a, x, c)
    return owner


def _nearest_players(a: _Article, x: _MoveSentence, c: ClubMention) -> list[Person]:
    s, fs, cuts, distinct = x.s, x.fs, x.cuts, x.distinct
    cc = _clause_of(cuts, c.start - s.start)
    best, best_d = [], None
    for p in distinct:
        d = min(abs(cc - k) for k in x.p_clauses[id(p)])
        if best_d is None or d < best_d:
            best, best_d = [p], d
        elif d == best_d:
            best.append(p)
    if best_d is not None and best_d > 0 and len(best) > 1:
        # equally far in clauses: the nearest in characters, unless they are coordinated
        gid = {x.groups.get(id(p)) for p in best}
        if len(gid) > 1:
            near = min(best, key=lambda p: min(abs(c.start - s.start - q) for q in x.p_pos[id(p)]))
            before = [p for p in best if min(x.p_pos[id(p)]) < c.start - s.start]
            after = [p for p in best if max(x.p_pos[id(p)]) > c.start - s.start]
            # a clause between two players' clauses is ambiguous
            best = [near] if best_d <= 1 and not (before and after) else []
    if best_d is not None and best_d > 1:
        best = []
    if best_d and _clause_subject(fs, cuts, c.start - s.start) \
            and not _DEST_PREP.search(a.folded[max(s.start, c.start - 14):c.start]):
        best = []       # a club opening a clause of its own is the subject of another story
    if best:
        grp = {x.groups.get(id(p)) for p in best}
        best = [p for p in distinct if x.groups.get(id(p)) in grp]
    return best


def _bought_groups(a: _Article, x: _MoveSentence) -> dict[int | None, bool]:
    """The coordination groups named as the object of a purchase ("fichar a X y a Y")."""
    bought: dict[int | None, bool] = {}
    prev_end = None
    for (ps, pe, q) in x.people:
        if ps != pe and (_BUY_OBJ.search(a.folded[max(x.s.start, ps - 30):ps]) or (
                prev_end is not None and _BUY_COORD.match(a.folded[prev_end:ps]))):
            bought[x.groups.get(id(q))] = True
            prev_end = pe       # "fichar a X y a Y": Y is bought too
        else:
            prev_end = None
    return bought


def _set_current(a: _Article, pid: int, club_id: str) -> None:
    """The player's current club, unless one is known already."""
    if a.current.get(pid) is None:
        a.current[pid] = club_id


def _link_player(a: _Article, x: _MoveSentence, p: Person, owner, bought) -> None:
    dests = _destinations(a, x, p, owner, bought)
    if a.current.get(id(p)) is None and a.focal and _SELL.search(x.fs) and not _BUY.search(x.fs) \
            and all(c.club_id != a.focal for c in dests):
        a.current[id(p)] = a.focal
    if x.renewal_cue and not x.renewal_neg:
        dests = _renewal(a, x, p, dests)
        if dests is None:
            return
    dests, implied = _implied_focal(a, x, p, dests, bought)
    _record_links(a, x, p, dests, implied)


def _destinations(a: _Article, x: _MoveSentence, p: Person, owner, bought) -> list[ClubMention]:
    """The clubs of the sentence the player goes to; the clubs that sell him become his current club."""
    folded, s, pid = a.folded, x.s, id(p)
    sold = any(_sale_object(folded, s.start, ps, pe) for (ps, pe, q) in x.people if q is p and ps != pe) \
        or (x.anaphoric and _POSS_SALE.search(x.fs) is not None)
    dests = []
    for c in x.cl:
        if c.start in x.attached or not any(p is q for q in owner.get(c.start, [])):
            continue
        if sold and not _DEST_PREP.search(folded[max(s.start, c.start - 14):c.start]) \
                and not _HEADING.search(folded[max(s.start, c.start - 30):c.start]):
            _set_current(a, pid, c.club_id)     # "la cessione di X" with no "al/to" before the club: it sells him
            continue
        if _contract_of_other(a, x, p, c, bought):
            # "Y, con el fichaje de X, ... su contrato con el Z": the contract is Y's, X is Z's signing
            dests.append(c)
            continue
        if c.start in x.sellers or (x.renewal_neg and 0 <= c.start - s.start - x.renewal_cue.end() <= 25):
            _set_current(a, pid, c.club_id)
            continue
        dests.append(c)
    return dests


def _contract_of_other(a: _Article, x: _MoveSentence, p: Person, c: ClubMention, bought) -> bool:
    return c.start in x.sellers and len(x.distinct) > 1 and not x.anaphoric and bool(bought.get(x.groups.get(id(p)))) \
        and not all(bought.get(x.groups.get(id(q))) for q in x.distinct) \
        and bool(_CONTRACT_WITH.search(a.folded[max(x.s.start, c.start - 40):c.start])) \
        and c.start not in a.seller_spans


def _renewal(a: _Article, x: _MoveSentence, p: Person, dests: list[ClubMention]) -> list[ClubMention] | None:
    """A renewal with the player's club; the destinations left (None: the pair is a listed loan)."""
    cur = a.current.get(id(p))
    home = cur or (dests[0].club_id if len(dests) == 1 else None) or a.focal
    if not home:
        return dests
    if cur is None:
        a.current[id(p)] = home
    r = a.recs.setdefault((id(p), home), _Rec(p, home))
    if r.loan_list:
        return None
    r.renewal = True
    r.sentences.append(x.s.idx)
    r.direct.append(x.s.idx)
    dests = [c for c in dests if c.club_id != home]
    return dests if _TO_NEAR.search(x.fs) else []


def _implied_focal(a: _Article, x: _MoveSentence, p: Person, dests, bought) -> tuple[list[ClubMention], float]:
    """With no destination named, the article's club may be the buyer; (destinations, weight of an implied one)."""
    cur, focal, fs = a.current.get(id(p)), a.focal, x.fs
    if dests or not focal or cur == focal or x.anaphoric:
        return dests, 0.5
    implied_club = [ClubMention(focal, a.names.get(focal, focal), "", x.s.start)]
    if cur and _BUY.search(fs) and not _SELL.search(fs):
        # "in entrata ... X (Club)": the focal club's own incoming list
        return implied_club, 1.0 if _incoming_unowned(fs, a.text[x.s.start:x.s.end]) else 0.5
    if not _SELL.search(fs) and all(c.start in x.attached for c in x.cl) and bought.get(x.groups.get(id(p))):
        # "interesa fichar a X", "vuole acquistare X", "keen to sign X" with no club named
        return implied_club, 1.0
    return dests, 0.5


def _record_links(a: _Article, x: _MoveSentence, p: Person, dests: list[ClubMention], implied: float) -> None:
    s, pid = x.s, id(p)
    cur = a.current.get(pid)
    for c in dests:
        if c.club_id == cur:
            continue
        r = a.recs.setdefault((pid, c.club_id), _Rec(p, c.club_id))
        r.sentences.append(s.idx)
        named = bool(c.surface) and (not x.anaphoric or x.coref)
        if named:
            r.direct.append(s.idx)
            if len(x.distinct) > 1 and not x.anaphoric:
                # a sentence about several players: the status is read in the pair's clauses only
                r.windows[s.idx] = _pair_clauses(x, p, c)
        r.weight += 1.0 if named else implied
        a.dest_in_sent.setdefault(s.idx, set()).add(c.club_id)


def _pair_clauses(x: _MoveSentence, p: Person, c: ClubMention) -> str:
    rel = list(x.p_pos[id(p)]) + [c.start - x.s.start]
    k0, k1 = _clause_of(x.cuts, min(rel)), _clause_of(x.cuts, max(rel))
    start = x.cuts[k0 - 1] + 1 if k0 > 0 else 0
    end = x.cuts[k1] if k1 < len(x.cuts) else len(x.fs)
    return x.fs[start:end]


def _sales_roundup(a: _Article) -> None:
    """A sales round-up about one club: its players linked elsewhere leave that club."""
    focal = a.focal
    if not (focal and a.sentences and _SELL.search(" ".join(a.folded[x.start:x.end] for x in a.sentences[:3]))):
        return
    for (pid, to_id) in list(a.recs):
        if a.current.get(pid) is None and to_id and not any(k[0] == pid and k[1] == focal for k in a.recs):
            a.current[pid] = focal


def _destinationless(a: _Article) -> None:
    """Players with a move cue but no destination: (player, from, None)."""
    for pid, p in a.movers.items():
        if not any(k[0] == pid for k in a.recs) and a.current.get(pid):
            sents = [i for i in a.move_sents[pid] if not _only_anaphoric(a.by_sent_people, i, p)]
            if sents:
                r = a.recs.setdefault((pid, None), _Rec(p, None))
                r.sentences.extend(sents)
                r.direct.extend(sents)
                r.weight += 1.0


def _rumour(a: _Article, pid: int, to_id: str | None, r: _Rec, has) -> Rumour | None:
    if r.weight < 1.0 and not r.renewal:
        return None
    from_id = to_id if r.renewal else (r.from_id or a.current.get(pid))
    if from_id == to_id and not r.renewal:
        return None
    sents = sorted(set(r.sentences))
    stext = [a.folded[a.sentences[i].start:a.sentences[i].end] for i in sents]
    if r.loan_list:
        fee, deal, status = _listed_loan_terms(a, sents, stext, has)
        reported = status
    else:
        fee, deal, status, reported = _reported_terms(a, pid, to_id, r, sents, stext, has)
    conf = min(0.95, 0.35 + 0.15 * r.weight + (0.1 if from_id else 0) + (0.1 if fee else 0))
    names = a.names
    rum = Rumour(player=r.person.name, player_key=r.person.key,
               from_club=names.get(from_id) if from_id else None,
               to_club=names.get(to_id) if to_id else None,
               from_club_id=from_id, to_club_id=to_id, fee=fee, deal_type=deal,
               status=status, confidence=round(conf, 3), evidence=a.sentences[sents[0]].text if sents else "")
    # `status` (raw cues) is a feature of the pair model; the status finally reported is read with `outcome_of`
    rum.reported_status = reported
    return rum


def _listed_loan_terms(a: _Article, sents: list[int], stext: list[str], has) -> tuple[Fee | None, str, str]:
    para = _paragraph_after(a.sentences, a.folded, sents[0])
    fees = [f for i in range(sents[0], sents[0] + 1 + len(para)) for f in a.fees_by_sent.get(i, [])]
    return _pick_fee(fees, stext + para, has), _loan_list_deal(" ".join(para)), "completed"


def _fee_candidates(a: _Article, pid: int, to_id: str | None, sents: list[int]) -> list[FeeMention]:
    cands = [f for i in sents for f in a.fees_by_sent.get(i, [])]
    if not any(f.fee.kind in ("fee", "option", "loan_fee", "clause") for f in cands):
        # the price may sit in a nearby sentence about the same player with no other buyer
        for i in a.move_sents.get(pid, []):
            if i not in sents and a.dest_in_sent.get(i, set()) <= {to_id}:
                cands.extend(a.fees_by_sent.get(i, []))
    return cands


def _reported_terms(a: _Article, pid: int, to_id: str | None, r: _Rec, sents: list[int], stext: list[str],
                    has) -> tuple[Fee | None, str | None, str, str]:
    """(fee, deal type, status, reported status) of a pair from its sentences: the status from the
    raw cues (`status_of`, a feature of the pair model) and the one reported (`outcome_of`)."""
    cands = _fee_candidates(a, pid, to_id, sents)
    fee = _pick_fee(cands, stext, has)
    fee_sub = next((f.sub for f in cands if fee is not None and f.fee is fee), None)
    direct = sorted(set(r.direct))
    dtext = [r.windows.get(i) or a.folded[a.sentences[i].start:a.sentences[i].end] for i in direct] or stext
    race = _race_role(a.folded, a.sentences, a.by_sent_clubs, direct, to_id)
    status = _race_status(dtext, race)
    reported = _race_status(dtext, race, outcome_of)
    fee_kind = fee.kind if fee else None
    if fee_sub == "value" or (fee_sub == "asking" and status == "rumour" and _suitors(a.recs, pid) > 1):
        # the seller's price, with several clubs merely interested, is no deal of this suitor's
        fee_kind = None
    deal = deal_type_for(stext, fee_kind, r.renewal, has)
    if fee is not None and deal in ("loan", None) and fee.kind == "option":
        deal = "loan_with_option" if has("LOAN", " ".join(stext)) else deal
    return fee, deal, status, reported


def _race_status(dtext: list[str], race: str | None, read=status_of) -> str:
    """The status read from the pair's sentences, corrected when a club beats another to the
    player (`race`: this club's role in such a race, from `_race_role`)."""
    status = status_for(dtext, read)
    if race == "loser":
        return "denied"
    if race == "winner" and status in ("denied", "rumour", "negotiating"):
        rest = [read(_BEAT.sub(" ", t)) for t in dtext]
        return next((x for x in rest if x and x != "denied"), "agreed")
    return status


# one club beats another to a player: "A beat B to X", "beating B to his signature", "A soffia X al B",
# "A se adelanta al B", "A gana la partida al B", "A coiffe B au poteau", "A brule la politesse a B"
_BEAT = re.compile(r"\b(?:beat|beats|beating|pip|pips|pipped|pipping|hijack\w*|gazump\w*|"
                   r"soffia\w*|anticipa\w*|bruciat\w* (?:la concorrenza|il)|beffa\w*|"
                   r"se adelanta\w*|adelantandose|gana la partida|le gana|le roba|roba|"
                   r"coiffe\w*|grille\w*|brule la politesse|devance\w*|souffle\w*)\b")


def _race_role(folded, sentences, by_sent_clubs, idxs, to_id) -> str | None:
    """'winner' when the pair's club is the subject of a beat-a-rival cue, 'loser' when it is the rival
    named right after it ("A beat B to X": A wins, B loses)."""
    for i in idxs:
        s = sentences[i]
        fs = folded[s.start:s.end]
        m = _BEAT.search(fs)
        if not m or _RACE_HYPO.search(fs[max(0, m.start() - 30):m.start()]):
            continue
        cl = by_sent_clubs.get(i, [])
        after = [c for c in cl if 0 <= c.start - s.start - m.end() <= 40
                 and not _RACE_GAP.search(fs[m.end():c.start - s.start])]
        before = [c for c in cl if 0 <= m.start() - (c.start - s.start + len(c.surface)) <= 30
                  and not _RACE_GAP.search(fs[c.start - s.start + len(c.surface):m.start()])]
        if not after or not before or after[0].club_id == before[-1].club_id:
            continue
        if before[-1].club_id == to_id:
            return "winner"
        if after[0].club_id == to_id:
            return "loser"
    return None


_RACE_GAP = re.compile(r"[,;.]|\b(?:as|while|and|but|mentre|ma|e|y|pero|mientras|et|mais|alors|come|como)\b")
_RACE_HYPO = re.compile(r"\b(?:could|may|might|would|puo|potrebbe|podria|puede|pourrait|peut|vuole|wants? to|quiere|veut)\s+(?:\w+\s+)?$")


def _suitors(recs: dict, pid: int) -> int:
    return sum(1 for k, r in recs.items() if k[0] == pid and k[1] and r.weight >= 1.0)


_DEST_PREP = re.compile(r"(?:\b(?:al|alla|all'|allo|ai|to|for|au|aux|a la|a l'|al|para el|por el|verso (?:il|la|l'))|"
                        r"\b(?:a|à))\s*$")
_TO_NEAR = re.compile(r"\b(?:to|verso|per|para|pour|vers|join|joining|rejoindre|fichar por|approdare|move)\b")
_SELLER_VERB = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:chiede|chiedono|chiedeva|pretende|pretendono|valuta|valutano|non scende|"
    r"spara|pide|piden|exige|exigen|reclama|reclaman|tasa|tasan|valora|valoran|demande|demandent|reclame|"
    r"exige|estime|are asking|is asking|asking|demand|demands|value him|valued him|want\s+(?:around\s+|at least\s+)?[£€$]|"
    r"wants\s+(?:around\s+|at least\s+)?[£€$]|would accept|will accept|non vuole (?:cedere|vendere|privarsi)|"
    r"no quiere (?:vender|desprenderse)|refuse to sell|refuses to sell|won't sell|will not sell|"
    r"(?:vuole |vogliono |potrebbe |potrebbero |puo |could |would |will |is ready to |are ready to |"
    r"is willing to |are willing to |podria |podrian |quiere |quieren |pourrait |veut )?"
    r"(?:vender|venderlo|venderle|vende|venden|venderia|ceder|cede|ceden|cederlo|vendere|venderlo|cedere|cederlo|"
    r"cede|cedono|venderebbe|cederebbe|sell|sells|selling|cash in on|offload|vendre|ceder|vend|vendent|"
    r"lacher|laisser partir|let him go|let go)\b|"
    # the club that accepts, refuses or cannot refuse an offer is the one selling
    r"(?:(?:cannot|can't|could not|couldn't|would|will|won't|might|may|non puo|non potra|no puede|no podra|ne peut|"
    r"ne pourra)\s+)?(?:refuse|refused|reject|rejected|rejects|accept|accepted|accepts|turn down|turned down|"
    r"rifiuta\w*|respin\w*|accett\w*|rechaz\w*|acept\w*|refus\w*|rejet\w*|accept\w*)\b|"
    r"incassa|incassera|incasserebbe|incasserà|ricava|ricavera|guadagna|"
    r"ingresa|ingresara|ingresaria|recibe|recibira|recibiria|se embolsa|"
    r"will receive|would receive|receive|receives|pocket|pockets|will pocket|would pocket|"
    r"touche|touchera|toucherait|percoit|percevra|empoche|empochera)")
_PAID_BEFORE = re.compile(r"\b(?:al|alla|ai|agli|all'|allo|to|au|aux|a|al|a los|a la)\s*(?:il|la|i|the|el|le)?\s*$")
_PAID_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:andranno|andra|vanno|va|spettano|spetta|verranno|arriveranno|iran|ira|van|"
    r"iront|ira|will go|go|goes)\b|(?:\w+\s+){0,3}?(?:indennizzo|compenso|conguaglio|indemnizacion|"
    r"compensacion|indemnite|compensation)\b)")


_CURRENT_BEFORE = re.compile(
    r"(?:\b(?:sigue|continua|resta|rimane|stays|remains|still|titolare|titular|juega|gioca|plays|joue|reste|"
    r"importante?|important|indiscutible|intoccabile|fisso)\s+(?:[\w']+\s+){0,3}?"
    r"(?:en el|en la|nel|nella|nello|nell'|at|au|dans le|con el|con il|con la|with)"
    r"|con la (?:maglia|casacca) (?:del|della|dell'|dello)|con la camiseta del|sous le maillot (?:du|de)|"
    r"\bscor\w* for|\bplaying for|\bplays for|\bstarring for|in forza (?:al|alla|all'))\s*$")


_PRE_SELLER = re.compile(r"tratta|contatt|accord|intesa|talks|negotiat|agreement|acuerdo|negociac|discussion|offert|"
                         r"offre|ofrece|pag|verse|paid|pay|privarsi|fare a meno")


def _seller_before(window: str) -> bool:
    return bool(_PRE_SELLER.search(window) and _SELLER.search(window))


def _current_before(window: str) -> bool:
    return bool(_PRE_CURRENT.search(window) and _CURRENT_BEFORE.search(window))


def _is_paid_club(folded: str, c: ClubMention, s0: int, limit: int) -> bool:
    """A club the money goes to is the seller ("ai X andranno 20 milioni", "al X un indennizzo")."""
    before = folded[max(s0, c.start - 12):c.start]
    after = folded[c.start + len(c.surface): min(limit, c.start + len(c.surface) + 40)]
    return bool(_PAID_BEFORE.search(before) and _PAID_AFTER.match(after))


def _is_seller_subject(folded: str, c: ClubMention, limit: int) -> bool:
    """A club that asks a price or refuses to sell is the seller, not a buyer."""
    after = folded[c.start + len(c.surface): min(limit, c.start + len(c.surface) + 45)]
    return bool(_SELLER_VERB.match(after))


def _coordinated(folded: str, people) -> dict[int, int]:
    """Group number of each person: names joined by "e/and/y/et" or a comma are one group."""
    grp: dict[int, int] = {}
    g = 0
    prev_end = None
    for (ps, pe, p) in people:
        if id(p) in grp:
            prev_end = pe
            continue
        if prev_end is None or not _COORD_GAP.match(folded[prev_end:ps]):
            g += 1
        grp[id(p)] = g
        prev_end = pe
    return grp


_LIST_HEAD = re.compile(r"^\s*[,\-–]?\s*\(\s*$")


def _loan_list_heads(text, folded, sentences, by_sent_clubs, by_sent_people, focal):
    """Reviews of a club's loaned-out players: short lines "Name (Loan Club)".

    When the lead speaks of loans and the article has a focal (parent) club, each such
    line reports an existing loan from the parent club to the club in brackets."""
    out: dict = {}
    if not sentences:
        return out, focal
    lead = " ".join(folded[s.start:s.end] for s in sentences[:3])
    if not lexicon.has("LOAN", lead):
        return out, focal
    if not focal:
        # the parent club is the first club of the lead
        first = [c for s in sentences[:3] for c in by_sent_clubs.get(s.idx, [])]
        if not first:
            return out, focal
        focal = first[0].club_id
    for s in sentences:
        if s.end - s.start > 70:
            continue
        ppl = by_sent_people.get(s.idx, [])
        cl = by_sent_clubs.get(s.idx, [])
        if len({id(m[2]) for m in ppl}) != 1 or len(cl) != 1:
            continue
        ps, pe, p = ppl[0]
        c = cl[0]
        if c.club_id == focal or c.start < pe or not _LIST_HEAD.match(folded[pe:c.start]):
            continue
        if folded[c.start + len(c.surface):s.end].strip(" )") != "":
            continue
        out[s.idx] = (p, c)
    return out, focal


def _paragraph_after(sentences, folded, idx, limit=6) -> list[str]:
    out = []
    for s in sentences[idx + 1: idx + 1 + limit]:
        if s.end - s.start <= 70 and "(" in folded[s.start:s.end]:
            break
        out.append(folded[s.start:s.end])
    return out


_OPTION_NEG = re.compile(r"\b(?:sin|senza|without|sans|no|non|not|ni|nor)\b(?:\s+\w+){0,2}\s+"
                         r"(?:opcion|opzione|option|diritto|derecho)")


def _loan_list_deal(para: str) -> str:
    if lexicon.has("OBLIGATION", para):
        return "loan_with_obligation"
    if lexicon.has("OPTION", para) and not _OPTION_NEG.search(para):
        return "loan_with_option"
    return "loan"


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

    def of(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return i if i > 0 else 0
    return of


def _focus(by_sent_people, idx: int, folded_sentence: str = "", back: int = 3, folded: str | None = None) -> Person | None:
    """The player a sentence without names is about: the last one named just before."""
    for j in range(idx - 1, max(-1, idx - 1 - back), -1):
        ps = by_sent_people.get(j)
        if ps:
            if folded is not None and len({id(m[2]) for m in ps}) > 1:
                # "X, que con el fichaje de Y ...": the player signed in passing is not the one talked about
                main = [m for m in ps if not _BUY_OBJ.search(folded[max(0, m[0] - 30):m[0]])]
                if main:
                    return main[-1][2]
            return ps[-1][2]
    return None


_PAIR_COORD = re.compile(r"^\s*(?:e|ed|and|y|et|&|-|–|/)\s*(?:il|lo|la|l'|the|el|le|les|los)?\s*$")
_PAIR_TALK = re.compile(
    r"\b(?:accordo|intesa|trattativ\w*|contatti|dialogo|summit|incontro|agreement|agreed|agree|talks|"
    r"negotiat\w*|discussions|deal|acuerdo|negociacion\w*|conversaciones|reunion|pacto|accord|"
    r"negociation\w*|discussions|pourparlers|tombes d'accord|d'accord)\b")


def _club_pair(folded: str, fs: str, s0: int, cl: list[ClubMention]) -> tuple[str, str] | None:
    """Two clubs named together as the parties of one deal ("A and B have agreed",
    "trattativa tra A e B", "negociaciones entre A y B"): one sells, the other buys."""
    if len(cl) < 2 or not _PAIR_TALK.search(fs):
        return None
    for a, b in zip(cl, cl[1:]):
        if a.club_id != b.club_id and _PAIR_COORD.match(folded[a.start + len(a.surface):b.start]):
            return a.club_id, b.club_id
    return None


# a player offered as part of the payment goes the other way ("lo scambio con X", "plus X in the
# opposite direction", "a cambio de X", "X en contrepartie")
_SWAP_BEFORE = re.compile(
    r"(?:scambio con|scambio|contropartita|contropartite|contropartita tecnica|pedina di scambio|inserendo|"
    r"inserire|inserimento di|piu il cartellino di|in cambio di|"
    r"in exchange for|swap for|swap involving|swap deal involving|part-exchange|part exchange|makeweight|"
    r"a cambio de|mas el pase de|mas la cesion de|mas la ficha de|intercambio con|intercambio por|"
    r"en echange de|contrepartie|en contrepartie)\s+(?:(?:il|lo|la|l'|el|le|the|di|de|del|of)\s*)?$")
_SWAP_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:would|could|will|may|potrebbe|podria|pourrait)\s+)?(?:going the other way|in the opposite direction|"
    r"the other way|heading the other way|as part of the deal|as a makeweight|in direzione opposta|come contropartita|"
    r"sarebbe inserito|potrebbe essere inserito|inserito nell'operazione|inserito nella trattativa|"
    r"en sentido contrario|como moneda de cambio|como contrapartida|en sens inverse|en contrepartie|"
    r"dans l'autre sens)")


def _reverse_swaps(folded: str, mentions, recs: dict, current: dict, movers_ok: set) -> None:
    """A player given as part of the payment moves from the buying club to the selling one:
    his pair is the reverse of the link the sentence made."""
    swap = {id(p) for (ps, pe, p) in mentions if id(p) in movers_ok and (
        _SWAP_BEFORE.search(folded[max(0, ps - 40):ps]) or _SWAP_AFTER.match(folded[pe:pe + 50]))}
    for (pid, to_id) in [k for k in recs if k[0] in swap]:
        r = recs[(pid, to_id)]
        cur = current.get(pid)
        if r.renewal or r.loan_list or not to_id or not cur or cur == to_id or (pid, cur) in recs:
            continue
        del recs[(pid, to_id)]
        r.to_id, r.from_id = cur, to_id
        recs[(pid, cur)] = r


def _resolve_club_pairs(recs: dict, pair_sents: dict, current: dict) -> None:
    """A player linked to both clubs of a dealing pair goes to the one also named as his
    destination elsewhere; the other is the seller (his current club)."""
    if not pair_sents:
        return
    inside = set(pair_sents)
    for idx, (a, b) in pair_sents.items():
        for key in [k for k in recs if k[1] == a]:
            pid = key[0]
            ra, rb = recs.get((pid, a)), recs.get((pid, b))
            if ra is None or rb is None or ra.loan_list or rb.loan_list or ra.renewal or rb.renewal:
                continue
            if idx not in ra.direct or idx not in rb.direct:
                continue
            sa = len(set(ra.direct) - inside)
            sb = len(set(rb.direct) - inside)
            if sa and not sb:
                seller = b
            elif sb and not sa:
                seller = a
            else:
                continue
            if current.get(pid) not in (None, seller):
                continue
            current[pid] = seller
            del recs[(pid, seller)]


def _same_paragraph_subject(text, sentences, by_sent_people, idx: int, focus: Person) -> bool:
    """The sentence continues a paragraph whose only named player is `focus` ("Sonó para el X",
    "È stato accostato al Y"): no line break since the sentence that names him, no other
    player named in between."""
    for j in range(idx - 1, max(-1, idx - 3), -1):
        if "\n" in text[sentences[j].end:sentences[j + 1].start]:
            return False
        ppl = by_sent_people.get(j)
        if ppl:
            return all(q is focus for (_, _, q) in ppl)
    return False


def _only_anaphoric(by_sent_people, idx, p) -> bool:
    return not any(q is p for (_, _, q) in by_sent_people.get(idx, []))


_NEW_WORD = r"(?:nuovo|nuova|new|nuevo|nueva|nouveau|nouvel|nouvelle|latest|ultimo)"
_NEW_ROLE_GAP = re.compile(r"^\s*,?\s*(?:(?:e|is|es|est|sara|will be|diventa|becomes|se convierte en|devient)\s+)?"
                           r"(?:(?:ufficialmente|officially|oficialmente|officiellement)\s+)?"
                           r"(?:il|un|una|the|a|el|le|la|l'|une)?\s*" + _NEW_WORD + r"\b")
_NEW_ROLE_POSS = re.compile(r"^['’]s\s+(?:\w+\s+)?(?:new|latest)\b")


def _new_role(folded: str, ps: int, pe: int, c: ClubMention) -> bool:
    """The club glued to the name is the one he has just joined: "X, il nuovo attaccante del Milan",
    "Milan's new striker X", "X es el nuevo jugador del Betis", "X est la nouvelle recrue de l'OM"."""
    if c.start >= pe:
        return bool(_NEW_ROLE_GAP.match(folded[pe:c.start]))
    return bool(_NEW_ROLE_POSS.match(folded[c.start + len(c.surface):ps]))


_CONJ_END = re.compile(r"\b(?:di|e|and|y|et|o|or)\s*$")
_STOP_CHAR = re.compile(r"[.;:!?]")
_MOVE_WORD = re.compile(r"\b(?:to|sign|for|signing|per|para|pour)\b")


def _attached_club(folded: str, ps: int, pe: int, clubs: list[ClubMention]) -> ClubMention | None:
    """The club glued to the player's name, if any."""
    for c in clubs:
        ce = c.start + len(c.surface)
        if c.start >= pe and c.start - pe <= 60:
            gap = folded[pe:c.start]
            if _GAP_AFTER_ATTACH.match(gap) and not _CONJ_END.search(gap.strip(" (")):
                return c
            if _PRE_FROM_TAIL.search(gap) and _FROM_TAIL.search(gap) and not _STOP_CHAR.search(gap):
                return c
        elif ce <= ps and ps - ce <= 45:
            gap = folded[ce:ps]
            if _GAP_BEFORE_POSSESSIVE.match(gap):
                return c
            # "Fulham striker X" is his club; "Rennes a recruté le milieu X", with a move word between, is not
            if _GAP_BEFORE_NOUN.match(gap) and lexicon.has("PLAYER_NOUN", gap) and not _MOVE_WORD.search(
                    gap) and not lexicon.has("MOVE", gap):
                return c
    return None


_CONTRACT_WITH = re.compile(r"(?:\bcontract (?:at|with)|contratto con|contrato con|sous contrat (?:avec|a)|"
                            r"contrat avec)\s*(?:il |la |l'|el |le |les |the )?$")
_SUITOR_FROM = re.compile(r"\b(?:interest|bid|bids|offer|offers|approach|enquiry|enquiries|attention|competition|"
                          r"interesse|offerta|offerte|interes|oferta|interet|offre)\s+(?:\w+\s+)?"
                          r"(?:from|dal|dalla|dell'|del|de|du)\s*$")
_FROM_NEAR = re.compile(r"(?:\bfrom|\bdal|\bdalla|\bdall'|\bdallo|in uscita dal\w*|\bleave|\bleaving|\bquitter|"
                        r"\bdesde el|salir del|salida del|\blasciare (?:il|la|l')|\blascia (?:il|la|l')|"
                        # where an arriving player comes from: "procedente del", "en provenance de", "prete par"
                        r"\bprocedente (?:del|de la|de)|\bproveniente (?:del|de la|dal|dalla|dall'|da)|"
                        r"\ben provenance (?:de|du|d')|\b(?:prete|cede|vendu|libere|transfere) par|"
                        r"\b(?:cedido|prestado|traspasado) por(?: el| la)?|\bceduto da(?:l|lla|ll')?|"
                        r"\b(?:in arrivo|arriva|arrivato|arrive|arrivee|llega|llego) (?:de|du|d'|del|desde el)|"
                        # "arribó de", "viene del", "dejar el", "quitter le": Spanish and French leaving/arriving verbs
                        r"\b(?:arribo|arriba|arribara|viene|vino|proviene|llegara|llegaria) (?:de|del|desde el)|"
                        r"\b(?:deja|dejar|dejara|dejaria|abandona|abandonar|abandonara) (?:el|la)|"
                        r"\b(?:quitte|quitter|quittera|quitterait|quittait) (?:le|la))\s*(?:l')?$")
_FROM_WIDE = re.compile(r"(?:\bcontract (?:at|with)|\bunder contract (?:at|with)|\bplaying for|\bplays for|"
                        r"\bstarring for|contratto con (?:il|la|l')?|in forza (?:al|alla|all')|"
                        r"contrato con el|juega en el|\bjoue (?:a|au|pour)|sous contrat (?:avec|a)|"
                        r"\b(?:pay|paying|paid|pagare|pagar|payer|versare)(?: (?:il|la|al|alla|el|al|le|l'|the))?|"
                        r"(?:talks|discussions|negotiations|trattativa|trattative|contatti|negociaciones|"
                        r"discussions|negociations|accordo|agreement|acuerdo|accord)\s+(?:\w+\s+){0,2}?"
                        r"(?:with|con|avec)\s+(?:il |la |l'|el |le |les |the )?)\s*$")
_HIST_BEFORE = re.compile(r"(?:\bex|\bformer|\bformerly|\bancien|\bantiguo|ex giocatore del\w*|ex calciatore del\w*|"
                          r"\b(?:his|her|their) (?:time|days|stint|years) (?:at|with)|\b(?:he|it|they) cost|"
                          r"ai tempi (?:del|della|dello|dell')|(?:su|sus) (?:etapa|paso|anos) (?:en|por) (?:el|la)|"
                          r"(?:son passage|ses annees|son epoque) (?:a|au|a la|chez)|"
                          r"l'ex\s+\w+\s+del\w*|cresciuto nel\w*|\bspell at|\bspells at|\bcareer at|brillo con el)\s*(?:l')?$")
_HIST_FORMER = re.compile(r"\b(?:former|ex)\s+$")
_HIST_NOUN = re.compile(r"\s+(?:striker|forward|defender|midfielder|player|winger|keeper|captain|boss|manager)")


# cheap necessary conditions: every alternative of the cue regex contains one of these strings
_PRE_FROM_NEAR = re.compile(r"from|dal|leav|quitt|desde|sali|lascia|proce|provenien|provenance|par|por|da|de|du|"
                            r"arrib|viene|vino|llega|deja|aband")
_PRE_FROM_WIDE = re.compile(r"contra|play|starring|forza|juega|joue|pay|pag|versare|talks|discussion|negoti|negoci|"
                            r"trattativ|contatti|accord|agreement|acuerdo")
_PRE_HIST = re.compile(r"ex|former|ancien|antiguo|cresciuto|spell|career|brillo|time|days|stint|years|cost|tempi|etapa|paso|"
                       r"anos|passage|annees|epoque")
_PRE_CURRENT = re.compile(r"sigue|continua|resta|rimane|stay|remain|still|titolare|titular|juega|gioca|play|joue|"
                          r"reste|important|indiscutible|intoccabile|fisso|maglia|casacca|camiseta|maillot|scor|"
                          r"starring|forza")


def _is_from_cue(folded: str, c: ClubMention) -> bool:
    return _from_cue_before(folded[max(0, c.start - 40):c.start])


@lru_cache(maxsize=8192)
def _from_cue_before(wide: str) -> bool:
    """`_is_from_cue` on the 40 characters before the club (all it reads): the rules and the candidate
    features ask about the same mentions, so the answer is remembered by that text."""
    if _SUITOR_FROM.search(wide):
        return False        # "interest from X": X is a suitor
    near = wide[-25:]
    if _PRE_FROM_NEAR.search(near) and _FROM_NEAR.search(near):
        return True
    return bool(_PRE_FROM_WIDE.search(wide) and _FROM_WIDE.search(wide))


def _is_history(folded: str, c: ClubMention) -> bool:
    before = folded[max(0, c.start - 30):c.start]
    if not _PRE_HIST.search(before):
        return False
    if _HIST_BEFORE.search(before):
        return True
    if _HIST_FORMER.search(before) and _HIST_NOUN.match(folded, c.start + len(c.surface)):
        return True
    return False


class _ArticleCues:
    """`lexicon.has(kind, text)` remembered for one article (one `find_moves` call) only: a
    module-level cache would carry answers over from one article to the next."""
    __slots__ = ("memo",)

    def __init__(self):
        self.memo: dict[tuple[str, str], bool] = {}

    def has(self, kind: str, text: str) -> bool:
        key = (kind, text)
        v = self.memo.get(key)
        if v is None:
            v = self.memo[key] = lexicon.has(kind, text)
        return v


def _pick_fee(cands: list[FeeMention], stext: list[str], has=lexicon.has) -> Fee | None:
    usable = [f for f in cands if f.fee.kind in ("fee", "option", "loan_fee", "clause")]
    if not usable:
        return None
    text = " ".join(stext)
    loan = has("LOAN", text)
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
