"""Candidate moves of one article and the features a learned scorer decides them on.

Why: the rules (moves.py) propose moves and are right on the articles they were written
against; on unseen text they link the wrong club or miss the player.  Here every
(person, club) pair that could be a move, plus (person, no club), becomes a candidate
described by what the rules and lexicons compute around it (co-occurrence, distances,
cue words, headline, list structure, focal club, the rules' own verdict).  The decision
is left to a model trained on the annotated articles (scorer.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .deal import status_of
from .fees import FeeMention
from .model import ClubMention, Rumour
from .moves import _SUITOR_FROM, _attached_club, _is_from_cue, _is_history, _sentence_index
from .people import Person
from .text import Sentence

LANGS = ("it", "en", "es", "fr")
STATUSES = ("rumour", "negotiating", "agreed", "completed", "denied")
DEALS = ("permanent", "loan", "loan_with_option", "loan_with_obligation", "free", "renewal")
FAR = 9999.0

# the words just before a club that make it a destination ("to", "al", "verso il", "au", "para el")
_DEST_BEFORE = re.compile(r"(?:\b(?:to|for|al|alla|all'|allo|ai|agli|au|aux|a la|a l'|para el|por el|verso|"
                          r"direction|destino|rumbo a|join|joins|joining|rejoindre|approda\w*|sbarca\w*|"
                          r"firma con|signs for|signed for|ficha por|moves to|move to|switch to|"
                          r"(?:nel )?mirino (?:del|della|dell')|target for|interesse (?:del|della|dell')|"
                          r"interest from|interes del|offerta (?:del|della|dell'))|\b(?:a|à))\s*(?:the |il |la |l'|el |le )?$")
_HEADLINE_MAX = 220


@lru_cache(maxsize=8192)
def _dest_before(window: str) -> bool:
    """`_DEST_BEFORE` found in the text before a club (the club's features and its pairs' ask alike)."""
    return _DEST_BEFORE.search(window) is not None


@dataclass
class Candidate:
    person: Person
    club: ClubMention | None          # the first mention of the club; None = no destination named
    rule: Rumour | None               # the rules' rumour for this pair, if they made one
    sentences: list[int] = field(default_factory=list)   # sentences naming both (or the person alone, for None)
    # the text marks the club as the player's own in a sentence naming both (own_club_cue): not a
    # feature of the models, read when decoding (assemble.own_clubs_dropped)
    own: bool = False


FEATURES = (
    "lang_it", "lang_en", "lang_es", "lang_fr", "n_persons", "n_clubs", "n_sentences", "text_len",
    "p_mentions", "p_first_rel", "p_in_head", "p_weak", "p_ntok", "p_player_votes", "p_role_votes",
    "p_is_player", "p_rule_n", "p_move_sents", "p_fee_sents", "p_tm_full", "p_tm_surname", "p_tm_coach", "p_ground",
    "c_null", "c_mentions", "c_first_rel", "c_in_head", "c_focal", "c_rank", "c_rule_from", "c_history_share",
    "c_dest_share", "c_from_share", "c_rule_dest_any",
    "rule_pair", "rule_conf", "rule_status", "rule_deal", "rule_has_fee", "rule_any_for_p",
    "co_sents", "co_move", "co_fee", "co_past", "adj_sents", "min_dist", "c_after_p", "between_people",
    "nearest_person_is_p", "nearest_club_is_c", "attached", "dest_before", "from_cue", "history",
    "same_line", "p_share_of_c", "c_share_of_p", "short_line", "co_head",
    "st_denied", "st_completed", "st_agreed", "st_negotiating", "st_first", "st_head", "loan_cue", "free_cue",
    "renewal_cue", "match_cue", "sent_gap", "same_para", "c_tm_current", "c_tm_country", "p_tm_cur_in_article", "p_tm_last_season",
    "p_co_clubs", "p_any_dest", "p_any_from", "p_leave_cue",
)
# the features read from the transfermarkt reference (learn.py trains on every row again without them)
REFERENCE_FEATURES = ("p_tm_full", "p_tm_surname", "p_tm_coach", "p_ground", "p_tm_cur_in_article", "c_tm_current", "c_tm_country",
                      "p_tm_last_season")
STATUS_CUES = ("denied", "completed", "agreed", "negotiating")


PERSON_FEATURES = FEATURES[:FEATURES.index("c_null")]


@dataclass
class ArticleCandidates:
    candidates: list[Candidate]
    rows: list[list[float]]                 # one per candidate, FEATURES
    persons: list[Person] = field(default_factory=list)
    person_rows: list[list[float]] = field(default_factory=list)   # one per person, PERSON_FEATURES
    # per person, the last season of the reference footballer his name links to in context (-1: none)
    person_seasons: list[float] = field(default_factory=list)


def _rank(counts: dict[str, int]) -> dict[str, int]:
    order = sorted(counts, key=lambda k: -counts[k])
    return {k: i for i, k in enumerate(order)}


class _Ctx:
    """Per-article look-ups shared by every candidate."""

    def __init__(self, text, folded, sentences, clubs, persons, mentions, fees, rules, lang, tm):
        self.text, self.folded, self.sentences = text, folded, sentences
        self.sent_of = _sentence_index(sentences)
        self.n = max(1, len(text))
        self.lang = lang
        self.tm = tm
        self.clubs_by_id: dict[str, list[ClubMention]] = {}
        for c in clubs:
            self.clubs_by_id.setdefault(c.club_id, []).append(c)
        self.club_count = {k: len(v) for k, v in self.clubs_by_id.items()}
        self.club_rank = _rank(self.club_count)
        self.focal = _focal(clubs)
        # every mention with its sentence, once: the pair features only look inside a sentence
        self.p_mentions: dict[int, list[tuple[int, int, int]]] = {}
        self.people_in: dict[int, list[tuple[int, Person]]] = {}
        for (s, e, p) in mentions:
            si = self.sent_of(s)
            self.p_mentions.setdefault(id(p), []).append((s, e, si))
            self.people_in.setdefault(si, []).append((s, p))
        self.clubs_in: dict[int, list[ClubMention]] = {}
        self.club_sents: dict[str, set[int]] = {}
        for c in clubs:
            si = self.sent_of(c.start)
            self.clubs_in.setdefault(si, []).append(c)
            self.club_sents.setdefault(c.club_id, set()).add(si)
        self.p_sents = {k: {si for _, _, si in v} for k, v in self.p_mentions.items()}
        self.para = _paragraphs(text, sentences)
        self._status_rows: dict[tuple[int, ...], list[float]] = {}
        self.fee_sents = {f.sentence for f in fees if f.fee.kind in ("fee", "option", "loan_fee", "clause")}
        self.move_sents = {s.idx for s in sentences if lexicon.has("MOVE", folded[s.start:s.end])}
        self.past_sents = {s.idx for s in sentences if lexicon.has("PAST_TIME", folded[s.start:s.end])}
        self.short_sents = {i for i, s in enumerate(sentences) if s.end - s.start < 90}
        self.head = sentences[0].idx if sentences and sentences[0].end - sentences[0].start <= _HEADLINE_MAX else -1
        self.rules = rules
        self.rules_by_key: dict[str, list[Rumour]] = {}
        for r in rules:
            self.rules_by_key.setdefault(r.player_key, []).append(r)
        self.rule_dest = {r.to_club_id for r in rules if r.to_club_id}
        self._from: dict[int, bool] = {}      # per club mention (by offset): read once per article
        self._hist: dict[int, bool] = {}
        self._gen: dict[int, bool] = {}
        self._suitor: dict[int, bool] = {}
        self.club_flags = {k: self._club_flags(v) for k, v in self.clubs_by_id.items()}
        self._status: dict[int, str | None] = {}
        self.head_status = self.status(self.head) if self.head >= 0 else None
        self._tm: dict[int, tuple[str | None, float]] = {}
        self._leave: dict[int, bool] = {}
        self._article_tm: set[str] | None = None
        self._adjacent: dict[int, set[int]] = {}
        from extractors.tmref.staff import staff
        self.staff = staff()                  # once per article, not per person

    def adjacent(self, p: Person) -> set[int]:
        """The sentences just before and after the person's (the same for each of his clubs)."""
        v = self._adjacent.get(id(p))
        if v is None:
            psents = self.p_sents[id(p)]
            v = self._adjacent[id(p)] = {i + 1 for i in psents} | {i - 1 for i in psents}
        return v

    def tm_current(self, p: Person) -> str | None:
        """Our club id of the current club, in the reference, of the transfermarkt player the
        person links to (None: unlinked, no reference, or a club clubs.csv does not map)."""
        return self.tm_link(p)[0]

    def tm_link(self, p: Person) -> tuple[str | None, float]:
        """(tm_current, the linked player's last season in the reference or -1): a footballer whose
        last season is long past is most often a coach, director or pundit now."""
        k = id(p)
        got = self._tm.get(k)
        if got is not None:
            return got
        if self._article_tm is None:          # once per article: the reference and the article's clubs
            from extractors.tmref.clubmap import to_tm
            self._links = _links()
            self._article_tm = to_tm(self.clubs_by_id) if self._links is not None else set()
        got = (None, -1.0)
        if self._links is not None:
            from extractors.tmref.linker import link_in
            ref, by_id, to_ours = self._links
            # names as spelt: the pair features were fitted so (a misspelling tolerated here moved
            # cross-validated from-club accuracy 0.705 -> 0.697, five seeds' mean); the output links tolerate it
            pid = link_in(ref, p.name, tm_clubs=self._article_tm, position=p.position, birth_year=p.birth_year,
                          misspelt=False)
            if pid is not None:
                c = by_id[pid]
                got = (to_ours.get(c.current_club_id), float(c.last_season or -1))
        self._tm[k] = got
        return got

    def leave(self, i: int) -> bool:
        v = self._leave.get(i)
        if v is None:
            v = self._leave[i] = _LEAVE.search(self.sentence_text(i)) is not None
        return v

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.folded[s.start:s.end]

    def status(self, i: int) -> str | None:
        if i not in self._status:
            self._status[i] = status_of(self.sentence_text(i))
        return self._status[i]

    def from_cue(self, c: ClubMention) -> bool:
        v = self._from.get(c.start)
        if v is None:
            v = self._from[c.start] = _is_from_cue(self.folded, c)
        return v

    def history(self, c: ClubMention) -> bool:
        v = self._hist.get(c.start)
        if v is None:
            v = self._hist[c.start] = _is_history(self.folded, c)
        return v

    def suitor(self, c: ClubMention) -> bool:
        """ "interest from X", "offer from X": X wants the player (moves._SUITOR_FROM)."""
        v = self._suitor.get(c.start)
        if v is None:
            v = self._suitor[c.start] = _SUITOR_FROM.search(self.folded[max(0, c.start - 40):c.start]) is not None
        return v

    def genitive(self, c: ClubMention) -> bool:
        """The club mention follows a player noun in the genitive or precedes "man", "star"..."""
        v = self._gen.get(c.start)
        if v is None:
            s = self.sentences[self.sent_of(c.start)]
            end = c.start + len(c.surface)
            after = self.folded[end:min(s.end, end + 50)]
            v = self._gen[c.start] = bool(_GENITIVE_BEFORE.search(self.folded[max(s.start, c.start - 40):c.start])
                                          or _CLUB_MAN_AFTER.match(after) or _CLUB_SELLS_AFTER.match(after))
        return v

    def _club_flags(self, cms: list[ClubMention]) -> tuple[float, float, float]:
        hist = sum(self.history(c) for c in cms) / len(cms)
        dest = sum(_dest_before(self.folded[max(0, c.start - 30):c.start]) for c in cms) / len(cms)
        frm = sum(self.from_cue(c) for c in cms) / len(cms)
        return hist, dest, frm


