"""Person names and their roles (player, coach, executive, agent, journalist).

Why: players are not looked up in a list (there is none); a person is a run of
capitalised words (with particles such as de/van/di/da/dos, hyphens, diacritics)
that is not a club, a place, a competition, a medium or a common word.  Roles come
from cue words right next to a mention ("allenatore", "boss", "the agent",
"il Milan di Pioli", "according to").  Surname-only mentions are merged into the
full name used elsewhere in the article; keys fold accents, display names keep them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from . import lexicon
from .model import ClubMention, PlayerMention
from .text import Sentence, fold

PARTICLES = {"de", "van", "der", "den", "di", "da", "dos", "das", "do", "del", "della", "von", "ten", "ter",
             "le", "la", "el", "al", "mac", "bin", "ben", "y", "e"}
# particles that may also start a name when capitalised ("De Bruyne", "Van Dijk", "Di Maria")
LEAD_PARTICLES = {"de", "van", "di", "da", "dos", "del", "della", "von", "ten", "ter", "le", "la", "el", "mac"}

POSITIONS = {
    "goalkeeper": "goalkeeper", "keeper": "goalkeeper", "portiere": "goalkeeper", "portero": "goalkeeper",
    "guardameta": "goalkeeper", "gardien": "goalkeeper",
    "centre-back": "defender", "center-back": "defender", "defender": "defender", "difensore": "defender",
    "centrale": "defender", "defensa": "defender", "defenseur": "defender", "full-back": "defender",
    "left-back": "defender", "right-back": "defender", "terzino": "defender", "lateral": "defender",
    "wing-back": "defender",
    "midfielder": "midfielder", "centrocampista": "midfielder", "playmaker": "midfielder", "regista": "midfielder",
    "mediano": "midfielder", "trequartista": "midfielder", "mediocentro": "midfielder", "milieu": "midfielder",
    "volante": "midfielder", "mezzala": "midfielder",
    "winger": "forward", "esterno": "forward", "ala": "forward", "extremo": "forward", "ailier": "forward",
    "striker": "forward", "forward": "forward", "attaccante": "forward", "punta": "forward",
    "centravanti": "forward", "delantero": "forward", "attaquant": "forward", "avant-centre": "forward",
    "attacker": "forward", "bomber": "forward",
}

_AGE = re.compile(r"^\s*(?:,\s*|\(\s*)(\d{2})\s*(?:,|\)|anni|ans|años|-year-old)")
_YEAR_OLD = re.compile(r"\b(\d{2})[- ]year[- ]old\b")
_BIRTH = re.compile(r"(?:classe|class of|born in|nato nel|nacido en|ne en|\(|del)\s*((?:19[6-9]|20[0-1])\d)\b")
_SPACE_GAP = re.compile(r"^[ \t\u00a0]+$")


def _space_gap(g: str) -> bool:
    """`_SPACE_GAP.match(g)` without the regex (`$` also matches before one final newline)."""
    if g[-1:] == "\n":
        g = g[:-1]
    return bool(g) and not g.strip(" \t\u00a0")
# elided articles/prepositions glued to the next word: "L'acquisto", "dell'Inter", "nell'attesa"
_ELISION = re.compile(r"^(?:l|d|dell|nell|all|sull|dall|un|quest|c|s|n|j|qu|m|t)['’]", re.IGNORECASE)
_ARTICLES = {"al", "el", "del", "il", "lo", "la", "le", "les", "au", "du", "allo", "dello", "nello", "sul", "dal"}
# words that can be part of a name: capitalised, a particle, or an elided article before a capital
_NAMEISH = re.compile(r"(?<![\w'’])(?:[^\W\d_a-zà-ÿ]|(?:de|van|der|den|di|da|dos|das|do|del|della|von|ten|ter|le|la|"
                      r"el|al|mac|bin|ben|y|e)(?![\w'’])|[a-z]{1,4}['’][^\W\d_a-z])[^\W\d_]*(?:['’\-][^\W\d_]+)*")
STREET_WORDS = {"via", "viale", "piazza", "corso", "largo", "stadio", "stadium", "estadio", "san", "sir", "calle", "rue",
                "avenida", "paseo", "plaza", "boulevard"}


# A word token is a plain (start, word) pair, an elided article prefix (l', dell', nell'...) cut
# off: the runs are built for every capitalised word of the article, so no object per word.
_Tok = tuple[int, str]

ROLE_KINDS = ("COACH", "EXEC", "AGENT", "JOURNALIST")
ROLE_NAME = {"COACH": "coach", "EXEC": "executive", "AGENT": "agent", "JOURNALIST": "journalist"}


@dataclass
class Person:
    key: str
    name: str
    tokens: list[str]
    spans: list[tuple[int, int]] = field(default_factory=list)
    role_votes: dict[str, float] = field(default_factory=dict)
    player_votes: float = 0.0
    position: str | None = None
    birth_year: int | None = None
    weak: bool = False            # single token never confirmed as a footballer

    @property
    def role(self) -> str:
        best = max(self.role_votes.items(), key=lambda kv: kv[1], default=(None, 0.0))
        if best[0] and best[1] >= max(1.0, self.player_votes):
            return ROLE_NAME[best[0]]
        return "player"

    def to_mention(self) -> PlayerMention:
        return PlayerMention(key=self.key, name=self.name, role=self.role, mentions=len(self.spans),
                             position=self.position, birth_year=self.birth_year)


_RX_PREV_WORD = re.compile(r"([a-z']+)\s*$")
_RX_QUOTE_END = re.compile(r"[\"'“‘(\-–:]\s*$")
_RX_APPOS_PLAYER = re.compile(r"^\s*(?:di|of|de|del|della|dell'|du|d')\s+(?:\w+\s+)?(?:giocatore|calciatore|player|jugador|"
                               r"futbolista|joueur|club|ragazzo)\s*,\s*$")
_RX_OF_TAIL = re.compile(r"^\s*(?:di|of|de|del|della|dell'|du|d')\s")
_RX_COMMA_TAIL = re.compile(r"^\s*,\s*$")
_RX_TAIL_WORDS = re.compile(r"[a-z0-9\-']+")


def _reject_words() -> frozenset[str]:
    from .lexicon.nicknames import CITY_ALIASES
    out = set(lexicon.words("CAP_STOP")) | set(lexicon.words("NOT_NAME")) | set(lexicon.words("NATIONALITY"))
    out |= CITY_ALIASES
    for code in lexicon.LANGS:
        out |= lexicon.stopwords(code)
    return frozenset(out)


_REJECT: frozenset[str] | None = None
_POSS_LAST = ("s", "'", "’")


def reject_words() -> frozenset[str]:
    global _REJECT
    if _REJECT is None:
        _REJECT = _reject_words()
    return _REJECT


def _strip_possessive(tok: str) -> str:
    if tok[-1:] not in _POSS_LAST:
        return tok
    for suf in ("'s", "’s", "'", "’"):
        if tok.endswith(suf) and len(tok) > len(suf) + 1:
            return tok[: -len(suf)]
    return tok


def find_people(text: str, folded: str, sentences: list[Sentence], clubs: list[ClubMention],
                club_spans: list[tuple[int, int]]) -> tuple[list[Person], list[tuple[int, int, Person]]]:
    """Persons of the article and every mention (start, end, person) in reading order."""
    sent_starts = {s.start for s in sentences}
    runs = _capitalised_runs(text, _mask(len(text), club_spans))          # 1. candidate runs
    cands = _name_candidates(text, folded, runs, sent_starts)
    persons = _group_names(cands)                                          # 2. one person per name
    mentions = [(s, e, p) for p in persons.values() for s, e in p.spans]
    mentions.sort(key=lambda x: x[0])

    _common_display(text, persons)

    # 3. roles, positions, birth years from cues next to each mention
    club_ends = {c.start + len(c.surface): c for c in clubs}
    bench = _BenchSentences(folded, sentences)
    for s, e, p in mentions:
        _vote(p, text, folded, s, e, club_ends, bench)
    for p in persons.values():
        if p.weak and p.player_votes > 0:
            p.weak = False
    _propagate_lists(text, folded, mentions, sent_starts)
    return list(persons.values()), mentions


def _capitalised_runs(text: str, in_club: list[bool]) -> list[list[_Tok]]:
    """Runs of capitalised tokens (with particles inside) separated by spaces only, outside club names."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    cur_end = 0                         # end of the last token of `cur`
    for x in _NAMEISH.finditer(text):
        w, s = x.group(), x.start()
        if "'" in w or "’" in w:            # every elision ends with an apostrophe
            e = _ELISION.match(w)
            if e and len(w) > e.end():
                w, s = w[e.end():], s + e.end()
        if cur:
            gap = text[cur_end:s]
            if gap != " " and not _space_gap(gap):       # one space, by far the most common gap
                runs.append(cur)
                cur = []
        cap = w[:1].isupper()
        if not in_club[s] and (cap or (cur and fold(w) in PARTICLES)):
            cur.append((s, w))
            cur_end = s + len(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


# a word written in lowercase: `(?<![\w])[a-zà-ÿ][\w'’]*` with the look-behind after the first
# letter, so that `re` skips the characters that cannot start one in C
_LOWER_WORD = re.compile(r"[a-zà-ÿ](?<![\w].)[\w'’]*")
_COMPANY_SUFFIX = frozenset({"co", "inc", "ltd", "corp", "llc", "plc", "gmbh", "holdings"})


def _name_candidates(text: str, folded: str, runs: list[list[_Tok]],
                     sent_starts: set[int]) -> list[tuple[int, int, list[str], bool]]:
    """(start, end, tokens, sentence-initial) of each run piece that may be a person's name."""
    reject = reject_words()
    lower_folded = {fold(w) for w in set(_LOWER_WORD.findall(text))}
    club_suffix = lexicon.words("CLUB_SUFFIX")
    cands: list[tuple[int, int, list[str], bool]] = []
    for run in runs:
        if len(run) >= 2:       # (most runs are one word: none of these tests applies to them)
            if any(fold(w) in club_suffix for _, w in run[1:]):
                continue            # "Cardiff City", "Bristol Rovers": a club missing from the reference
            if any(fold(w) in _COMPANY_SUFFIX for _, w in run[1:]):
                continue            # "Pacific Gas & Electric Co", "Acme Holdings Ltd": a company
            prev = _RX_PREV_WORD.search(folded[max(0, run[0][0] - 8):run[0][0]])
            if prev and prev.group(1) in _ARTICLES:
                continue            # "al Sánchez Pizjuán", "il Pocho": places and nicknames, not names
        for piece in _split_run(run, reject):
            cand = _piece_name(text, piece, reject, lower_folded, sent_starts)
            if cand is not None:
                cands.append(cand)
    return cands


def _piece_name(text: str, piece: list[_Tok], reject: frozenset[str], lower_folded: set[str],
                sent_starts: set[int]) -> tuple[int, int, list[str], bool] | None:
    if _all_caps(piece):
        piece = _caps_name_part(piece)
        if not piece:
            return None
    words_ = [_strip_possessive(w) for _, w in piece]
    start = piece[0][0]
    end = piece[-1][0] + len(words_[-1])
    initial = _is_initial(text, start, sent_starts)
    if len(piece) == 1:
        f = fold(words_[0])
        if len(f) < 3 or f in lower_folded:
            return None
        if initial and (f in reject or not (_appears_non_initial(text, words_[0], sent_starts)
                                            or _RX_LIST_NEXT.match(text, end) or _known_surname(f))):
            return None
    elif initial and fold(words_[0]) in lower_folded and fold(words_[0]) not in LEAD_PARTICLES:
        # "Nonostante Gomez": the first word is a common word capitalised by position
        words_ = words_[1:]
        start = piece[1][0]
        if len(words_) == 1 and fold(words_[0]) in lower_folded:
            return None
    if len(words_) > 4:
        return None
    return start, end, words_, initial


def _all_caps(piece: list[_Tok]) -> bool:
    """Every word of the piece is written in capitals ("RIPRENDERE LUKAKU", a shouted headline)."""
    return all(len(w) > 1 and w.isupper() for _, w in piece)


_NAME_TOKENS: list = [None, frozenset()]     # [reference, every folded word of its players' names]


def _name_tokens() -> frozenset[str] | None:
    """Every word of a footballer's name in the transfermarkt reference; None without a reference."""
    from extractors import tmref

    ref = tmref.reference()
    if ref is None:
        return None
    if _NAME_TOKENS[0] is not ref:
        toks = {t for k in ref.by_name for t in k.split()}
        toks |= {t for k in ref.by_surname for t in k.split()}
        _NAME_TOKENS[:] = [ref, frozenset(toks)]
    return _NAME_TOKENS[1]


def _caps_name_part(piece: list[_Tok]) -> list[_Tok]:
    """In a run of capitals, case says nothing: the common words of the headline ("RIPRENDERE",
    "CESSIONI UFFICIALI") are capitalised like the name. The words before the first word of a
    footballer's name in the reference are cut, and so are particles left at the front ("RISCATTO
    DI ANGUISSA" -> "ANGUISSA"); with no such word at all the piece is no name. Without a
    reference the piece is kept."""
    names = _name_tokens()
    if names is None:
        return piece
    i = 0
    while i < len(piece) and fold(_strip_possessive(piece[i][1])) not in names:
        i += 1
    while 0 < i < len(piece) - 1 and fold(piece[i][1]) in PARTICLES:
        i += 1
    return piece[i:]


def _known_surname(folded_word: str) -> bool:
    """A footballer of the transfermarkt reference has this surname ("Caprari è ...", a sentence
    that opens with a bare surname); False without a reference."""
    from extractors import tmref

    ref = tmref.reference()
    return ref is not None and folded_word in ref.by_surname


def _group_names(cands: list[tuple[int, int, list[str], bool]]) -> dict[str, Person]:
    """Full names first, then single tokens onto the full name they abbreviate."""
    persons: dict[str, Person] = {}
    for start, end, ws, _ in (c for c in cands if len(c[2]) >= 2):
        key = fold(" ".join(ws))
        p = persons.get(key)
        if p is None:
            # a longer/shorter full form of a known name ("De Gea" vs "David De Gea")
            p = _find_by_suffix(persons, key)
        if p is None:
            p = persons[key] = Person(key, " ".join(ws), [fold(w) for w in ws])
        p.spans.append((start, end))
    surname_idx: dict[str, list[Person]] = {}
    for p in persons.values():
        surname_idx.setdefault(p.tokens[-1], []).append(p)
        if len(p.tokens) >= 2 and p.tokens[-2] not in PARTICLES:
            surname_idx.setdefault("".join(p.tokens[-2:]), []).append(p)
    first_idx: dict[str, list[Person]] = {}
    for p in persons.values():
        first_idx.setdefault(p.tokens[0], []).append(p)
    for start, end, ws, _ in (c for c in cands if len(c[2]) == 1):
        f = fold(ws[0])
        target = None
        if f in surname_idx and len(surname_idx[f]) == 1:
            target = surname_idx[f][0]
        elif f in first_idx and len(first_idx[f]) == 1 and f not in persons:
            target = first_idx[f][0]
        if target is None:
            target = persons.get(f)
            if target is None:
                target = persons[f] = Person(f, ws[0], [f], weak=True)
        target.spans.append((start, end))
    return persons


def _common_display(text: str, persons: dict[str, "Person"]) -> None:
    """A player known by his first name alone is displayed that way when the article
    writes it most often ("Rafinha" over one "Rafinha Alcántara"). A surname used
    most often ("Lecomte") is ordinary journalism: the full name stays the display
    name, which the warehouse shows to analysts."""
    for p in persons.values():
        if len(p.spans) < 2 or len(p.tokens) < 2:
            continue
        counts: dict[str, int] = {}
        for s, e in p.spans:
            w = text[s:e]
            counts[w] = counts.get(w, 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0].split())))
        if best[0] != p.name and best[1] > counts.get(p.name, 0) and fold(best[0]).split() == p.tokens[:1] \
                and not _given_name_only(p.tokens[0]):
            p.name = best[0]


