"""A tiny transfermarkt-style players table written by the tests (never the real data)."""
import csv
import gzip

import pytest

from extractors.tmref import players

HEADER = ["player_id", "first_name", "last_name", "name", "last_season", "current_club_id",
          "country_of_citizenship", "date_of_birth", "sub_position", "position",
          "current_club_name", "market_value_in_eur", "highest_market_value_in_eur", "foot"]
ROWS = [
    # id, first, last, name, last_season, club, citizenship, dob, sub, pos, club name, value, peak value
    ("1", "Pierre", "Kalulu", "Pierre Kalulu", 2025, "506", "France", "2000-06-05 00:00:00",
     "Centre-Back", "Defender", "Juventus FC", 28000000),
    ("2", "Aldo", "Kalulu", "Aldo Kalulu", 2025, "669", "DR Congo", "1996-01-21 00:00:00",
     "Right Winger", "Attack", "FK Partizan", 1500000),
    ("3", "Virgil", "van Dijk", "Virgil van Dijk", 2025, "31", "Netherlands", "1991-07-08 00:00:00",
     "Centre-Back", "Defender", "Liverpool FC", 18000000),
    ("4", "Marco", "Rossi", "Marco Rossi", 2025, "12", "Italy", "1999-01-01 00:00:00",
     "Central Midfield", "Midfield", "AS Roma", 1000000),
    ("5", "Marco", "Rossi", "Marco Rossi", 2014, "46", "Italy", "1985-01-01 00:00:00",
     "Centre-Back", "Defender", "Inter", 200000),
    ("6", "Luca", "Bianchi", "Luca Bianchi", 2025, "5", "Italy", "2001-03-03 00:00:00",
     "Centre-Forward", "Attack", "AC Milan", 5000000),
    ("7", "Luca", "Bianchi", "Luca Bianchi", 2024, "6195", "Italy", "1998-03-03 00:00:00",
     "Goalkeeper", "Goalkeeper", "SSC Napoli", 700000),
    ("8", "Trent", "Alexander-Arnold", "Trent Alexander-Arnold", 2025, "418", "England",
     "1998-10-07 00:00:00", "Right-Back", "Defender", "Real Madrid", 75000000),
    ("9", "", "Rodri", "Rodri", 2025, "281", "Spain", "1996-06-22 00:00:00",
     "Defensive Midfield", "Midfield", "Manchester City", 75000000),
    ("10", "Mykhaylo", "Mudryk", "Mykhaylo Mudryk", 2025, "631", "Ukraine", "2001-01-05 00:00:00",
     "Left Winger", "Attack", "Chelsea FC", 25000000),
    # two namesakes, one far better known (peak value 80m against 0.3m)
    ("11", "Paolo", "Ferraresi", "Paolo Ferraresi", 2025, "5", "Italy", "1994-02-02 00:00:00",
     "Attacking Midfield", "Midfield", "AC Milan", 30000000, 80000000),
    ("12", "Dario", "Ferraresi", "Dario Ferraresi", 2025, "12", "Italy", "2005-09-09 00:00:00",
     "Left-Back", "Defender", "AS Roma", 300000, 300000),
]


def write_players(directory, rows=ROWS):
    directory.mkdir(parents=True, exist_ok=True)
    with gzip.open(directory / "players.csv.gz", "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for r in rows:
            r = list(r) if len(r) == 13 else list(r) + [r[11] * 2]     # peak: twice today's value
            w.writerow(r + ["right"])
    return directory


@pytest.fixture
def tiny_reference(tmp_path, monkeypatch):
    d = write_players(tmp_path / "reference")
    monkeypatch.setenv("MERCATO_REFERENCE_DIR", str(d))
    players.reset()
    yield d
    players.reset()
