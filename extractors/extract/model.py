"""The extraction result: plain dataclasses shared by the CLI, the DAG and the lake writer."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ClubMention:
    club_id: str          # key in extractors/reference/clubs.csv
    name: str             # canonical English name ("AC Milan")
    surface: str          # text as written ("rossoneri")
    start: int            # character offset in the text


@dataclass
class PlayerMention:
    key: str              # folded full name ("nikola milenkovic")
    name: str             # display name ("Nikola Milenković")
    role: str = "player"  # player | coach | executive | agent | journalist | other
    mentions: int = 1
    position: str | None = None
    birth_year: int | None = None
    nationality: str | None = None
    player_id: str | None = None   # transfermarkt player id, set only when the link is unambiguous


@dataclass
class Fee:
    amount: float | None          # whole currency units; 0 = free transfer
    currency: str | None          # ISO code: EUR, GBP, USD, ...
    eur: float | None             # amount converted with extractors/reference/fx rates
    phrase: str                   # exact substring of the text
    start: int = -1
    kind: str = "fee"             # fee | option | loan_fee | wage | clause | past | bonus
    low: float | None = None      # range bounds, in currency units
    high: float | None = None
    bonus: float | None = None    # add-ons kept apart from the amount


@dataclass
class Rumour:
    player: str
    player_key: str
    from_club: str | None         # canonical club name or None
    to_club: str | None
    from_club_id: str | None = None
    to_club_id: str | None = None
    fee: Fee | None = None
    deal_type: str | None = None  # permanent | loan | loan_with_option | loan_with_obligation | free | renewal
    status: str = "rumour"        # rumour | negotiating | agreed | completed | denied
    confidence: float = 0.5
    evidence: str = ""
    player_id: str | None = None  # transfermarkt player id of the mover, when linked


@dataclass
class ArticleExtraction:
    language: str                                   # it | en | es | fr | unknown
    clubs: list[ClubMention] = field(default_factory=list)
    players: list[PlayerMention] = field(default_factory=list)
    fees: list[Fee] = field(default_factory=list)
    rumours: list[Rumour] = field(default_factory=list)

    def to_record(self, file: str) -> dict:
        """The JSON line printed by `mercato extract` (fields of the eval scorer)."""
        return {
            "file": file,
            "language": self.language,
            "clubs": sorted({c.name for c in self.clubs}),
            "players": [p.name for p in self.players if p.role == "player"],
            # transfermarkt ids of the linked player mentions (movers or not), by the name above
            "player_ids": {p.name: p.player_id for p in self.players if p.role == "player" and p.player_id},
            "rumours": [
                {
                    "player": r.player,
                    "player_id": r.player_id,
                    "from_club": r.from_club,
                    "to_club": r.to_club,
                    "fee_amount": r.fee.amount if r.fee else None,
                    "fee_currency": r.fee.currency if r.fee else None,
                    "fee_eur": r.fee.eur if r.fee else None,
                    "fee_text": r.fee.phrase if r.fee else None,
                    "deal_type": r.deal_type,
                    "status": r.status,
                    "confidence": round(r.confidence, 3),
                    "evidence": r.evidence,
                }
                for r in self.rumours
            ],
        }

    def as_dict(self) -> dict:
        return asdict(self)
