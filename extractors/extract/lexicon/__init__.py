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


@lru_cache(maxsize=None)
def cue_regex(kind: str) -> re.Pattern:
    """One compiled alternation of every phrase of `kind`, on folded text.

    A phrase ending in `*` matches any word continuation ("prestit*" -> prestito, prestiti).
    """
    parts = []
    for p in _phrases(kind):
        esc = re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p)
        parts.append(esc.replace(r"\ ", r"\s+"))
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


@lru_cache(maxsize=None)
def any_regex(kinds: tuple[str, ...]) -> re.Pattern:
    """One alternation of the phrases of several kinds: a cheap "is any cue here at all?" test."""
    parts = []
    for kind in kinds:
        pat = cue_regex(kind).pattern
        parts.append(pat[len("(?<![\\w])(?:"):-len(")(?![\\w])")])
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


def has(kind: str, folded: str) -> bool:
    return cue_regex(kind).search(folded) is not None


def stopwords(lang: str) -> frozenset[str]:
    mod = LANGS[lang]
    return frozenset(mod.STOPWORDS.split())