def reference_counts():
    """How many footballers of the transfermarkt reference carry a person's full name, and his
    surname ((0, 0) without a reference): the strongest evidence that a name is a player's."""
    from extractors import tmref

    ref = tmref.reference()
    if ref is None:
        return None

    def counts(p: Person) -> tuple[float, float]:
        full = len(ref.by_name.get(p.key, ())) if len(p.tokens) >= 2 else 0
        sur = len(ref.by_surname.get(p.tokens[-1], ())) if p.tokens else 0
        return float(min(full, 5)), float(min(sur, 50))
    return counts


# The reference's current club of a linked player: on its own it does not say which way he moves
# (the snapshot is later than most articles: of the dev set's linked gold movers, it is the 'from'
# club for 82, the 'to' club for 110, another for 348), but it marks a club as one of his move.
_LINKS: list = [None, None]     # [reference, (player id -> player, transfermarkt club id -> ours)]


def _links():
    """(reference, player id -> player, transfermarkt club id -> our club id), None without a
    reference; built once per loaded reference."""
    from extractors import tmref
    from extractors.tmref.clubmap import tm_club_ids

    ref = tmref.reference()
    if ref is None:
        return None
    if _LINKS[0] is not ref:
        _LINKS[:] = [ref, ({c.player_id: c for c in ref.players}, {v: k for k, v in tm_club_ids().items()})]
    return ref, *_LINKS[1]


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    from .clubs import club_index

    return {k: c.country for k, c in club_index().clubs.items() if c.country}


