"""Synthetic lake partitions for the warehouse tests: a handful of fake
articles over a few ingest dates, written with the real pyarrow schemas
(extractors/schemas.py), zstd, hive-partitioned like the pipeline does."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.schemas import TABLES

D1, D2, D3 = date(2025, 1, 10), date(2025, 1, 11), date(2025, 1, 12)


def ts(day: str, hour: int = 9) -> datetime:
    y, m, d = map(int, day.split("-"))
    return datetime(y, m, d, hour, 0, tzinfo=timezone.utc)


def article(aid, source, domain, lang, published, fetched=None, title="t"):
    return dict(
        article_id=aid, url=f"https://{domain}/{aid}", canonical_url=f"https://{domain}/{aid}",
        source=source, source_language=lang, fetched_at=fetched or ts(published, 12),
        published_at=ts(published), title=title, author=None, sitename=source,
        domain=domain, language=lang, text=f"text of {aid}", content_hash=aid * 2,
        text_chars=100,
    )


def rumour(aid, idx, key, name, frm, to, status="rumour", deal="permanent", amount=None,
           currency=None, low=None, high=None, confidence=0.6):
    return dict(
        article_id=aid, rumour_idx=idx, player_key=key, player_name=name,
        from_club_id=frm, from_club=frm.title() if frm else None,
        to_club_id=to, to_club=to.title() if to else None,
        fee_amount=amount, fee_currency=currency, fee_eur=None, fee_low_eur=low,
        fee_high_eur=high, fee_bonus=None, fee_phrase=f"{amount} {currency}" if amount else None,
        deal_type=deal, status=status, confidence=confidence, evidence=f"{name} to {to}",
    )


def player(aid, key, name, role="player", position=None, birth_year=None):
    return dict(article_id=aid, player_key=key, player_name=name, role=role, mention_count=1,
                position=position, birth_year=birth_year, nationality=None)


def club(aid, cid, start=0):
    return dict(article_id=aid, club_id=cid, club_name=cid.title(), surface=cid, char_start=start)


def fee(aid, idx, amount, currency, kind="fee", low=None, high=None, bonus=None):
    return dict(article_id=aid, fee_idx=idx, kind=kind, amount=amount, currency=currency,
                amount_eur=None, amount_low=low, amount_high=high, bonus=bonus,
                phrase=f"{amount} {currency}", char_start=10 * idx)


def reject(url, source, stage, reason, at):
    return dict(url=url, source=source, stage=stage, reason=reason, at=at)


# -- day 1: Milenković linked with Inter (full name) and, by surname only, with
#    Arsenal in an English article about Fiorentina; "Hernández" (ambiguous:
#    Theo and Lucas are both seen with Milan) linked with Real Madrid.
DAY1 = {
    "articles": [
        article("a1", "gazzetta", "gazzetta.it", "it", "2025-01-09"),
        article("a2", "bbc", "bbc.co.uk", "en", "2025-01-09"),
        article("a3", "marca", "marca.com", "es", "2024-12-20"),
    ],
    "rumours": [
        rumour("a1", 0, "nikola milenkovic", "Nikola Milenković", "fiorentina", "inter-milan",
               amount=30_000_000, currency="EUR"),
        rumour("a2", 0, "milenkovic", "Milenkovic", "fiorentina", "arsenal", status="negotiating",
               amount=25_000_000, currency="GBP"),
        rumour("a2", 1, "theo hernandez", "Theo Hernandez", "ac-milan", "chelsea"),
        rumour("a3", 0, "hernandez", "Hernández", "ac-milan", "real-madrid",
               amount=50_000_000, currency="USD"),
    ],
    "player_mentions": [
        player("a1", "nikola milenkovic", "Nikola Milenković", position="defender", birth_year=1997),
        player("a1", "theo hernandez", "Theo Hernández", position="defender"),
        player("a1", "raffaele palladino", "Raffaele Palladino", role="coach"),
        player("a2", "milenkovic", "Milenkovic"),
        player("a2", "nikola milenkovic", "Nikola Milenkovic"),
        player("a2", "theo hernandez", "Theo Hernandez"),
        player("a3", "hernandez", "Hernández"),
    ],
    "club_mentions": [
        club("a1", "fiorentina"), club("a1", "inter-milan", 20), club("a1", "ac-milan", 40),
        club("a2", "fiorentina"), club("a2", "arsenal", 20), club("a2", "ac-milan", 30),
        club("a2", "chelsea", 40),
        club("a3", "ac-milan"), club("a3", "real-madrid", 20),
    ],
    "fee_mentions": [
        fee("a1", 0, 30_000_000, "EUR"),
        fee("a2", 0, 25_000_000, "GBP", low=20_000_000, high=30_000_000),
        fee("a3", 0, 50_000_000, "USD"),
        fee("a3", 1, 5_000_000, "CHF", kind="bonus"),
    ],
    "rejects": [
        reject("https://gazzetta.it/x", "gazzetta", "fetch", "timeout", ts("2025-01-10", 3)),
        reject("https://bbc.co.uk/y", "bbc", "clean", "too short", ts("2025-01-10", 4)),
    ],
}

# -- day 2: Lucas Hernández (from "paris-sg", a key the club reference does not
#    list: dim_clubs must still have a row for it) agreed with Milan;
#    Milenković completed; Rabiot free; a GBP fee in a month the FX seed lacks.
DAY2 = {
    "articles": [
        article("a4", "gazzetta", "gazzetta.it", "it", "2025-01-11"),
        article("a5", "sky", "skysports.com", "en", "2025-01-11"),
    ],
    "rumours": [
        rumour("a4", 0, "lucas hernandez", "Lucas Hernández", "paris-sg", "ac-milan", status="agreed",
               deal="loan_with_option"),
        rumour("a5", 0, "nikola milenkovic", "Nikola Milenković", "fiorentina", "inter-milan",
               status="completed", amount=32_000_000, currency="EUR",
               low=28_000_000, high=32_000_000, confidence=0.9),
        rumour("a5", 1, "adrien rabiot", "Adrien Rabiot", "juventus", "ac-milan", deal="free"),
    ],
    "player_mentions": [
        player("a4", "lucas hernandez", "Lucas Hernández"),
        player("a5", "nikola milenkovic", "Nikola Milenković"),
        player("a5", "adrien rabiot", "Adrien Rabiot", position="midfielder", birth_year=1995),
    ],
    "club_mentions": [
        club("a4", "paris-sg"), club("a4", "ac-milan", 20),
        club("a5", "fiorentina"), club("a5", "inter-milan", 20), club("a5", "juventus", 30),
        club("a5", "ac-milan", 40),
    ],
    "fee_mentions": [
        fee("a5", 0, 32_000_000, "EUR", low=28_000_000, high=32_000_000),
        fee("a5", 1, 0, "EUR"),
    ],
    "rejects": [
        reject("https://sky.com/z", "sky", "extract", "no rumour", ts("2025-01-11", 5)),
    ],
}

# -- day 3 (incremental test): a2 is landed again with a newer extraction (one
#    rumour left, status agreed); a new article a6.
DAY3 = {
    "articles": [
        article("a2", "bbc", "bbc.co.uk", "en", "2025-01-09", fetched=ts("2025-01-12", 8)),
        article("a6", "bbc", "bbc.co.uk", "en", "2025-01-12"),
    ],
    "rumours": [
        rumour("a2", 0, "milenkovic", "Milenkovic", "fiorentina", "arsenal", status="agreed",
               amount=25_000_000, currency="GBP"),
        rumour("a6", 0, "theo hernandez", "Theo Hernández", "ac-milan", "chelsea",
               amount=40_000_000, currency="GBP"),
    ],
    "player_mentions": [
        player("a2", "milenkovic", "Milenkovic"),
        player("a2", "nikola milenkovic", "Nikola Milenkovic"),
        player("a6", "theo hernandez", "Theo Hernández"),
    ],
    "club_mentions": [
        club("a2", "fiorentina"), club("a2", "arsenal", 20),
        club("a6", "ac-milan"), club("a6", "chelsea", 20),
    ],
    "fee_mentions": [fee("a2", 0, 25_000_000, "GBP"), fee("a6", 0, 40_000_000, "GBP")],
    "rejects": [],
}


def write_day(lake: Path, day: date, tables: dict[str, list[dict]]) -> None:
    """Write every lake table's partition for ``day`` (empty tables too, like a real run)."""
    for name, schema in TABLES.items():
        rows = tables.get(name, [])
        data = pa.Table.from_pylist([{f: r.get(f) for f in schema.names} for r in rows],
                                    schema=schema)
        out = Path(lake) / name / f"ingest_date={day.isoformat()}" / "part-0.parquet"
        out.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(data, out, compression="zstd")


def write_hidden_temp_file(lake: Path, day: date) -> Path:
    """A half-written file as extractors/ingest/land.py leaves it while writing
    (``.tmp-*.parquet`` in the partition directory): must never be read."""
    rows = [rumour("zz", 0, "ghost player", "Ghost Player", "ac-milan", "inter-milan")]
    schema = TABLES["rumours"]
    data = pa.Table.from_pylist([{f: r.get(f) for f in schema.names} for r in rows], schema=schema)
    out = Path(lake) / "rumours" / f"ingest_date={day.isoformat()}" / ".tmp-crashed.parquet"
    pq.write_table(data, out, compression="zstd")
    return out
