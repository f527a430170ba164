"""Text utilities shared by every stage: accent folding and sentence splitting.

Why: every matcher works on a *folded* copy of the text (lowercase, accents removed)
that has exactly the same length as the original, so a match offset in the folded
text is also the offset of the exact surface in the original.  Sentences are the
unit of evidence for rumours, so they are cut once here with their offsets.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
           "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
           "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "}
_SPECIAL = {"ß": "s", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
            "æ": "a", "Æ": "a", "œ": "o", "Œ": "o", "ı": "i", "þ": "t", "ð": "d"}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _QUOTES:
        return _QUOTES[c]
    if c in _SPECIAL:
        return _SPECIAL[c]
    if c.isascii():
        return c.lower()
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


class _FoldTable(dict):
    """str.translate table filled lazily: one dict look-up per character after the first."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code))
        return out


_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """Lowercase, accent-free copy of `text` with one output char per input char."""
    return text.translate(_TABLE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Key form of a name: folded, punctuation collapsed to single spaces."""
    s = fold_same_length(text or "")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


@dataclass(frozen=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str


# a sentence ends at . ! ? ; followed by space and a capital/quote/digit, or at a newline.
_ABBREV = re.compile(r"(?:\b(?:St|Mr|Dr|Jr|Sr|vs|No|n|ca|Mio|Mln|mln|ecc|etc|Sig)|\b[A-Z])\.$")
# It means `[.!?;:]+["')\]]*\s+(?=...)|\n+|\s+[-–—]\s+(?=[A-Z...])`, written to open with one character
# set (the first character of every alternative, each branch then checking which one it was) so that
# `re` skips the characters that cannot start a sentence end in C: about 3x faster, same matches.
# (A "\n" never starts the last alternative: `\n+` is tried before it and always matches there.)
_END = re.compile(r"[.!?;:\s](?:(?<=[.!?;:])[.!?;:]*[\"')\]]*\s+(?=[\"'(\[]?[A-ZÀ-ÖØ-Þ0-9\"'«“])"
                  r"|(?<=\n)\n*"
                  r"|(?<=[^\S\n])\s*[-–—]\s+(?=[A-ZÀ-ÖØ-Þ]))")


def split_sentences(text: str) -> list[Sentence]:
    """Cut `text` into sentences (headlines and list lines count as sentences)."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        g, ms = m.group(), m.start()
        if g[0] == "." and _ABBREV.search(text[max(0, ms - 4):ms + 1]):
            continue
        if g[0] == "\n" or g.strip().startswith(("-", "–", "—")):
            end = ms
        else:
            end = ms + len(g.rstrip())
        _push(out, text, start, end)
        start = m.end()
    _push(out, text, start, len(text))
    return out


def _push(out: list[Sentence], text: str, start: int, end: int) -> None:
    """The sentence text[start:end] without its surrounding whitespace, when anything is left."""
    seg = text[start:end]
    body = seg.strip()          # (str.strip removes exactly the characters str.isspace calls spaces)
    if body:
        start += len(seg) - len(seg.lstrip())
        out.append(Sentence(len(out), start, start + len(body), body))


WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


def words(text: str) -> list[re.Match]:
    return list(WORD.finditer(text))
