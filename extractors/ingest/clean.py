"""Boilerplate removal and metadata with trafilatura.

A page with no article text (a gallery, a section front, a consent wall) is
rejected with a reason rather than landed as an empty article.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import trafilatura
from lxml import html as lxml_html

MIN_TEXT_CHARS = 250     # below this trafilatura found a caption or a teaser, not an article
_LANG_ATTR = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2})", re.I)
_PUBLISHED = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)=["'](?:article:published_time|datePublished|pubdate|date)["'][^>]*content=["']([^"']+)""",
    re.I)


class CleanError(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Cleaned:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    published_at: datetime | None
    canonical_url: str | None
    language: str | None        # from the page markup; the extractor detects from text
    content_hash: str


def normalise_for_hash(text: str) -> str:
    """Syndicated copies differ in whitespace, quotes and case, not in words."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.findall(r"\w+", folded))


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise_for_hash(text).encode("utf-8")).hexdigest()


def _published(html: str, fallback: str | None) -> datetime | None:
    m = _PUBLISHED.search(html)
    for value in ([m.group(1)] if m else []) + ([fallback] if fallback else []):
        try:
            dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        return dt.astimezone(timezone.utc)
    return None


def _strip_title(text: str, title: str | None) -> str:
    """trafilatura repeats the <h1> as the first line; keep the body only once."""
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title.strip() and rest.strip():
            return rest.strip()
    return text.strip()


# Prose in the languages we read has words of 4-7 letters on average and is mostly
# letters; random bytes decoded as Latin-1 give "words" of 30+ characters, ~60 %
# letters (a fuzzed feed landed such a page as an Italian article).
MAX_MEAN_WORD_CHARS = 15
MIN_LETTER_SHARE = 0.6


def _garbled(text: str) -> str | None:
    """Why ``text`` is not prose, or None when it reads like prose."""
    words = text.split()
    chars = sum(len(w) for w in words)
    mean_word = chars / max(len(words), 1)
    letters = sum(ch.isalpha() for ch in text) / max(chars, 1)
    if mean_word > MAX_MEAN_WORD_CHARS:
        return f"mean word of {mean_word:.0f} characters > {MAX_MEAN_WORD_CHARS}"
    if letters < MIN_LETTER_SHARE:
        return f"{letters:.0%} letters < {MIN_LETTER_SHARE:.0%}"
    return None


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Article text and metadata of one HTML page, or CleanError with the reason."""
    if not html or not html.strip():
        raise CleanError("empty document")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except (ValueError, TypeError, lxml_html.etree.ParserError) as err:
        raise CleanError(f"unparseable HTML: {err}")
    if doc is None or not (doc.text or "").strip():
        raise CleanError("no article text found")
    text = _strip_title(doc.text, doc.title)
    if len(text) < MIN_TEXT_CHARS:
        raise CleanError(f"article text too short ({len(text)} chars < {MIN_TEXT_CHARS})")
    garbled = _garbled(text)
    if garbled:
        raise CleanError(f"text is not prose (binary or mis-decoded content: {garbled})")
    m = _LANG_ATTR.search(html[:2000])
    canonical = doc.url if doc.url and urlsplit(doc.url).scheme in ("http", "https") else url
    return Cleaned(
        text=text,
        title=doc.title,
        author=doc.author,
        sitename=doc.sitename,
        published_at=_published(html, doc.date),
        canonical_url=canonical,
        language=m.group(1).lower() if m else None,
        content_hash=content_hash(text),
    )