def _given_name_only(folded_word: str) -> bool:
    """The word is the first name of footballers of the transfermarkt reference and none is known
    by it alone: a first name written alone most often ("Aaron ... Aaron Mooy") is familiarity, not
    the name he is known by, so the full name stays. False without a reference, or for a word the
    reference does not know as a first name ("Rafinha", a nickname)."""
    from extractors import tmref

    ref = tmref.reference()
    if ref is None:
        return False
    if _FIRST_NAMES[0] is not ref:
        _FIRST_NAMES[:] = [ref, frozenset(fold(c.first_name) for c in ref.players if c.first_name)]
    return folded_word in _FIRST_NAMES[1] and not ref.by_name.get(folded_word)


_FIRST_NAMES: list = [None, frozenset()]     # [reference, the folded first names of its players]


_RX_LIST_SEP = re.compile(r"\s*(?:,\s*|\s(?:e|ed|y|et|and|o|or|ou|&)\s+(?:a\s+)?|,\s*(?:e|y|et|and)\s+(?:a\s+)?)$")
_RX_LIST_NEXT = re.compile(r"\s*(?:,|\s(?:e|y|et|and))\s+[^\W\d_a-z]")
_RX_REL_CLAUSE = re.compile(r"\s*,\s*(?:who|che|que|qui|quienes|i quali)\b([^.;!?\n]{0,80})")


