"""A price stated in a sentence after the player's, naming nobody and no other club, is the
price of his move (assemble.py).  Every sentence is written for these tests."""
from extractors.extract import extract_text


def fees(text):
    return {r.player.split()[-1]: (r.fee.amount if r.fee else None) for r in extract_text(text).rumours}


def test_the_price_in_a_following_sentence_that_names_nobody_is_the_players():
    # the rules give the price to the player named last; the selling club's price is Belardi's too
    text = ("Marco Belardi dell'Atalanta piace alla Juventus, che segue anche Luca Ferri del Torino.\n\n"
            "L'Atalanta chiede 20 milioni di euro.")
    assert fees(text).get("Belardi") == 20_000_000


def test_a_price_next_to_another_club_is_not_taken():
    text = ("La Juventus ha messo nel mirino Marco Belardi dell'Atalanta.\n\n"
            "Il Napoli invece ha speso 20 milioni di euro per un difensore.")
    assert fees(text).get("Belardi") is None