def _tm_row(ctx: _Ctx, cur: str | None, cid: str | None) -> list[float]:
    """Is the club `cur`, the reference's current club of the player (ctx.tm_current), of its
    country, and does the article name his current club at all (-1 unknown)."""
    if cur is None:
        return [-1.0, -1.0, -1.0]
    in_article = float(cur in ctx.clubs_by_id)
    if cid is None:
        return [-1.0, -1.0, in_article]
    countries = _countries()
    a, b = countries.get(cid), countries.get(cur)
    return [float(cid == cur), float(a == b) if a and b else -1.0, in_article]


def _focal(clubs: list[ClubMention]) -> str | None:
    from .moves import _focal_club
    return _focal_club(clubs)


def build(text: str, folded: str, sentences: list[Sentence], clubs: list[ClubMention], persons: list[Person],
          mentions: list[tuple[int, int, Person]], fees: list[FeeMention], rules: list[Rumour], lang: str,
          tm=None) -> ArticleCandidates:
    """Every candidate move of the article with its feature row (same order as FEATURES)."""
    ctx = _Ctx(text, folded, sentences, clubs, persons, mentions, fees, rules, lang, tm or reference_counts())
    cands: list[Candidate] = []
    rows: list[list[float]] = []
    out = ArticleCandidates(cands, rows)
    n_persons = len(persons)
    for p in persons:
        if id(p) not in ctx.p_mentions:
            continue
        p_rules = {r.to_club_id: r for r in ctx.rules_by_key.get(p.key, [])}
        psents = ctx.p_sents[id(p)]
        near_ids = {c.club_id for i in psents | ctx.adjacent(p) for c in ctx.clubs_in.get(i, ())}
        club_ids = [k for k in ctx.club_sents if k in near_ids or k in p_rules]
        base = _person_row(ctx, p, n_persons, p_rules)
        cur, last_season = ctx.tm_link(p)
        out.persons.append(p)
        out.person_rows.append(base)
        out.person_seasons.append(last_season)
        if not ctx.clubs_by_id:
            continue        # a story that names no club at all reports no move (off-topic pages)
        mine = []
        for cid in club_ids + [None]:
            cms = ctx.clubs_by_id.get(cid) if cid else None
            cand = Candidate(p, cms[0] if cms else None, p_rules.get(cid))
            pair = _pair_row(ctx, p, cid, cand)
            cand.own = cid is not None and own_club_cue(ctx, p, cid)
            mine.append([*base, *_club_row(ctx, cid, p, p_rules), *pair, *_status_row(ctx, cand.sentences),
                         *_gap_row(ctx, psents, cid), *_tm_row(ctx, cur, cid), last_season])
            cands.append(cand)
        agg = _person_clubs_row(ctx, psents, mine)
        for r in mine:
            r.extend(agg)
        rows.extend(mine)
    return out