def _propagate_lists(text: str, folded: str, mentions: list[tuple[int, int, "Person"]], sent_starts: set[int]) -> None:
    """Names listed together ("X, Y e Z", "X and Y") share what is known of them: a weak
    single name next to a confirmed footballer is a footballer too, and a relative clause
    after the list ("X and Y, who are on the coaching staff") gives every member its role."""
    groups: list[list[tuple[int, int, Person]]] = []
    for m in mentions:
        if groups and _RX_LIST_SEP.fullmatch(text, groups[-1][-1][1], m[0]):
            groups[-1].append(m)
        else:
            groups.append([m])
    for g in groups:
        if len(g) < 2:
            continue
        members = {id(p): p for _, _, p in g}
        if len(members) < 2:
            continue
        rel = _RX_REL_CLAUSE.match(folded, g[-1][1])
        if rel:
            for kind in ROLE_KINDS:
                if lexicon.has(kind, rel.group(1)):
                    for p in members.values():
                        p.role_votes[kind] = p.role_votes.get(kind, 0.0) + 2.0
                    break
        anchors = [p for p in members.values() if not p.weak and p.role == "player"
                   and (p.player_votes > 0 or len(p.tokens) >= 2)]
        if not anchors:
            continue
        initial = g[0][0] in sent_starts
        if initial and len(members) < 3:
            continue            # "Intanto, Kane": a capitalised first word is not a list member
        for p in members.values():
            if p.weak and not p.role_votes:
                p.weak = False


