"""Currency conversion to EUR with the monthly table in extractors/reference/fx_rates.csv.

Why: fees are compared across leagues in EUR.  The rule is deliberately simple and
documented: an amount is converted with the rate of the article's publication month
when it is known and in the table, otherwise with the latest month in the table.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

FX_CSV = Path(__file__).resolve().parent.parent / "reference" / "fx_rates.csv"
# used only if the table is missing, so that extraction never fails
_FALLBACK = {"EUR": 1.0, "GBP": 1.17, "USD": 0.90, "CHF": 1.05}


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    if not FX_CSV.exists():
        return out
    with open(FX_CSV, encoding="utf-8") as fh:
        rows = (line for line in fh if not line.startswith("#"))
        for row in csv.DictReader(rows):
            try:
                out.setdefault(row["currency"].strip(), {})[row["month"].strip()] = float(row["eur_per_unit"])
            except (KeyError, ValueError):
                continue
    return out


def eur_rate(currency: str, month: str | None = None) -> float | None:
    """EUR per one unit of `currency` (month `YYYY-MM`; latest month when None/unknown)."""
    if currency == "EUR":
        return 1.0
    months = _table().get(currency)
    if not months:
        return _FALLBACK.get(currency)
    if month and month in months:
        return months[month]
    return months[max(months)]


def to_eur(amount: float | None, currency: str | None, month: str | None = None) -> float | None:
    if amount is None or currency is None:
        return None if amount is None else (0.0 if amount == 0 else None)
    rate = eur_rate(currency, month)
    return None if rate is None else round(amount * rate, 2)