_I_CO, _I_DEST, _I_FROM = (FEATURES.index(k) for k in ("co_sents", "dest_before", "from_cue"))
# a player leaving with no destination named ("in uscita", "addio", "on the transfer list", "départ")
_LEAVE = re.compile(r"\b(?:addio|cession[ei]|in uscita|partenza|partenze|lascia\w*|cedibil\w*|sul mercato|"
                    r"via libera|leave|leaving|exit|departure\w*|depart\w*|transfer list|transfer-listed|up for sale|"
                    r"surplus|released|salida\w*|salir|dejar\w*|baja|bajas|transferible\w*|en venta|"
                    r"quitter|quitte|vente|sortie|partir|en partance|libere|"
                    r"desprenderse|desprenderse de|escaparate|hacer caja|colocar\w*|rescind\w*|se marcha\w*|marcharse|"
                    r"cambiar de aires|prescindir|descarte\w*|excedente\w*|"
                    r"change\w* d'air|se separer|pousse\w* vers la sortie|indesirable\w*|bouger|poussee\w*|partant\w*)\b")


def _person_clubs_row(ctx: _Ctx, psents: set[int], mine: list[list[float]]) -> list[float]:
    """Over the person's candidate clubs: how many share a sentence with him, and whether any is
    a destination or a 'from' club; a leaving cue in his sentences. What a
    (person, no destination) candidate has to go on: he leaves, and the text names no buyer."""
    co = [r for r in mine if r[_I_CO] > 0]
    leave = any(ctx.leave(i) for i in sorted(psents)[:6])
    return [float(min(len(co), 5)),
            max((r[_I_DEST] for r in co), default=0.0), max((r[_I_FROM] for r in co), default=0.0), float(leave)]


