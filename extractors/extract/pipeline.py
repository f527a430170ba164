"""The extraction pipeline: text -> language -> sentences -> clubs -> people -> fees -> moves.

Why: one small function wires the stages in order; each stage lives in its own
module with one job.  Nothing here does I/O: the club reference and lexicons are
loaded once, lazily, and cached by their modules.
"""
from __future__ import annotations

from .clubs import club_index
from .fees import find_fees
from .language import detect_language
from .model import ArticleExtraction
from .moves import _sentence_index, find_moves
from .people import find_people
from .text import fold_same_length, split_sentences
from ..tmref.attach import attach_player_ids


def extract_text(text: str, *, title: str | None = None, language: str | None = None,
                 month: str | None = None) -> ArticleExtraction:
    """Extract clubs, people, fees and rumours from one article.

    `title` (the headline) is read as a first sentence when the text does not already
    start with it; offsets of mentions found in it are -1.  `language` is a hint.
    `month` (YYYY-MM, publication) picks the FX rate; the latest month is used when None.
    """
    text = text or ""
    offset = 0
    if title and title.strip() and title.strip()[:60] not in text[:400]:
        head = title.strip() + "\n\n"
        text = head + text
        offset = len(head)
    folded = fold_same_length(text)
    lang = detect_language(folded, language)
    sentences = split_sentences(text)
    index = club_index()
    clubs = index.find(text, folded, lang)
    spans = [(c.start, c.start + len(c.surface)) for c in clubs]
    persons, mentions = find_people(text, folded, sentences, clubs, spans)
    sent_of = _sentence_index(sentences)
    fees = find_fees(text, folded, lang, sent_of, month)
    rumours = find_moves(text, folded, sentences, clubs, persons, mentions, fees, index.names)

    movers = {r.player_key for r in rumours}
    players = []
    for p in persons:
        if p.role == "player" and p.weak and p.key not in movers:
            continue        # a lone capitalised word never shown to be a footballer
        pm = p.to_mention()
        players.append(pm)
    attach_player_ids(players, rumours, clubs, month)     # transfermarkt ids; no-op without a reference
    if offset:
        for c in clubs:
            c.start = c.start - offset if c.start >= offset else -1
        for f in fees:
            f.fee.start = f.fee.start - offset if f.fee.start >= offset else -1
    return ArticleExtraction(language=lang, clubs=clubs, players=players,
                             fees=[f.fee for f in fees], rumours=rumours)
