"""Whose is "the contract with X", and who "the player" is, when a signing is named in passing (moves.py)."""
from extractors.extract import extract_text


def recs(text):
    return {(r.player.split()[-1], r.from_club, r.to_club) for r in extract_text(text).rumours}


def test_contract_club_of_the_subject_is_the_destination_of_the_player_signed_in_passing():
    text = ("El otro es Marcos Beltrán, que con el posible fichaje de Luis Ortega perdería protagonismo "
            "en su último año de contrato con el Real Betis.")
    got = recs(text)
    assert ("Ortega", None, "Real Betis") in got


def test_anaphora_skips_the_player_signed_in_passing():
    text = ("El otro es Marcos Beltrán, que con el posible fichaje de Luis Ortega perdería protagonismo. "
            "Por eso el jugador podría pedir salir y el Sevilla negociaría su salida.")
    got = recs(text)
    assert not any(p == "Ortega" and f == "Sevilla" for (p, f, _) in got)
