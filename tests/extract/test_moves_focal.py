"""Moves implied by the article's own club (moves.py). Every sentence is written for these tests."""
from extractors.extract import extract_text


def rums(text):
    return {(r.player.split()[-1], r.from_club, r.to_club) for r in extract_text(text).rumours}


_LEAD = ("Il Torino prepara il mercato estivo. Il Torino ha pochi soldi. "
         "Il Torino vuole cambiare molto e il Torino deve anche vendere. ")


def test_player_listed_on_the_focal_clubs_incoming_side_goes_to_it():
    got = rums(_LEAD + "In entrata, per la difesa il favorito resta Luca Ferretti (Atalanta).")
    assert ("Ferretti", "Atalanta", "Torino") in got


def test_target_owned_by_another_named_club_is_not_the_focal_clubs():
    got = rums(_LEAD + "Luca Ferretti (Atalanta) è un vecchio obiettivo del Genoa.")
    assert ("Ferretti", "Atalanta", "Torino") not in got
