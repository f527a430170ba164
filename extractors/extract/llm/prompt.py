"""What the model is asked: our annotation rules as a system prompt, the article as the
user message, and a strict JSON schema for the answer.

Why: the rules are the project's own wording of how the gold is annotated, so a model
answer can be scored like the local extractor's.  PROMPT_VERSION is part of the cache
key: change it whenever the prompt or the schema changes, and old answers are not reused.
"""
from __future__ import annotations

DEAL_TYPES = ["permanent", "loan", "loan_with_option", "loan_with_obligation", "free", "renewal"]
STATUSES = ["rumour", "negotiating", "agreed", "completed", "denied"]

PROMPT_VERSION = "2026-12-03.1"

SYSTEM_PROMPT = """\
You read one football transfer-news article and list the player transfers it reports.
Answer only with JSON that follows the given schema. Work from the article text alone:
never add a club, a player or a number from your own knowledge.

Which moves to list
- Every move of a player that the article reports for the current transfer window, at any
  stage: interest or links, talks or bids, an agreement, an official signing, or a move
  that was denied, refused or fell through. Moves mentioned only in passing count too.
- Leave out moves of coaches, managers and directors; moves from earlier windows or a
  player's career history; and players the article does not name.
- One entry per player and pair of clubs. A player linked with three clubs gives three entries.

Fields of an entry
- player: the player's full name in its usual spelling with diacritics, even when the
  article uses only the surname; keep single-name players (e.g. Brazilian mononyms) as one word.
- from_club: the club the player plays for now, only if the article says or clearly implies
  it, else null. A player out on loan plays for the club he is loaned to; but when the
  article reports that existing loan itself, from_club is the owning club and to_club the
  club holding him on loan.
- to_club: the destination club, or null when none is named (a league, "abroad", "a
  Premier League club" are not clubs).
- A contract renewal has from_club and to_club both equal to the current club.
- Club names: the club's usual English name (AC Milan, Inter Milan, AS Roma, Bayern Munich,
  Paris Saint-Germain, Atlético Madrid, Tottenham Hotspur, ...). National teams, leagues and
  newspapers are never clubs.
- fee_amount: whole currency units (15 million = 15000000), for the fee of this move only.
  When several numbers are given, prefer in this order: the bid of this buying club, an
  agreed fee, the selling club's asking price or valuation (or a release clause quoted as
  the price), then a market value presented as the price. Leave out bonuses and add-ons.
  For a loan with an option or obligation to buy, take the buy price; for a plain loan, the
  loan fee; for a free move, 0. For a range take the lower bound. Wages, salaries and
  contract values are never fees, nor are past fees or sell-on percentages. Otherwise null.
- fee_currency: ISO code (EUR, GBP, USD, ...); an amount without a currency in an Italian,
  Spanish or French article is EUR; null when there is no fee or the move is free.
- fee_text: the words of the article that state the amount, copied exactly, else null.
- deal_type: permanent (an outright fee, a definitive or permanent deal), loan,
  loan_with_option, loan_with_obligation, free (free agent, out of contract), renewal;
  null when the article does not say how the deal is structured (pure interest, swaps).
- status: rumour (interest, links, "could", a player up for sale); negotiating (talks, a
  bid or offer made, close to or on the verge of a deal, a medical, a stalled deal);
  agreed (an agreement is stated, awaiting the official announcement); completed (official
  or done, or an existing loan described as such); denied (denied by a party, a refused
  bid, a club blocking the move, a player turning it down, a deal that collapsed or was
  lost to another club).

Lists of the whole article
- clubs_mentioned: every club named anywhere in the text, in any role.
- players_mentioned: every footballer named anywhere in the text (not coaches, executives,
  agents or journalists), full names as above.
"""

_NULLABLE_STRING = {"type": ["string", "null"]}

RESPONSE_SCHEMA = {
    "name": "transfer_rumours",
    "strict": True,
    "schema": {
        "type": "object",
        "additionalProperties": False,
        "required": ["rumours", "clubs_mentioned", "players_mentioned"],
        "properties": {
            "rumours": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["player", "from_club", "to_club", "fee_amount", "fee_currency",
                                 "fee_text", "deal_type", "status"],
                    "properties": {
                        "player": {"type": "string"},
                        "from_club": _NULLABLE_STRING,
                        "to_club": _NULLABLE_STRING,
                        "fee_amount": {"type": ["number", "null"]},
                        "fee_currency": _NULLABLE_STRING,
                        "fee_text": _NULLABLE_STRING,
                        "deal_type": {"type": ["string", "null"], "enum": [*DEAL_TYPES, None]},
                        "status": {"type": "string", "enum": STATUSES},
                    },
                },
            },
            "clubs_mentioned": {"type": "array", "items": {"type": "string"}},
            "players_mentioned": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def user_message(text: str, *, title: str | None, published: str | None, language: str | None) -> str:
    """The article as the model sees it: metadata lines, then the text between markers."""
    return (f"Title: {title or '(none)'}\n"
            f"Published: {published or 'unknown'}\n"
            f"Language: {language or 'unknown'}\n\n"
            f"Article text:\n<<<\n{text}\n>>>")


def messages(text: str, *, title: str | None, published: str | None, language: str | None) -> list[dict]:
    return [{"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": user_message(text, title=title, published=published, language=language)}]


def response_format() -> dict:
    return {"type": "json_schema", "json_schema": RESPONSE_SCHEMA}
