"""A lone name (one capitalised word) confirmed by the next sentence describing a player (moves.py)."""
from extractors.extract import extract_text


def pairs(text):
    return {(r.player.split()[-1], r.to_club) for r in extract_text(text).rumours}


def test_lone_name_followed_by_a_descriptive_sentence_is_the_mover():
    text = ("El último nombre de la lista es Bertolino. "
            "El argentino de 25 años está cedido al Sevilla con una opción de compra.")
    assert ("Bertolino", "Sevilla") in pairs(text)


def test_lone_name_without_a_descriptive_sentence_is_not_linked():
    text = "El último nombre de la lista es Bertolino. Está cedido al Sevilla con una opción de compra."
    assert ("Bertolino", "Sevilla") not in pairs(text)
