"""The extraction pipeline: text -> language -> sentences -> clubs -> people -> fees -> moves.

Why: one small function wires the stages in order; each stage lives in its own
module with one job.  Nothing here does I/O: the club reference and lexicons are
loaded once, lazily, and cached by their modules.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .assemble import assemble_rumours
from .candidates import PERSON_FEATURES, ArticleCandidates
from .candidates import build as build_candidates
from .clubs import club_index
from .fees import find_fees
from .language import detect_language
from .model import ArticleExtraction
from .moves import _sentence_index, find_moves
from .people import find_people
from .scorer import default_scorer
from .text import fold_same_length, split_sentences
from ..tmref.attach import attach_player_ids


@dataclass
class Analysis:
    """Everything the rules found in one article, before the learned decisions."""
    text: str
    folded: str
    offset: int                 # length of the headline prepended to the text (0 when none)
    language: str
    sentences: list
    clubs: list
    persons: list
    mentions: list
    fees: list
    rules: list                 # the rules' own rumours (features of the candidates)
    candidates: ArticleCandidates
    names: dict
    month: str | None = None    # YYYY-MM of publication, when known


def analyse(text: str, *, title: str | None = None, language: str | None = None,
            month: str | None = None) -> Analysis:
    """Run the rule-based stages over one article and build its candidate moves."""
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
    rules = find_moves(text, folded, sentences, clubs, persons, mentions, fees, index.names)
    cands = build_candidates(text, folded, sentences, clubs, persons, mentions, fees, rules, lang)
    return Analysis(text, folded, offset, lang, sentences, clubs, persons, mentions, fees, rules, cands, index.names,
                    month)


def extract_text(text: str, *, title: str | None = None, language: str | None = None,
                 month: str | None = None, scorer=None) -> ArticleExtraction:
    """Extract clubs, people, fees and rumours from one article.

    `title` (the headline) is read as a first sentence when the text does not already
    start with it; offsets of mentions found in it are -1.  `language` is a hint.
    `month` (YYYY-MM, publication) picks the FX rate; the latest month is used when None.
    `scorer` decides the candidate moves (default: the committed trained model).
    """
    a = analyse(text, title=title, language=language, month=month)
    return decide(a, scorer or default_scorer())


def decide(a: Analysis, scorer) -> ArticleExtraction:
    """The article's result once the scorer has weighed its candidate moves."""
    rows = a.candidates.rows
    moves, sellers = scorer.move_probabilities(rows, a.candidates.candidates)
    rumours = assemble_rumours(a, moves, scorer.confidence, sellers)
    movers = {r.player_key for r in rumours}
    probs = scorer.player_probabilities(a.candidates.person_rows)
    learned = {id(p): pr >= 0.5 for p, pr in zip(a.candidates.persons, probs)} if probs is not None else {}
    for k in _reference_footballers(a):
        learned[k] = True
    players = []
    for p in a.persons:
        m = p.to_mention()
        if p.key in movers:
            m.role = "player"
        elif m.role == "player" and not learned.get(id(p), not p.weak):
            continue        # not shown to be a footballer (by the model, or a lone capitalised word)
        players.append(m)   # a role the text states (coach, agent, ...) stands
    # offsets in the text as given (the headline prepended by analyse() is not part of it)
    if a.offset:
        clubs = [replace(c, start=_unshift(c.start, a.offset)) for c in a.clubs]
        fees = [replace(f.fee, start=_unshift(f.fee.start, a.offset)) for f in a.fees]
    else:       # no headline prepended: the offsets stand (the rumours already share these fee objects)
        clubs, fees = list(a.clubs), [f.fee for f in a.fees]
    attach_player_ids(players, rumours, clubs, a.month)     # transfermarkt ids; no-op without a reference
    return ArticleExtraction(language=a.language, clubs=clubs, players=players, fees=fees, rumours=rumours)


_COACH = PERSON_FEATURES.index("p_tm_coach")


def _reference_footballers(a: Analysis) -> list[int]:
    """Persons whose name links, in the article's context, to one reference footballer active in
    the article's season (the snapshot's latest when undated) who coaches no reference club: the
    reference knows them as footballers, whatever the person model makes of the text (#13), on a
    page about football (two clubs named at least: a namesake on another page is no footballer)."""
    from extractors.tmref import reference

    ref = reference()
    if ref is None or not ref.latest_season or len({c.club_id for c in a.clubs}) < 2:
        return []       # a page naming fewer than two clubs is not about football's market
    year = int(a.month[:4]) if a.month else ref.latest_season
    c = a.candidates
    return [id(p) for p, season, row in zip(c.persons, c.person_seasons, c.person_rows)
            if season >= year - 1 and row[_COACH] <= 0.0]


def _unshift(pos: int, offset: int) -> int:
    return pos - offset if pos >= offset else -1