def _nouns() -> str:
    """The player nouns of every language, longest first (for one alternation)."""
    return "|".join(sorted({w for code in LANGS for w in getattr(lexicon.LANGS[code], "PLAYER_NOUN", "").split("|")
                            if w and w[:1] != "-" and w not in _NOT_OWNED}, key=len, reverse=True))


_NOT_OWNED = {"signing", "target"}      # "a target of X", "the signing of X": X buys
# "giocatore della X", "jugador del X", "joueur du X", "striker of X": X is the player's club
_GENITIVE_BEFORE = re.compile(r"\b(?:" + _nouns() + r")\s+(?:\w+\s+)?(?:del|della|dello|dell'|dei|degli|di|de la|de l'|de|"
                              r"du|des|d'|of)\s*(?:the\s+|il\s+|la\s+|le\s+|el\s+|l')?$")
# "the Ajax man", "Juventus stalwart", "X's striker": the club glued before a noun for a player
_CLUB_MAN_AFTER = re.compile(r"^(?:['’]s)?\s+(?:(?:\w+-)?\w+\s+)?(?:man|men|star|stalwart|skipper|captain|"
                             r"academy graduate|youngster|striker|forward|winger|midfielder|defender|goalkeeper|"
                             r"keeper|full-back|centre-back|playmaker|attacker|player|loanee|outcast|flop)\b")

# "il Napoli cede X", "Everton are ready to sell X", "el Betis vende a X": the club sells its own player
_CLUB_SELLS_AFTER = re.compile(r"^\s+(?:[\w']+\s+){0,3}?(?:vende|vendono|vendera|venderebbe|vendere|cede|cedono|cedera|"
                               r"cederebbe|cedere|sell|sells|selling|sold|to cash in|cash in|venden|vender|vendio|"
                               r"cederia|venderia|ceder|vend|vendent|vendra|cedent)\b")


