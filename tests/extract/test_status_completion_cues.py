"""Completed and negotiated moves in the words each language reports them with (deal.py, lexicon).
Every sentence is written for these tests."""
from extractors.extract.deal import status_of
from extractors.extract.text import fold_same_length


def st(sentence):
    return status_of(fold_same_length(sentence))


def test_italian_completion_verbs():
    assert st("Il centrocampista si accasa al Torino dopo due stagioni in prestito") == "completed"
    assert st("La Fiorentina dà in prestito il giovane terzino al Lecce") == "completed"
    assert st("Il Bologna si aggiudica il difensore per otto milioni") == "completed"
    assert st("L'attaccante si trasferisce in Turchia a titolo definitivo") == "completed"


def test_english_renewals_and_confirmed_moves():
    assert st("The midfielder renews his contract until 2029") == "completed"
    assert st("The defender has put pen to paper on a three-year deal") == "completed"


def test_spanish_completion_verbs():
    assert st("El lateral jugará cedido en el Granada lo que resta de temporada") == "completed"
    assert st("El club ha renovado al central hasta 2028") == "completed"
    assert st("El extremo llega procedente del Celta") == "completed"


def test_french_completion_verbs():
    assert st("Le milieu a quitté le club cet hiver") == "completed"
    assert st("Le club a recruté un nouvel arrière gauche") == "completed"
    assert st("Le défenseur a prolongé jusqu'en 2028") == "completed"


def test_interest_and_intent_stay_open():
    assert st("Il Torino vorrebbe il centrocampista, ma il Sassuolo chiede 10 milioni") is None
    assert st("Le club veut recruter un nouvel arrière gauche") is None
    assert st("Arsenal want to sign the midfielder this summer") is None


def test_italian_and_spanish_negotiation_cues():
    assert st("I granata sono vicini all'esterno del Cagliari") == "negotiating"
    assert st("Il Torino sull'esterno: accelerata nelle ultime ore") == "negotiating"
    assert st("La Lazio continua a lavorare per il centrocampista") == "negotiating"
    assert st("Il Genoa preme per il difensore del Cagliari") == "negotiating"
    assert st("El Valencia está ultimando el traspaso del central") == "negotiating"
    assert st("El Betis sigue en conversaciones con el lateral") == "negotiating"