def _appears_non_initial(text: str, word: str, sent_starts: set[int]) -> bool:
    r"""`word` occurs as a whole word (`(?<![\w])word(?![\w])`, scanned like re.finditer)
    somewhere that is not a sentence start."""
    n = len(word)
    if not n:
        return False
    i = text.find(word)
    while i >= 0:
        if (i == 0 or not _is_w(text[i - 1])) and (i + n >= len(text) or not _is_w(text[i + n])):
            if not _is_initial(text, i, sent_starts):
                return True
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)
    return False


def _is_w(ch: str) -> bool:
    r"""`re`'s \w for one character of a str (Unicode alphanumeric or underscore)."""
    return ch.isalnum() or ch == "_"


def _mask(n: int, spans: list[tuple[int, int]]) -> list[bool]:
    m = [False] * (n + 1)
    for s, e in spans:
        for i in range(s, min(e, n)):
            m[i] = True
    return m


def _is_initial(text: str, start: int, sent_starts: set[int]) -> bool:
    if start in sent_starts:
        return True
    before = text[max(0, start - 3):start]
    return bool(_RX_QUOTE_END.search(before)) and (start - 3 <= 0 or (start - 3) in sent_starts
                                                               or any(x in sent_starts for x in range(start - 3, start)))


# position nouns as fold() writes them ("centre half"; POSITIONS keys keep the hyphen), with the
# compounds POSITIONS lacks: a capitalised one before a name is a role, not a first name
_SPACED_POSITIONS = frozenset({k.replace("-", " ") for k in POSITIONS if "-" in k}
                              | {"centre half", "center half", "centre forward", "center forward", "second striker"})


