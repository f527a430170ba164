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


_LEAD_ES = "El Sevilla prepara el mercado. El Sevilla tiene poco dinero. El Sevilla quiere cambiar y el Sevilla debe vender. "


def test_player_the_focal_club_wants_to_sign_with_no_club_named_goes_to_it():
    got = rums(_LEAD_ES + "Interesa mucho fichar a Marcos Beltrán y a Diego Roldós este verano.")
    assert ("Beltrán", None, "Sevilla") in got
    assert ("Roldós", None, "Sevilla") in got


def test_player_offered_for_sale_with_no_club_named_is_not_bought_by_the_focal_club():
    got = rums(_LEAD_ES + "Escuchará ofertas para vender a Marcos Beltrán.")
    assert not any(p == "Beltrán" and t == "Sevilla" for p, _, t in got)
