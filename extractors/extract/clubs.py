"""Club mentions: one compiled regex over every alias in the club reference.

Why: the reference (extractors/reference/clubs.csv, shared with the dbt seeds) is the
single source of truth for club identity.  All aliases become one alternation,
longest first, matched on the folded text, so "Inter Miami" wins over "Inter" and
"Bayern de Múnich" over "Bayern" in one pass.  Context rules then drop places
("a Roma"), resolve nicknames ("rossoneri", "nerazzurri") to a club named in the
same article, and resolve short forms ("Real", "City", "United") the same way.
"""
from __future__ import annotations

import csv
import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon.nicknames import (CITY_ALIASES, CITY_PREPOSITIONS, CITY_PREPOSITIONS_EN, CONTEXT_TOKENS,
                                NEED_CAPITAL, NICKNAMES, STRONG)
from . import lexicon
from .model import ClubMention
from .text import fold, fold_same_length

log = logging.getLogger(__name__)

DEFAULT_CLUBS_CSV = Path(__file__).resolve().parent.parent / "reference" / "clubs.csv"


@dataclass(frozen=True)
class Club:
    club_id: str
    name: str
    short_name: str
    country: str
    league: str
    tier: int
    aliases: tuple[str, ...]


def load_clubs(path: Path | str | None = None) -> list[Club]:
    """Read clubs.csv (club_id,name,short_name,country,league,tier,aliases with `|`)."""
    path = Path(path or os.environ.get("MERCATO_CLUBS_CSV") or DEFAULT_CLUBS_CSV)
    if not path.exists():
        log.warning("club reference %s not found: no clubs will be recognised", path)
        return []
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not row.get("club_id") or not row.get("name"):
                continue
            try:
                tier = int(row.get("tier") or 9)
            except ValueError:
                tier = 9
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            out.append(Club(row["club_id"].strip(), row["name"].strip(), (row.get("short_name") or "").strip(),
                            (row.get("country") or "").strip(), (row.get("league") or "").strip(), tier, aliases))
    return out


@dataclass(frozen=True)
class _Surface:
    club_id: str | None          # None for nicknames/context tokens (resolved per article)
    needs_capital: bool
    kind: str                    # name | nickname | context


