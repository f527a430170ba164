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


def test_descriptive_demonym_refers_back_to_the_player_named_before():
    text = ("Marco Ventresca ha chiesto di partire.\n\nIl club aspetta offerte. Tre squadre lo seguono da mesi. "
            "Sull'argentino c'è l'interesse del Chelsea e dell'Arsenal.")
    got = pairs(text)
    assert ("Ventresca", "Chelsea") in got and ("Ventresca", "Arsenal") in got


def test_english_nationality_noun_refers_back_to_the_player():
    text = ("Jonas Kowalski scored twice at the weekend. His form has been noticed across Europe. "
            "The club value him highly. Chelsea are keen on the Pole.")
    assert ("Kowalski", "Chelsea") in pairs(text)


def test_the_two_players_are_the_subjects_of_the_previous_sentences_not_a_name_in_passing():
    text = ("Uno es Marcos Beltrán, que quiere salir. "
            "El otro es Jorge Salinas, que con la llegada de Pablo Ortiz perdería sitio. "
            "El Sevilla estaría dispuesto a pagar 20 millones por los dos jugadores.")
    got = pairs(text)
    assert ("Beltrán", "Sevilla") in got and ("Salinas", "Sevilla") in got
    assert ("Ortiz", "Sevilla") not in got