def _split_run(run: list[_Tok], reject: frozenset[str]) -> list[list[_Tok]]:
    pieces: list[list[_Tok]] = []
    cur: list[_Tok] = []
    skip_next = False
    for m in run:
        w = _strip_possessive(m[1])
        f = fold(w)
        if (f in reject or f in STREET_WORDS or f in _SPACED_POSITIONS) and f not in LEAD_PARTICLES:
            if cur:
                pieces.append(cur)
            cur = []
            if f in STREET_WORDS:
                skip_next = True
            continue
        if skip_next:
            skip_next = False
            cur = []
            continue
        cur.append(m)
        if w != m[1]:            # possessive ends the name
            pieces.append(cur)
            cur = []
    if cur:
        pieces.append(cur)
    out = []
    for p in pieces:
        # trim particles at the edges ("de" alone is not a name)
        while p and fold(p[-1][1]) in PARTICLES:
            p = p[:-1]
        while p and fold(p[0][1]) in PARTICLES and not p[0][1][:1].isupper():
            p = p[1:]
        if p and not (len(p) == 1 and fold(p[0][1]) in PARTICLES):
            out.append(p)
    return out


def _find_by_suffix(persons: dict[str, Person], key: str) -> Person | None:
    toks = key.split()
    for p in persons.values():
        a, b = p.tokens, toks
        if len(a) != len(b) and min(len(a), len(b)) >= 2:
            short, long_ = (a, b) if len(a) < len(b) else (b, a)
            if long_[-len(short):] == short:
                if len(b) > len(a):     # keep the longer display name
                    p.tokens = b
                return p
    return None


def _cue_at_end(kind: str, window: str) -> bool:
    """`window` (folded text just before a name) ends with a cue of `kind`,
    possibly followed by a club, a nationality or an adjective or two."""
    rx = lexicon.cue_regex(kind)
    for m in rx.finditer(window):
        tail = window[m.end():]
        if _RX_APPOS_PLAYER.match(tail):
            return True         # "l'agente del calciatore, X": apposition, X is the agent
        if _RX_OF_TAIL.match(tail):
            continue            # "l'agente di X": X is not the agent
        if _RX_COMMA_TAIL.match(tail):
            return True
        if len(_RX_TAIL_WORDS.findall(tail)) <= 3 and "," not in tail and "." not in tail:
            return True
    return False


_RX_SPLIT_BEFORE = re.compile(r"[.;:!?\n\"]")
_RX_SPLIT_AFTER = re.compile(r"[.;!?\n]")
_RX_SPLIT_SENT = re.compile(r"[.!?\n]")
_RX_APPOS = re.compile(r"^\s*[,(]\s*(?:[a-z'\-]+\s+){0,2}")
# ", who also ...", ", che ...": the relative clause after a name
_RX_REL = re.compile(r"^\s*,?\s*(?:\(\s*)?(?:(?:who|which|che|il quale|que|quien|qui)\s+)?(?:(?:also|anche|ya|deja|already|"
                     r"still|ancora|todavia|encore|non|no|ne|n'|not)\s+)?")
_RX_DI_END = re.compile(r"(?:^|\s)di$")
_RX_COACH_BEFORE = re.compile(r"(?:^|\s)(?:under|sotto la guida di|alla corte di|la squadra di|squadra di|"
                              r"gli uomini di|allenata da|allenato da|guidata da|schemi di)\s*$")