class ClubIndex:
    """All aliases of all clubs, compiled once."""

    def __init__(self, clubs: list[Club]):
        self.clubs = {c.club_id: c for c in clubs}
        self.names = {c.club_id: c.name for c in clubs}     # club_id -> canonical name, for the rumours
        self.by_name = {fold(c.name): c for c in clubs}
        surfaces: dict[str, list[_Surface]] = {}
        for c in sorted(clubs, key=lambda c: c.tier):
            for alias in {c.name, c.short_name, *c.aliases}:
                needs_cap = alias != alias.lower()
                # the folded key, and the key that keeps "." "'" "/" "&" ("St. Pauli", "Newell's", "1. FC Köln")
                for key in {fold(alias), _match_key(alias)}:
                    if len(key) < 2:
                        continue
                    lst = surfaces.setdefault(key, [])
                    if not any(x.club_id == c.club_id for x in lst):
                        lst.append(_Surface(c.club_id, needs_cap, "name"))
        self.nick_targets: dict[str, list[str]] = {}
        for nick, names in NICKNAMES.items():
            key = fold(nick)
            ids = [self.by_name[fold(n)].club_id for n in names if fold(n) in self.by_name]
            if not ids:
                continue
            self.nick_targets[key] = ids
            needs_cap = nick != nick.lower() or key in NEED_CAPITAL
            surfaces.setdefault(key, []).append(_Surface(None, needs_cap, "nickname"))
        for tok in CONTEXT_TOKENS:
            surfaces.setdefault(tok, []).append(_Surface(None, True, "context"))
        self.surfaces = surfaces
        self.strong = {fold(n) for n in STRONG}
        # clubs by every word of their names/aliases, for context tokens
        self.by_token: dict[str, set[str]] = {}
        for c in clubs:
            for alias in {c.name, c.short_name, *c.aliases}:
                for tok in fold(alias).split():
                    self.by_token.setdefault(tok, set()).add(c.club_id)
        body = _trie_pattern(list(surfaces), boundary=True)
        # "(?<![\w])" sits right after the first character of each alias (as "(?<![\w].)"), so the
        # pattern opens with a character set and `re` skips impossible starts in C
        self.regex = re.compile(r"(?:" + body + r")(?![\w])") if body else re.compile(r"(?!x)x")
        # the same matches, found faster: an alias after a non-word character (the pattern opens
        # with `[^\w]`, so `re` skips the letters inside words in C), or at the very start.
        # Exact only when no key starts with a non-word character (checked here).
        self._after_sep = None
        if body and all(k[:1].isalnum() or k[:1] == "_" for k in surfaces):
            plain = _trie_pattern(list(surfaces))
            self._at_start = re.compile(r"(?:" + plain + r")(?![\w])").match
            self._after_sep = re.compile(r"[^\w](" + plain + r")(?![\w])").search

    def _matches(self, folded: str):
        """(start, end) of every match of `self.regex` in `folded`, in order (as finditer)."""
        if self._after_sep is None:
            for m in self.regex.finditer(folded):
                yield m.start(), m.end()
            return
        pos = 0
        m = self._at_start(folded)
        if m is not None:
            yield 0, m.end()
            pos = m.end()
        search = self._after_sep
        while True:
            m = search(folded, pos)
            if m is None:
                return
            s, e = m.span(1)
            yield s, e
            pos = e

    def find(self, text: str, folded: str, lang: str = "unknown") -> list[ClubMention]:
        """Club mentions in reading order."""
        raw = []      # (start, end, key, surface_list)
        for ms, me in self._matches(folded):
            key = folded[ms:me]
            if not key.isalpha():       # (one word of letters, most matches: nothing to collapse)
                key = _PUNCT_SPACE.sub(" ", key)
            cands = self.surfaces.get(key)
            if not cands:
                continue
            surface = text[ms:me]
            first = surface[0] if surface[:1].isalpha() else next((ch for ch in surface if ch.isalpha()), "")
            usable = [s for s in cands if not s.needs_capital or first.isupper()]
            if not usable:
                continue
            if key in CITY_ALIASES and self._is_place(folded, ms, lang):
                continue
            if " " not in key and self._is_common_word(text, folded, ms, me, key, lang):
                continue
            if " " not in key and _after_first_name(text, ms, raw):
                continue
            if " " not in key and _PLACE_AFTER.match(text, me):
                continue            # "Forest Hill", "Everton Road": a place named after the word, not the club
            raw.append((ms, me, key, usable, surface))
        # first pass: names
        mentions: list[ClubMention] = []
        named: list[tuple[int, str]] = []
        for start, end, key, usable, surface in raw:
            names = [s for s in usable if s.kind == "name"]
            if names and key not in self.nick_targets:
                cid = self._pick(names, named)
                named.append((start, cid))
        named_ids = {cid for _, cid in named}
        for start, end, key, usable, surface in raw:
            names = [s for s in usable if s.kind == "name"]
            if key in self.nick_targets and any(s.kind == "nickname" for s in usable):
                names = []          # context decides, even when the reference lists it as an alias
            cid = None
            if names:
                cid = self._pick(names, named)
            elif any(s.kind == "nickname" for s in usable):
                targets = self.nick_targets.get(key, [])
                present = [t for t in targets if t in named_ids]
                if present:
                    cid = present[0]
                elif targets and key in self.strong:
                    cid = targets[0]
            elif any(s.kind == "context" for s in usable):
                present = [c for c in self.by_token.get(key, ()) if c in named_ids]
                if len(present) == 1:
                    cid = present[0]
            if cid:
                c = self.clubs[cid]
                mentions.append(ClubMention(c.club_id, c.name, surface, start))
        return mentions

    def _pick(self, names: list[_Surface], named: list[tuple[int, str]]) -> str:
        if len(names) > 1:
            seen = {cid for _, cid in named}
            for s in names:
                if s.club_id in seen:
                    return s.club_id
        return names[0].club_id

    @staticmethod
    def _is_common_word(text: str, folded: str, start: int, end: int, key: str, lang: str) -> bool:
        """"Como ya sucedió", "Nice goal": a sentence-initial club name that is a common word of
        the article's language, and is not written as a club anywhere else in the text."""
        if key not in _common_words(lang):
            return False
        j = start - 1
        while j >= 0 and text[j] in " \t\"'“‘«(":
            j -= 1
        if j >= 0 and text[j] not in ".!?\n:":
            return False
        for m in re.finditer(r"(?<![\w])" + re.escape(text[start:end]) + r"(?![\w])", text):
            k = m.start() - 1
            while k >= 0 and text[k] in " \t\"'“‘«(":
                k -= 1
            if k >= 0 and text[k] not in ".!?\n:":
                return False
        return True

    @staticmethod
    def _is_place(folded: str, start: int, lang: str) -> bool:
        before = folded[max(0, start - 12):start].rstrip()
        prev = _RX_LAST_WORD.findall(before)
        if not prev:
            return False
        word = prev[0]
        preps = CITY_PREPOSITIONS_EN if lang == "en" else CITY_PREPOSITIONS
        return word in preps


