"""A bid being prepared or studied is interest, not a bid made (deal.py)."""
from extractors.extract.deal import status_of


def test_bid_being_prepared_is_not_negotiating():
    assert status_of("el betis prepara una ofensiva de 10 millones") is None
    assert status_of("the club are preparing a bid of 10 million") is None


def test_no_formal_offer_yet_is_not_a_denial():
    assert status_of("todavia no hay una oferta formal por el jugador") != "denied"


def test_completed_with_only_the_medical_missing_is_agreed():
    from extractors.extract.deal import status_for
    assert status_for(["il torino ha chiuso l'acquisto ufficiale di sorbi", "mancano solo le visite mediche"]) == "agreed"
    assert status_for(["the deal is official and he has signed"]) == "completed"
