"""One club beats another to a player: the winner's move goes ahead, the loser's is off (moves.py)."""
from extractors.extract import extract_text


def statuses(text):
    return {r.to_club: r.status for r in extract_text(text).rumours}


def test_club_beaten_to_the_player_is_denied_and_the_winner_is_not():
    got = statuses("Chelsea beat Arsenal to Andrea Sorbi, the Torino midfielder, for a fee of 30 million.")
    assert got.get("Arsenal") == "denied"
    assert got.get("Chelsea") in ("agreed", "completed")


def test_a_possible_overtaking_is_no_race_result():
    got = statuses("Il Napoli potrebbe anticipare la Juventus per Andrea Sorbi del Torino.")
    assert got.get("Juventus") != "denied"