_RX_PLAYERS_OF = re.compile(r"(?:giocator[ei]|calciator[ei]|player|players|jugador|jugadores)\s+(?:di|of|de)\s*$")
_RX_EXEC_OF = re.compile(r"(?:club|societa|presidente|patron|dirigenza)\s+(?:di|of|de|del)\s*$")
# the object of a transfer word: "colpo X", "l'acquisto di X", "per X", "sign X", "l'affare X"
_RX_OBJECT = re.compile(r"(?:\bcolpo|acquisto di|cessione di|arrivo di|addio di|il nome di|debole\W+(?:\w+\W+){0,3}per|"
                        r"\bsign|\bsigning|\bsigned|fichaje de|fichar a|interes por|\bpour|obiettivo|arrivato|"
                        r"trasferimento di|\bsu|\baffare|\boperazione|\btrattativa per|\bcaso|\bdossier|"
                        r"operacion|\bdeal for|\bmove for|\bbid for|\boffer for|\bpursuit of|\binterest in|"
                        r"offerta per|oferta por|offre pour|\bpara fichar a)\W*$")
# cheap necessary conditions: every alternative of the regex below contains one of these strings
_PRE_OBJECT = re.compile(r"colpo|acquisto|cessione|arrivo|addio|nome|debole|sign|fichaje|fichar|interes|pour|obiettivo|"
                         r"arrivato|trasferimento|su|affare|operazione|trattativa|caso|dossier|operacion|deal|move|"
                         r"bid|offer|pursuit|interest|oferta|offre|para")
_PRE_COACH_BEFORE = re.compile(r"under|guida|corte|squadra|uomini|allenat|guidata|schemi")
_RX_OFFER_TO = re.compile(r"(?:offert[oi]|offerto|offre|ofrece|ofrecio|offered|offers|offering|propone|proposto)\s+"
                          r"(?:\S+\s+){0,4}?(?:\d\S*|milioni|millones|millions|million|euro|euros|m)\s+"
                          r"(?:\S+\s+){0,3}?(?:a|al|to|à)\s*$")
_RX_BYLINE_AFTER = re.compile(r"^\s*[-–—|,]?\s*(?:[^\n]{0,50}?)(?:mise en ligne|publie le|published|updated|"
                              r"pubblicato|aggiornato|publicado|actualizado|\d{1,2}/\d{1,2}/\d{2,4})")
_RX_BYLINE_BEFORE = re.compile(r"(?:^|\n)\s*(?:by|di|par|por|de)\s*$")
_RX_AS_MANAGER = re.compile(r"\bas\s+(?:[a-z'.]+\s+){0,2}(?:manager|head coach|coach|boss)\b|"
                            r"\bcome\s+(?:nuovo\s+)?(?:allenatore|tecnico)\b|\bcomo\s+(?:nuevo\s+)?entrenador\b|"
                            r"\bcomme\s+(?:nouvel\s+)?entraineur\b")
_RX_WORD = re.compile(r"[a-z\-]+")


_SPLIT_BEFORE_CHARS = ".;:!?\n\""       # the characters of _RX_SPLIT_BEFORE
_SPLIT_AFTER_CHARS = ".;!?\n"            # the characters of _RX_SPLIT_AFTER


def _after_last(s: str, chars: str) -> str:
    """`re.split("[chars]", s)[-1]` without the regex: the text after the last of `chars`."""
    i = -1
    for c in chars:
        j = s.rfind(c)
        if j > i:
            i = j
    return s[i + 1:] if i >= 0 else s


def _before_first(s: str, chars: str) -> str:
    """`re.split("[chars]", s)[0]` without the regex: the text before the first of `chars`."""
    n = len(s)
    for c in chars:
        i = s.find(c, 0, n)
        if i >= 0:
            n = i
    return s[:n]


# every alternative of _RX_BYLINE_AFTER needs one of these (dates contain "/"; "publi" starts
# "publie le", "published", "publicado")
_BYLINE_NEEDS = ("/", "publi", "updated", "pubblicato", "aggiornato", "actualizado", "mise en ligne")


def _byline_after(window: str) -> bool:
    """`_RX_BYLINE_AFTER.match(window)`, skipped when no alternative can occur in the window."""
    for x in _BYLINE_NEEDS:
        if x in window:
            return _RX_BYLINE_AFTER.match(window) is not None
    return False


# _RX_COACH_BEFORE ends with one of these words, then only spaces
_COACH_BEFORE_ENDS = ("under", "di", "da")
# the last word of every alternative of _RX_OBJECT (which ends each of them: then only \W* to the end)
_OBJECT_ENDS = ("colpo", "di", "per", "sign", "signing", "signed", "de", "a", "por", "pour", "obiettivo", "arrivato",
                "su", "affare", "operazione", "caso", "dossier", "operacion", "for", "of", "in")
_ASCII_NON_WORD = "".join(chr(i) for i in range(128) if not (chr(i).isalnum() or chr(i) == "_"))


