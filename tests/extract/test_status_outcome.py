"""The reported status (deal.outcome_of, assemble.py); every sentence is written for these tests."""
from extractors.extract.deal import outcome_of, status_for, status_of
from extractors.extract.text import fold_same_length


def out(sentence):
    return outcome_of(fold_same_length(sentence))


def test_a_completion_only_in_prospect_is_not_completed():
    assert out("Brentford are set to complete the signing of the winger for £9m") == "negotiating"
    assert out("In caso di cessione di Rossi, il club cerchera un nuovo attaccante") is None
    assert out("Il Torino nelle prossime ore annuncera l'acquisto del difensore") is None
    # the raw cue reading (the pair model's features) is unchanged
    assert status_of(fold_same_length("In caso di cessione di Rossi, il club cerchera un attaccante")) == "completed"


def test_a_completion_stated_stays_completed():
    assert out("Il difensore e ufficialmente un nuovo giocatore del Torino") == "completed"
    assert out("Brentford have completed the signing of the winger, but the fee is undisclosed") == "completed"
    assert status_for([fold_same_length("il club potrebbe cercare un attaccante"),
                       fold_same_length("il difensore ha firmato fino al 2029")], outcome_of) == "completed"
