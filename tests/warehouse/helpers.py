"""Expected values computed from the shared reference CSVs, so the tests hold
whatever rates and clubs extractors/reference currently lists."""
from __future__ import annotations

import csv

from extractors import config

SEEDS = config.DBT_PROJECT_DIR / "seeds"


def eur_rate(currency: str, month: str) -> float | None:
    """The warehouse's rule: EUR = 1, else the month's rate, else the latest month's."""
    if currency == "EUR":
        return 1.0
    with open(SEEDS / "fx_rates.csv", newline="") as fh:
        rates = {r["month"]: float(r["eur_per_unit"])
                 for r in csv.DictReader(fh) if r["currency"].strip().upper() == currency}
    if not rates:
        return None
    return rates.get(month, rates[max(rates)])


def reference_rows(name: str) -> int:
    with open(SEEDS / f"{name}.csv", newline="") as fh:
        return sum(1 for _ in csv.DictReader(fh))