def _object_tail(before: str) -> bool:
    r"""A necessary condition of `_RX_OBJECT.search(before)`: every alternative ends with a word
    character followed by `\W*$`, so once the trailing non-word characters are cut the text ends
    with the last word of an alternative.  Only ASCII ones are cut here: any other trailing
    non-word character says True (the regex decides)."""
    t = before.rstrip(_ASCII_NON_WORD)
    last = t[-1:]
    if not last:
        return False
    if not (last.isalnum() or last == "_"):
        return True
    return t.endswith(_OBJECT_ENDS)


_ROLE_UNION: re.Pattern | None = None


def _role_union_rx() -> re.Pattern:
    """One alternation of the ROLE_KINDS cues: it matches at a place iff one kind's cue_regex does."""
    global _ROLE_UNION
    if _ROLE_UNION is None:
        _ROLE_UNION = lexicon.any_regex(ROLE_KINDS)
    return _ROLE_UNION


def _player_noun_for(before: str) -> bool:
    """"un giocatore centrale per X", "a key player for X": X is the coach the player plays for."""
    rx = _player_noun_for_rx()
    return rx.search(before) is not None


_PNF: re.Pattern | None = None
_SUIT: re.Pattern | None = None


def _suitor_rx() -> re.Pattern:
    """A SUITOR_BEFORE cue right before the name ("pupillo di X")."""
    global _SUIT
    if _SUIT is None:
        _SUIT = re.compile(lexicon.cue_regex("SUITOR_BEFORE").pattern + r"\s*$")
    return _SUIT


def _player_noun_for_rx() -> re.Pattern:
    global _PNF
    if _PNF is None:
        nouns = lexicon.cue_regex("PLAYER_NOUN").pattern
        _PNF = re.compile(nouns + r"\s+(?:[a-z'\-]+\s+){0,2}(?:per|for|para|pour)\s*$")
    return _PNF


def _after_cue(kind: str, after_clause: str) -> bool:
    rest = after_clause[_RX_REL.match(after_clause).end():]
    return lexicon.cue_regex(kind).match(rest) is not None


class _BenchSentences:
    """Per sentence, once: does it speak of a bench ("replace X as manager", "new coach")?"""

    def __init__(self, folded: str, sentences: list[Sentence]):
        self.folded = folded
        self.starts = [x.start for x in sentences]
        self.sentences = sentences
        self.memo: dict[int, float] = {}

    def weight(self, pos: int) -> float:
        i = bisect_right(self.starts, pos) - 1
        w = self.memo.get(i)
        if w is None:
            if i < 0:
                seg = self.folded[max(0, pos - 160):pos + 160]
            else:
                x = self.sentences[i]
                seg = self.folded[x.start:x.end]
            w = (0.6 if lexicon.has("MANAGER_MOVE", seg) else 0.0) + (1.0 if _RX_AS_MANAGER.search(seg) else 0.0)
            self.memo[i] = w
        return w


_ROLE_CUES = ("COACH", "EXEC", "AGENT", "JOURNALIST", "SOURCE")


def _vote(p: Person, text: str, folded: str, s: int, e: int, club_ends: dict[int, ClubMention],
          bench: "_BenchSentences | None" = None) -> None:
    """Role votes, player evidence, position and birth year from the cues around one mention.
    The votes are added in a fixed order: a tie between roles goes to the first one voted."""
    before = _after_last(folded[max(0, s - 45):s], _SPLIT_BEFORE_CHARS)
    after_clause = _before_first(folded[e:e + 60], _SPLIT_AFTER_CHARS)
    appos = _RX_APPOS.match(after_clause)
    _role_cue_votes(p.role_votes, before, after_clause, appos)
    _context_votes(p, text, folded, s, e, before, club_ends)
    noun_before = lexicon.has("PLAYER_NOUN", before)
    noun_for = noun_before and _player_noun_for(before)
    if noun_for:
        _add_vote(p.role_votes, "COACH", 2.0)
    elif _object_tail(before) and _PRE_OBJECT.search(before) and _RX_OBJECT.search(before):
        p.player_votes += 1.0
    if _after_cue("PLAYER_AFTER", after_clause):
        p.player_votes += 1.0
    # in a sentence about a bench ("replace X as manager"): a coach
    w = bench.weight(s) if bench is not None else _bench_weight_around(folded, s, e)
    if w:
        _add_vote(p.role_votes, "COACH", w)
    _player_evidence(p, text, e, before, after_clause, appos, noun_before and not noun_for)
    _position_and_birth(p, folded, s, e, before, after_clause)


def _add_vote(votes: dict[str, float], kind: str, w: float) -> None:
    votes[kind] = votes.get(kind, 0.0) + w


