"""A sentence about "his departure" (su salida, la sua cessione, sa vente): its club sells him (moves.py)."""
from extractors.extract import extract_text


def pairs(text):
    return {(r.player.split()[-1], r.from_club, r.to_club) for r in extract_text(text).rumours}


def test_club_negotiating_his_departure_is_the_seller_not_the_destination():
    text = ("Marcos Beltrán no entra en los planes del técnico. "
            "El Sevilla tendrá que negociar su salida con clubes ingleses.")
    got = pairs(text)
    assert not any(t == "Sevilla" for (_, _, t) in got)


def test_italian_sua_cessione_makes_the_club_the_seller():
    text = "Andrea Sorbi non rientra nei piani. Il Torino valuta la sua cessione in estate."
    assert not any(t == "Torino" for (_, _, t) in pairs(text))
