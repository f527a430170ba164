"""Cue-word lexicons, one module per language, merged per category.

Why: every rule in the pipeline asks "does this span contain a cue of kind K?".
The words live here as data (folded, lowercase phrases separated by `|`) so adding a
language or a synonym never touches the rules.  Categories are the same names in
every language module; `cue_regex(kind)` compiles the union of all languages once
(articles quote other languages, and the detected language is sometimes wrong).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import common, en, es, fr, it

LANGS = {"it": it, "en": en, "es": es, "fr": fr}


def _phrases(kind: str, langs=None) -> list[str]:
    out: list[str] = []
    for code, mod in LANGS.items():
        if langs and code not in langs:
            continue
        raw = getattr(mod, kind, "")
        out.extend(p.strip() for p in raw.split("|") if p.strip())
    raw = getattr(common, kind, "")
    out.extend(p.strip() for p in raw.split("|") if p.strip())
    return sorted(set(out), key=len, reverse=True)


@lru_cache(maxsize=None)
def words(kind: str) -> frozenset[str]:
    """The phrases of `kind` as a set (for single-token look-ups)."""
    return frozenset(_phrases(kind))


def _tokens(p: str) -> list[str]:
    r"""The regex atoms of one phrase: escaped characters, `\s+` for a space, `\w*` for a final `*`."""
    toks = [r"\s+" if ch == " " else re.escape(ch) for ch in (p[:-1] if p.endswith("*") else p)]
    if p.endswith("*"):
        toks.append(r"\w*")
    return toks


def _literal(tok: str) -> bool:
    return tok not in (r"\s+", r"\w*")


def _grouped(seqs: list[list[str]], lookbehind: bool) -> str:
    r"""An alternation of token sequences that `re` can search quickly, and that picks exactly
    the same alternative (with the same backtracking) as the flat `a1|a2|...` in this order.

    Alternatives are grouped by their first token when every first token is a literal
    character: two different characters never match at the same place, so only the order
    inside a group matters, and it is kept.  A node with an empty or `\w*`/`\s+`-led
    alternative is emitted flat.  At the top, the `(?<!\w)` boundary moves just after the
    first character (as `(?<!\w.)`), so the pattern starts with a character set and `re`
    skips positions that cannot start a cue without entering the matcher."""
    if not seqs:
        return r"(?!x)x"
    if any(not s or not _literal(s[0]) for s in seqs):
        body = "|".join("".join(s) for s in seqs)
        return (r"(?<![\w])(?:" + body + ")") if lookbehind else "(?:" + body + ")"
    order: list[str] = []
    groups: dict[str, list[list[str]]] = {}
    for s in seqs:
        if s[0] not in groups:
            order.append(s[0])
            groups[s[0]] = []
        groups[s[0]].append(s[1:])
    alts = []
    for first in order:
        rest = groups[first]
        lb = r"(?<![\w].)" if lookbehind else ""
        if len(rest) == 1:
            alts.append(first + lb + "".join(rest[0]))
        elif any(not r for r in rest) and not all(not r for r in rest):
            # a phrase that is a prefix of another: keep the flat order after the first char
            alts.append(first + lb + "(?:" + "|".join("".join(r) for r in rest) + ")")
        else:
            alts.append(first + lb + _grouped(rest, False))
    return "(?:" + "|".join(alts) + ")"


def _compile(phrases: list[str]) -> re.Pattern:
    if not phrases:
        return re.compile(r"(?!x)x")
    return re.compile(_grouped([_tokens(p) for p in phrases], True) + r"(?![\w])")


def _flat_parts(kind: str) -> list[str]:
    parts = []
    for p in _phrases(kind):
        esc = re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p)
        parts.append(esc.replace(r"\ ", r"\s+"))
    return parts


_CUE: dict[str, re.Pattern] = {}


def cue_regex(kind: str) -> re.Pattern:
    r"""One compiled alternation of every phrase of `kind`, on folded text.

    A phrase ending in `*` matches any word continuation ("prestit*" -> prestito, prestiti).
    It means `(?<![\w])(?:phrase1|phrase2|...)(?![\w])` with the phrases longest first,
    factored by first character so that searching it is fast (see `_grouped`).
    """
    rx = _CUE.get(kind)
    if rx is None:
        rx = _CUE[kind] = _compile(_phrases(kind))
    return rx


_ANY: dict[tuple[str, ...], re.Pattern] = {}


def any_regex(kinds: tuple[str, ...]) -> re.Pattern:
    """One alternation of the phrases of several kinds: a cheap "is any cue here at all?" test."""
    rx = _ANY.get(kinds)
    if rx is None:
        phrases = [p for kind in kinds for p in _phrases(kind)]
        rx = _ANY[kinds] = _compile(phrases)
    return rx


_HAS: dict = {}

# `[^\w]` split in two sets that `re` tests against a bitmap or a range (`[^\w]` itself goes through
# the Unicode database for every character, most of a search's cost): the ASCII non-word characters,
# and any other character, which then must not be a word character (the look-behind tests it)
ASCII_NON_WORD = "[" + "".join(re.escape(chr(i)) for i in range(128) if not re.match(r"\w", chr(i))) + "]"
OTHER_NON_WORD = r"[\x80-\U0010ffff](?<![\w])"


def _has_pair(kind) -> tuple:
    r"""(cue after an ASCII non-word character, cue after any other non-word character): together,
    on the text with a space put in front (for a cue at its very start), exactly the places where
    `cue_regex(kind)` can match.  Both open with a set of characters, so `re` jumps over the
    letters inside words in C, and only tries the phrases after a space or a sign; the second is
    needed only when the text is not all ASCII."""
    pair = _HAS.get(kind)
    if pair is None:
        phrases = [p for k in kind for p in _phrases(k)] if isinstance(kind, tuple) else _phrases(kind)
        seqs = [_tokens(p) for p in phrases]
        if not seqs:
            rx = re.compile(r"(?!x)x")
            pair = (rx.search, rx.search)
        else:
            body = _grouped(seqs, False) + r"(?![\w])"
            pair = (re.compile(ASCII_NON_WORD + body).search, re.compile(OTHER_NON_WORD + body).search)
        _HAS[kind] = pair
    return pair


# Answers already given: the same sentence is asked about the same kind several times in one
# article (rules, candidate features, status), about half of all calls.  Bounded: emptied when full.
_SEEN: dict[tuple, bool] = {}
_SEEN_MAX = 50_000


def has(kind: str, folded: str) -> bool:
    """`cue_regex(kind).search(folded) is not None`, faster."""
    key = (kind, folded)
    v = _SEEN.get(key)
    if v is None:
        pair = _HAS.get(kind) or _has_pair(kind)
        v = pair[0](" " + folded) is not None or (not folded.isascii() and pair[1](folded) is not None)
        if len(_SEEN) >= _SEEN_MAX:
            _SEEN.clear()
        _SEEN[key] = v
    return v


def has_any(kinds: tuple[str, ...], folded: str) -> bool:
    """`any_regex(kinds).search(folded) is not None`, faster."""
    return has(kinds, folded)


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    mod = LANGS[lang]
    return frozenset(mod.STOPWORDS.split())