def _role_cue_votes(votes: dict[str, float], before: str, after_clause: str, appos: re.Match | None) -> None:
    """A role cue right before the name, in the apposition after it, or after the name's clause."""
    role_before = lexicon.has_any(_ROLE_CUES, before)
    # the apposition after the name, as each role cue is matched against it (at its start)
    appos_rest = None
    if appos:
        appos_rest = after_clause[appos.end() - len(appos.group(0).lstrip(" ,(")):].lstrip(" ,(")
        if _role_union_rx().match(appos_rest) is None:
            appos_rest = None       # no role cue of any kind starts there
    if role_before or appos_rest is not None:
        for kind in ROLE_KINDS:
            w = 0.0
            if role_before and _cue_at_end(kind, before):
                w += 2.0
            if kind == "JOURNALIST" and role_before and _cue_at_end("SOURCE", before):
                w += 2.0
            if appos_rest is not None and lexicon.cue_regex(kind).match(appos_rest):
                w += 2.0
            if w:
                _add_vote(votes, kind, w)
    if _after_cue("COACH_AFTER", after_clause):
        _add_vote(votes, "COACH", 2.0)
    if _after_cue("EXEC_AFTER", after_clause):
        _add_vote(votes, "EXEC", 2.0)


def _context_votes(p: Person, text: str, folded: str, s: int, e: int, before: str,
                   club_ends: dict[int, ClubMention]) -> None:
    """Roles the phrase around the name gives: offers, bylines, "il Milan di X", "X's side"."""
    votes = p.role_votes
    # the person an offer of money is made to is the selling club's executive
    win = folded[max(0, s - 70):s]
    if ("off" in win or "ofrec" in win or "propo" in win) and _RX_OFFER_TO.search(win):
        _add_vote(votes, "EXEC", 2.0)
    # bylines: "Name - Outlet, published 01/02/2020", "By Name"
    if _byline_after(text[e:e + 70]) or _RX_BYLINE_BEFORE.search(folded[max(0, s - 6):s]):
        _add_vote(votes, "JOURNALIST", 2.0)
    # coach patterns: "il Milan di Pioli", "Ten Hag's side"
    bs = before.rstrip()
    if bs.endswith("di") and _RX_DI_END.search(bs):
        idx = s - (len(before) - len(bs)) - 3
        if idx in club_ends or idx - 1 in club_ends:
            _add_vote(votes, "COACH", 2.0)
    poss = _POSS.match(text, e)
    if poss:
        tail = folded[poss.end():poss.end() + 30]
        if lexicon.cue_regex("POSS_COACH").match(tail):
            _add_vote(votes, "COACH", 2.0)
        elif lexicon.cue_regex("POSS_PLAYER").match(tail) or re.match(r"(?:[a-z]+\s+){0,2}playing career", tail):
            p.player_votes += 1.0
    if (bs.endswith(_COACH_BEFORE_ENDS) and _PRE_COACH_BEFORE.search(before) and _RX_COACH_BEFORE.search(before)) \
            or (lexicon.has("SUITOR_BEFORE", before) and _suitor_rx().search(before)):
        _add_vote(votes, "COACH", 2.0)
    if _RX_PLAYERS_OF.search(before):
        _add_vote(votes, "COACH", 2.0)
    if _RX_EXEC_OF.search(before):
        _add_vote(votes, "EXEC", 2.0)


def _bench_weight_around(folded: str, s: int, e: int) -> float:
    """The bench weight of the text around a mention, when no sentence split is at hand."""
    sent_b = _RX_SPLIT_SENT.split(folded[max(0, s - 160):s])[-1]
    sent_a = _RX_SPLIT_SENT.split(folded[e:e + 160])[0]
    around = sent_b + " " + sent_a
    return (0.6 if lexicon.has("MANAGER_MOVE", around) else 0.0) + (1.0 if _RX_AS_MANAGER.search(around) else 0.0)


def _player_evidence(p: Person, text: str, e: int, before: str, after_clause: str, appos: re.Match | None,
                     noun_only: bool) -> None:
    """A player noun before the name or in its apposition, an age after it."""
    if noun_only and _cue_at_end("PLAYER_NOUN", before):
        p.player_votes += 1.5
    if appos:
        rest = after_clause.lstrip(" ,(")
        if lexicon.cue_regex("PLAYER_NOUN").match(rest):
            p.player_votes += 1.5
    if _AGE.match(text[e:e + 16]):
        p.player_votes += 1.5


def _position_and_birth(p: Person, folded: str, s: int, e: int, before: str, after_clause: str) -> None:
    if p.position is None:
        win = before[-30:] + " " + after_clause[:30]
        for w in _RX_WORD.findall(win):
            if w in POSITIONS:
                p.position = POSITIONS[w]
                break
    if p.birth_year is None:
        win = folded[max(0, s - 40):e + 60]
        m = _BIRTH.search(win) if ("19" in win or "20" in win) else None     # every birth year has one
        if m:
            p.birth_year = int(m.group(1))


_POSS = re.compile(r"['’]s?\s+")