def own_club_cue(ctx: _Ctx, p: Person, cid: str) -> bool:
    """In a sentence naming both, is a mention of the club glued to a mention of p ("X, difensore
    del Y", "Y's X", "Y striker X"), over every such pair and not the nearest only, or after a player
    noun in the genitive ("jugador del Y", "the Y man"), or before a sale verb ("Y cede X", "Y are ready
    to sell X")?  Not a club after "interest from" (a suitor).
    Each club mention is read once per article."""
    for (ps, pe, si) in ctx.p_mentions[id(p)]:
        cms = [c for c in ctx.clubs_in.get(si, ()) if c.club_id == cid and not ctx.suitor(c)]
        if cms and (_attached_club(ctx.folded, ps, pe, cms) is not None or any(ctx.genitive(c) for c in cms)):
            return True
    return False


def _paragraphs(text: str, sentences: list[Sentence]) -> list[int]:
    """Paragraph number of each sentence: a line break between two sentences starts a new one."""
    out, n = [], 0
    for i, s in enumerate(sentences):
        if i and "\n" in text[sentences[i - 1].end:s.start]:
            n += 1
        out.append(n)
    return out


def _gap_row(ctx: _Ctx, psents: set[int], cid: str | None) -> list[float]:
    """Sentences between the person and the club at their nearest, and whether that is one paragraph."""
    if cid is None:
        return [-1.0, -1.0]
    para, csents = ctx.para, ctx.club_sents[cid]
    gap, same = None, False         # the nearest gap; whether any pair at that gap shares a paragraph
    for i in psents:
        pi = para[i]
        for j in csents:
            g = i - j if i >= j else j - i
            if gap is None or g < gap:
                gap, same = g, pi == para[j]
            elif g == gap and not same:
                same = pi == para[j]
    return [float(min(gap, 10)), float(same)]


def _person_row(ctx: _Ctx, p: Person, n_persons: int, p_rules: dict) -> list[float]:
    spans = ctx.p_mentions[id(p)]
    psents = ctx.p_sents[id(p)]
    role_votes = max(p.role_votes.values(), default=0.0)
    tm_full, tm_sur = (ctx.tm(p) if ctx.tm else (0.0, 0.0))
    coach, ground = _staff_row(p, ctx.staff)
    return [
        float(ctx.lang == "it"), float(ctx.lang == "en"), float(ctx.lang == "es"), float(ctx.lang == "fr"),
        float(n_persons), float(len(ctx.clubs_by_id)), float(len(ctx.sentences)), ctx.n / 1000.0,
        float(len(spans)), spans[0][0] / ctx.n, float(ctx.head in psents), float(p.weak), float(len(p.tokens)),
        p.player_votes, role_votes, float(p.role == "player"), float(len(p_rules)),
        float(len(psents & ctx.move_sents)), float(len(psents & ctx.fee_sents)), tm_full, tm_sur, coach, ground,
    ]


def _staff_row(p: Person, st) -> tuple[float, float]:
    """(is he a coach of a reference club: 1 by full name, 0.5 by a lone surname; is the name a
    reference club's ground), -1 each without a reference (`st`: tmref.staff.staff())."""
    if st is None:
        return -1.0, -1.0
    if p.key in st.coaches:
        coach = 1.0
    else:
        coach = 0.5 if len(p.tokens) == 1 and p.tokens[0] in st.coach_surnames else 0.0
    return coach, float(p.key in st.grounds)


def _club_row(ctx: _Ctx, cid: str | None, p: Person, p_rules: dict) -> list[float]:
    rule_from = float(any(r.from_club_id == cid for r in p_rules.values())) if cid else 0.0
    if cid is None:
        return [1.0, 0.0, -1.0, 0.0, float(ctx.focal is None), -1.0, 0.0, -1.0, -1.0, -1.0, 0.0]
    cms = ctx.clubs_by_id[cid]
    hist, dest, frm = ctx.club_flags[cid]
    return [0.0, float(len(cms)), cms[0].start / ctx.n, float(ctx.head in ctx.club_sents[cid]),
            float(cid == ctx.focal), float(ctx.club_rank[cid]), rule_from, hist, dest, frm,
            float(cid in ctx.rule_dest)]


