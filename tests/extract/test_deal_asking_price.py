"""Deal type next to a seller's asking price (moves.py / deal.py)."""
from extractors.extract import extract_text


def deals(text):
    return {r.to_club: r.deal_type for r in extract_text(text).rumours}


def test_asking_price_with_several_suitors_only_interested_leaves_the_deal_open():
    text = ("Andrea Sorbi, centrocampista del Torino, è nel mirino della Juventus e del Napoli. "
            "Il Torino chiede 20 milioni per il giocatore.")
    got = deals(text)
    assert got.get("Juventus") is None and got.get("Napoli") is None


def test_asking_price_with_one_suitor_is_a_permanent_deal():
    text = ("Andrea Sorbi, centrocampista del Torino, è nel mirino della Juventus. "
            "Il Torino chiede 20 milioni per il giocatore.")
    assert deals(text).get("Juventus") == "permanent"
