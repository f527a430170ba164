"""Pro-drop anaphora (moves.py): a sentence with no name continues its paragraph's player."""
from extractors.extract import extract_text


def pairs(text):
    return {(r.player.split()[-1], r.to_club) for r in extract_text(text).rumours}


def test_pro_drop_sentence_in_the_same_paragraph_links_the_paragraph_player():
    text = ("Otro caso es el de Marcos Beltrán, que no entra en los planes del técnico. "
            "Sonó con fuerza para el Real Betis durante las últimas semanas.")
    assert ("Beltrán", "Real Betis") in pairs(text)


def test_pro_drop_does_not_cross_a_paragraph_break():
    text = ("Otro caso es el de Marcos Beltrán, que no entra en los planes del técnico.\n\n"
            "Sonó con fuerza para el Real Betis durante las últimas semanas.")
    assert ("Beltrán", "Real Betis") not in pairs(text)


def test_italian_wanting_verb_is_a_move_cue():
    assert ("Sorbi", "Torino") in pairs("Il Torino vuole Andrea Sorbi per la prossima stagione.")
