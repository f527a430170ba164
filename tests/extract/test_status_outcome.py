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


def test_outcome_only_cues_in_four_languages():
    assert out("Stoke sign striker Paolo Brandi on a four-year deal") == "completed"
    assert out("Chelsea want to sign striker Paolo Brandi") is None
    assert out("Il terzino, passato al Genoa la scorsa settimana, ha gia esordito") == "completed"
    assert out("El delantero ha dicho que no a la oferta del club saudi") == "denied"
    assert out("Le milieu a dit non au club anglais") == "denied"
    assert out("Il Bologna prova a chiudere per il centrocampista") == "negotiating"
    # an idiom and a future: no completion yet
    assert out("Il giocatore ha preso tempo prima di decidere") is None
    assert out("Un trasferimento che presto diventera ufficiale") is None
    # none of these move the pair model's raw cue features
    assert status_of(fold_same_length("Stoke sign striker Paolo Brandi on a four-year deal")) is None


def test_done_deals_in_round_up_wording_are_completed():
    # released players, a club's statement, past tenses of a move (read for the reported status only)
    for s in ("Marco Ferretti svincolato, Luca Bassi in prestito al Pisa.",
              "Il Cosenza ha comunicato di aver preso Dario Russo dal Bari.",
              "Dario Russo si è trasferito al Bari in estate.",
              "Centre-back Tom Hale moves from Stoke to Hull.",
              "Two late deals have been confirmed, with Hull taking Tom Hale.",
              "Elche pagaron tres millones por Pablo Ruiz.",
              "Pablo Ruiz y Dani Gil han dejado dinero en las arcas del club."):
        assert out(s) == "completed", s
