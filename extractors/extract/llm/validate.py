"""Checks that a model answer says only what the article says, before anything trusts it.

Why: a schema guarantees the shape, not the truth.  A rumour's player must be named in
the article (whole name or one of its words, accents and case ignored), its fee text
must be a passage of the article, its clubs must resolve through the club reference and
its enums must hold.  One bad rumour makes the whole answer suspect: InvalidAnswer, and
the caller falls back to the local extractor.  Names in the article-wide lists that do
not check out are only dropped (and noted), as they carry no rumour.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..clubs import Club, ClubIndex, _match_key
from ..text import fold, fold_same_length
from .prompt import DEAL_TYPES, STATUSES

_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "le", "la", "el",
              "al", "jr", "junior", "san", "mac"}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_FEE = 1e10


class InvalidAnswer(ValueError):
    """The answer cannot be used; the message says why."""


@dataclass
class CheckedRumour:
    player: str
    from_club: Club | None
    to_club: Club | None
    fee_amount: float | None
    fee_currency: str | None
    fee_text: str | None          # the passage as written in the article
    fee_start: int                # its offset in the grounding text, -1 when none
    deal_type: str | None
    status: str


@dataclass
class CheckedAnswer:
    rumours: list[CheckedRumour]
    clubs: list[Club]
    players: list[str]
    notes: list[str] = field(default_factory=list)      # what was dropped from the lists, and why

    def to_gold(self, file: str) -> dict:
        """The answer in the gold format of the shared evaluation set."""
        return {
            "file": file,
            "rumours": [{"player": r.player, "from_club": r.from_club.name if r.from_club else None,
                         "to_club": r.to_club.name if r.to_club else None, "fee_amount": r.fee_amount,
                         "fee_currency": r.fee_currency, "fee_text": r.fee_text, "deal_type": r.deal_type,
                         "status": r.status} for r in self.rumours],
            "clubs_mentioned": [c.name for c in self.clubs],
            "players_mentioned": list(self.players),
        }


def parse(content: str) -> dict:
    try:
        data = json.loads(content)
    except ValueError as err:
        raise InvalidAnswer(f"the answer is not valid JSON ({err.msg} at char {err.pos})") from None
    if not isinstance(data, dict):
        raise InvalidAnswer("the answer is not a JSON object")
    for key in ("rumours", "clubs_mentioned", "players_mentioned"):
        if not isinstance(data.get(key), list):
            raise InvalidAnswer(f"the answer has no list '{key}'")
    return data


def resolve_club(name: str, index: ClubIndex) -> Club | None:
    """The reference club a name stands for: canonical name, then any alias, then a nickname
    that points at a single club."""
    key = fold(name)
    if key in index.by_name:
        return index.by_name[key]
    for k in (key, _match_key(name)):
        ids = [s.club_id for s in index.surfaces.get(k, ()) if s.kind == "name"]
        if ids:
            return index.clubs[ids[0]]
    targets = index.nick_targets.get(key, [])
    return index.clubs[targets[0]] if len(targets) == 1 else None


def named_in(name: str, folded_words: str) -> bool:
    """`name` (or one of its proper words) occurs as whole words in the folded text."""
    key = fold(name)
    if not key:
        return False
    if f" {key} " in folded_words:
        return True
    return any(len(t) >= 3 and t not in _PARTICLES and f" {t} " in folded_words for t in key.split())


def find_passage(passage: str, text: str) -> tuple[int, int] | None:
    """(start, end) of `passage` in `text`, accents, case and runs of spaces ignored."""
    words = fold_same_length(passage).split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), fold_same_length(text))
    return m.span() if m else None


def check(data: dict, text: str, index: ClubIndex) -> CheckedAnswer:
    """The validated answer for the article `text` (title included); raises InvalidAnswer."""
    words = f" {fold(text)} "
    rumours, seen = [], set()
    for i, raw in enumerate(data["rumours"]):
        r = _check_rumour(i, raw, text, words, index)
        key = (fold(r.player), r.from_club and r.from_club.club_id, r.to_club and r.to_club.club_id)
        if key not in seen:
            seen.add(key)
            rumours.append(r)
    notes, clubs, players = [], {}, {}
    for name in data["clubs_mentioned"]:
        club = resolve_club(name, index) if isinstance(name, str) else None
        if club is None:
            notes.append(f"club {name!r} is not in the club reference")
        else:
            clubs.setdefault(club.club_id, club)
    for r in rumours:
        for club in (r.from_club, r.to_club):
            if club is not None:
                clubs.setdefault(club.club_id, club)
    for name in [*data["players_mentioned"], *(r.player for r in rumours)]:
        if not isinstance(name, str) or not named_in(name, words):
            notes.append(f"player {name!r} is not named in the article")
        else:
            players.setdefault(fold(name), name.strip())
    return CheckedAnswer(rumours, list(clubs.values()), list(players.values()), notes)


def _check_rumour(i: int, raw, text: str, words: str, index: ClubIndex) -> CheckedRumour:
    where = f"rumour {i + 1}"
    if not isinstance(raw, dict):
        raise InvalidAnswer(f"{where} is not an object")
    player = raw.get("player")
    if not isinstance(player, str) or not player.strip():
        raise InvalidAnswer(f"{where} has no player")
    if not named_in(player, words):
        raise InvalidAnswer(f"{where}: player {player!r} is not named in the article")
    clubs = {}
    for side in ("from_club", "to_club"):
        name = raw.get(side)
        if name is not None and (not isinstance(name, str) or resolve_club(name, index) is None):
            raise InvalidAnswer(f"{where}: {side} {name!r} is not in the club reference")
        clubs[side] = resolve_club(name, index) if name else None
    status, deal = raw.get("status"), raw.get("deal_type")
    if status not in STATUSES:
        raise InvalidAnswer(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
    if deal is not None and deal not in DEAL_TYPES:
        raise InvalidAnswer(f"{where}: deal_type {deal!r} is not one of {', '.join(DEAL_TYPES)} or null")
    amount, currency, fee_text, start = _check_fee(where, raw, text)
    return CheckedRumour(player.strip(), clubs["from_club"], clubs["to_club"], amount, currency, fee_text, start,
                         deal, status)


def _check_fee(where: str, raw: dict, text: str):
    amount, currency, fee_text = raw.get("fee_amount"), raw.get("fee_currency"), raw.get("fee_text")
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float))
                               or not 0 <= amount < MAX_FEE):
        raise InvalidAnswer(f"{where}: fee_amount {amount!r} is not an amount in currency units")
    if currency is not None and (not isinstance(currency, str) or not _CURRENCY.match(currency)):
        raise InvalidAnswer(f"{where}: fee_currency {currency!r} is not an ISO currency code")
    start = -1
    if fee_text is not None:
        span = find_passage(fee_text, text) if isinstance(fee_text, str) else None
        if span is None:
            raise InvalidAnswer(f"{where}: fee_text {fee_text!r} is not a passage of the article")
        start, fee_text = span[0], text[span[0]:span[1]]      # as written in the article
    return (float(amount) if amount is not None else None), currency, fee_text, start
