"""A validated model answer as the same ArticleExtraction the local extractor returns.

Why: the CLI, the lake writer and the scorer read one result type, whichever backend
produced it.  Club offsets and surfaces come from the club index run over the text
(the model gives names, not positions); a club the index does not spot gets offset -1.
"""
from __future__ import annotations

from ..clubs import ClubIndex
from ..fx import to_eur
from ..model import ArticleExtraction, ClubMention, Fee, PlayerMention, Rumour
from ..text import fold, fold_same_length, split_sentences
from .validate import CheckedAnswer

MODEL_CONFIDENCE = 0.9      # one figure for every validated model rumour: the model gives none


def grounding_text(text: str, title: str | None) -> tuple[str, int]:
    """The text the model's words are checked against (the title first when the text lacks
    it, as the local extractor reads it) and the length of that prefix."""
    if title and title.strip() and title.strip()[:60] not in text[:400]:
        head = title.strip() + "\n\n"
        return head + text, len(head)
    return text, 0


def to_extraction(answer: CheckedAnswer, text: str, offset: int, language: str, month: str | None,
                  index: ClubIndex) -> ArticleExtraction:
    """`text` is the grounding text, `offset` the length of the title prefix in it."""
    shift = lambda pos: pos - offset if pos >= offset else -1      # noqa: E731 - offsets in the article body
    wanted = {c.club_id for c in answer.clubs}
    clubs, spotted = [], set()
    for m in index.find(text, fold_same_length(text), language):
        if m.club_id in wanted:
            clubs.append(ClubMention(m.club_id, m.name, m.surface, shift(m.start)))
            spotted.add(m.club_id)
    clubs += [ClubMention(c.club_id, c.name, c.name, -1) for c in answer.clubs if c.club_id not in spotted]
    words = f" {fold(text)} "
    players = [PlayerMention(key=fold(name), name=name, mentions=max(1, _count(name, words)))
               for name in answer.players]
    sentences = split_sentences(text)
    rumours, fees = [], []
    for r in answer.rumours:
        fee = None
        if r.fee_amount is not None or r.fee_text:
            fee = Fee(amount=r.fee_amount, currency=r.fee_currency, eur=to_eur(r.fee_amount, r.fee_currency, month),
                      phrase=r.fee_text or "", start=shift(r.fee_start))
            fees.append(fee)
        rumours.append(Rumour(
            player=r.player, player_key=fold(r.player),
            from_club=r.from_club.name if r.from_club else None, to_club=r.to_club.name if r.to_club else None,
            from_club_id=r.from_club.club_id if r.from_club else None,
            to_club_id=r.to_club.club_id if r.to_club else None,
            fee=fee, deal_type=r.deal_type, status=r.status, confidence=MODEL_CONFIDENCE,
            evidence=_evidence(r.player, r.fee_start, sentences)))
    return ArticleExtraction(language=language, clubs=clubs, players=players, fees=fees, rumours=rumours)


def _count(name: str, words: str) -> int:
    """Mentions of a player: of the full name, else of its longest word (the surname, mostly)."""
    key = fold(name)
    n = words.count(f" {key} ")
    if n:
        return n
    longest = max(key.split(), key=len, default="")
    return words.count(f" {longest} ") if longest else 0


def _evidence(player: str, fee_start: int, sentences) -> str:
    """The sentence stating the fee, else the first sentence naming the player."""
    if fee_start >= 0:
        for s in sentences:
            if s.start <= fee_start < s.end:
                return s.text[:500]
    tokens = [t for t in fold(player).split() if len(t) >= 3]
    for s in sentences:
        folded = f" {fold(s.text)} "
        if any(f" {t} " in folded for t in tokens):
            return s.text[:500]
    return ""
