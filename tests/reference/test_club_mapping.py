"""The transfermarkt_club_id column of our club reference, and the script that fills it."""
import csv

import pytest

from extractors.config import REFERENCE_DIR
from extractors.tmref import link, map_clubs, settings
from extractors.tmref.clubmap import to_tm

TOP_FIVE = {"Serie A", "Premier League", "LaLiga", "Bundesliga", "Ligue 1"}


def _rows():
    with (REFERENCE_DIR / "clubs.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_top_five_club_has_a_transfermarkt_id():
    rows = [r for r in _rows() if r["league"] in TOP_FIVE]
    assert len(rows) == 96
    assert [r["club_id"] for r in rows if not r["transfermarkt_club_id"].isdigit()] == []


def test_transfermarkt_ids_are_unique():
    ids = [r["transfermarkt_club_id"] for r in _rows() if r["transfermarkt_club_id"]]
    assert len(ids) == len(set(ids)) and len(ids) > 400


def test_matching_drops_legal_words_and_prefers_close_names():
    assert map_clubs.words("Società Sportiva Lazio S.p.A.") == ("lazio",)
    assert map_clubs.words("Bologna Football Club 1909") == ("bologna",)
    ref = [{"id": "1", "name": "Real Madrid", "country": "Spain", "last_season": 2025,
            "forms": {("real", "madrid")}},
           {"id": "2", "name": "Atlético de Madrid", "country": "Spain", "last_season": 2025,
            "forms": {("atletico", "madrid")}},
           {"id": "3", "name": "Real Madrid Castilla", "country": "Spain", "last_season": 2014,
            "forms": {("real", "madrid", "castilla")}}]
    club = {"name": "Atlético Madrid", "short_name": "Atlético", "country": "Spain",
            "aliases": "Atleti|Madrid"}
    assert map_clubs.match(club, ref)[0] == "2"
    club = {"name": "Real Madrid", "short_name": "Real Madrid", "country": "Spain", "aliases": "Madrid"}
    assert map_clubs.match(club, ref)[0] == "1"
    assert map_clubs.match({**club, "country": "Italy"}, ref)[0] is None


def test_club_context_maps_our_ids(tiny_reference):
    assert to_tm({"juventus", "liverpool", "no-such-club"}) == {"506", "31"}
    assert link("Kalulu", club_ids={"juventus"}) == "1"        # Pierre Kalulu, Juventus
    assert link("Kalulu", club_ids={"ac-milan"}) is None


@pytest.mark.skipif(not (settings.SHARED_SNAPSHOT / "clubs.csv.gz").is_file(),
                    reason="the shared transfermarkt snapshot is not on this machine")
def test_committed_mapping_is_what_the_script_computes(monkeypatch, capsys):
    monkeypatch.setenv("MERCATO_REFERENCE_DIR", str(settings.SHARED_SNAPSHOT))
    assert map_clubs.main(["--check"]) == 0
    assert "502 of 728 clubs mapped" in capsys.readouterr().out