def _pair_row(ctx: _Ctx, p: Person, cid: str | None, cand: Candidate) -> list[float]:
    rule = cand.rule
    rule_any = float(bool(ctx.rules_by_key.get(p.key)))
    rule_part = [float(rule is not None), rule.confidence if rule else 0.0,
                 float(STATUSES.index(rule.status)) if rule else -1.0,
                 float(DEALS.index(rule.deal_type)) if rule and rule.deal_type in DEALS else -1.0,
                 float(bool(rule and rule.fee)), rule_any]
    psents = ctx.p_sents[id(p)]
    if cid is None:
        cand.sentences = sorted(psents)
        return rule_part + [0.0, float(len(psents & ctx.move_sents)), float(len(psents & ctx.fee_sents)),
                            float(len(psents & ctx.past_sents)), 0.0, FAR, -1.0, -1.0, -1.0, -1.0, 0.0, 0.0,
                            0.0, 0.0, 0.0, -1.0, -1.0, 0.0, 0.0]
    csents = ctx.club_sents[cid]
    co = psents & csents
    cand.sentences = sorted(co)
    adj = len(ctx.adjacent(p) & csents - co)
    best = (FAR, 0.0, 0.0, 0.0, 0.0)      # distance, club after, people between, nearest-person, nearest-club
    attached = dest = frm = hist = same_line = 0.0
    # the nearest (mention, club) of the pair first; its cue features once, for that one only
    near, dist = None, FAR
    for (ps, pe, si) in (ctx.p_mentions[id(p)] if co else ()):
        if si not in co:
            continue
        for c in ctx.clubs_in[si]:
            if c.club_id == cid and abs(c.start - ps) < dist:
                near, dist = (ps, pe, si, c), abs(c.start - ps)
    if near is not None:
        ps, pe, si, c = near
        lo, hi = min(pe, c.start), max(ps, c.start)
        people = ctx.people_in[si]
        between = len({id(q) for (x, q) in people if lo <= x < hi and q is not p})
        near_p = min(people, key=lambda m: abs(m[0] - c.start))[1]
        near_c = min(ctx.clubs_in[si], key=lambda k: abs(k.start - ps)).club_id
        best = (float(dist), float(c.start > ps), float(between), float(near_p is p), float(near_c == cid))
        s = ctx.sentences[si]
        same_line = float("\n" not in ctx.text[min(ps, c.start):max(pe, c.start)])
        attached = float(_attached_club(ctx.folded, ps, pe, [c]) is not None)
        dest = float(_dest_before(ctx.folded[max(s.start, c.start - 30):c.start]))
        frm = float(ctx.from_cue(c))
        hist = float(ctx.history(c))
    p_share = len(co) / max(1, len(csents))
    c_share = len(co) / max(1, len(psents))
    short = float(not co.isdisjoint(ctx.short_sents))
    return rule_part + [float(len(co)), float(len(co & ctx.move_sents)), float(len(co & ctx.fee_sents)),
                        float(len(co & ctx.past_sents)), float(adj), *best, attached, dest, frm, hist,
                        same_line, p_share, c_share, short, float(ctx.head in co)]


def _status_row(ctx: _Ctx, sents: list[int]) -> list[float]:
    """Status and deal cues of the pair's sentences (the same sentences recur: computed once)."""
    key = tuple(sents)
    row = ctx._status_rows.get(key)
    if row is None:
        row = ctx._status_rows[key] = _status_cues(ctx, sents)
    return row


def _status_cues(ctx: _Ctx, sents: list[int]) -> list[float]:
    found = [ctx.status(i) for i in sents]
    first = next((x for x in found if x), None)
    joined = " ".join(ctx.sentence_text(i) for i in sents[:6])
    return [float(found.count(k)) for k in STATUS_CUES] + [
        float(STATUS_CUES.index(first)) if first else -1.0,
        float(STATUS_CUES.index(ctx.head_status)) if ctx.head_status else -1.0,
        float(lexicon.has("LOAN", joined)), float(lexicon.has("FREE", joined)), float(lexicon.has("RENEWAL", joined)),
        float(sum(lexicon.has("MATCH", ctx.sentence_text(i)) for i in sents[:6]))]
