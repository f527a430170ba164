"""Our club ids -> transfermarkt club ids, from the `transfermarkt_club_id` column of
extractors/reference/clubs.csv (empty for clubs the reference does not hold)."""
from __future__ import annotations

import csv
from functools import lru_cache

from ..config import REFERENCE_DIR


@lru_cache(maxsize=1)
def tm_club_ids() -> dict[str, str]:
    with (REFERENCE_DIR / "clubs.csv").open(encoding="utf-8", newline="") as f:
        return {r["club_id"]: r["transfermarkt_club_id"] for r in csv.DictReader(f)
                if r.get("transfermarkt_club_id")}


def to_tm(club_ids) -> set[str]:
    """The transfermarkt ids of our `club_ids` that have one."""
    m = tm_club_ids()
    return {m[c] for c in club_ids or () if c in m}