_PUNCT_SPACE = re.compile(r"[\s\-]+")
# a capitalised place word right after a one-word club name makes the two a place name
_PLACE_AFTER = re.compile(r" (?:Hill|Park Road|Road|Street|Lane|Avenue|Square|Gardens|Heights|Station|Bridge|Green|"
                          r"Gate|Common|Close|Drive|Way|Terrace|Crescent|Place)\b")
_RX_LAST_WORD = re.compile(r"[a-z']+$")


def _match_key(alias: str) -> str:
    """Folded alias with its punctuation kept, spaces/hyphens collapsed (how `find` keys a match)."""
    return _PUNCT_SPACE.sub(" ", fold_same_length(alias)).strip()


@lru_cache(maxsize=8)
def _common_words(lang: str) -> frozenset[str]:
    if lang not in lexicon.LANGS:
        return frozenset()
    mod = lexicon.LANGS[lang]
    return frozenset(mod.STOPWORDS.split()) | frozenset(p for p in getattr(mod, "CAP_STOP", "").split("|") if p)


_PERSON_BEFORE = re.compile(r"([^\W\d_][^\W\d_'’]+) $")


def _after_first_name(text: str, start: int, raw: list) -> bool:
    """"Marlon Santos": a one-word club name right after a capitalised given name that is
    not itself a club, not a sentence start and not a common word is a surname."""
    if text[start - 1:start] != " " and text[max(0, start - 2):start] != " \n":
        return False                    # "l'Inter", a line start: the pattern's " $" cannot match
    m = _PERSON_BEFORE.search(text, max(0, start - 25), start)
    if not m or not m.group(1)[:1].isupper() or m.group(1).isupper():
        return False
    if raw and raw[-1][1] >= m.start():
        return False                    # "Real Madrid Juventus": two clubs in a row
    j = m.start() - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in ".!?\n:\"“«(-–—|":
        return False                    # sentence start: "Calciomercato Milan", "Ufficiale Inter"
    from .people import reject_words
    return fold(m.group(1)) not in reject_words()


def _trie_pattern(words: list[str], boundary: bool = False) -> str:
    """One regex for many words, factored as a prefix trie ("inter|inter miami" ->
    "inter(?: miami)?"), so `re` tries each prefix once instead of every alias in turn.
    Longer continuations come first, so the longest alias wins; a space matches spaces/hyphens."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, top: bool = False) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            atom = r"[\s\-]+" if ch == " " else re.escape(ch)
            if top and boundary:
                # the same test as "(?<![\w])" before the atom: an alias never starts with a space
                atom = atom + r"(?<![\w].)" if ch not in " \n" else r"(?<![\w])" + atom
            alts.append(atom + build(node[ch]))
        if not alts:
            return ""
        inner = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + inner + ")?"
        return inner

    return build(trie, top=True)


@lru_cache(maxsize=4)
def _index_for(path: str) -> ClubIndex:
    return ClubIndex(load_clubs(path))


def club_index() -> ClubIndex:
    """The process-wide index (built lazily on first use, then cached)."""
    return _index_for(str(os.environ.get("MERCATO_CLUBS_CSV") or DEFAULT_CLUBS_CSV))
