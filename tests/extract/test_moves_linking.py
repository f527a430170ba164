"""Rumour linking rules (moves.py). Every sentence is written for these tests."""
from extractors.extract import extract_text
from extractors.extract.deal import status_of
from extractors.extract.text import fold_same_length


def pairs(text, **kw):
    return {(r.player.split()[-1], r.from_club, r.to_club) for r in extract_text(text, **kw).rumours}


def by_to(text, surname, to_club):
    hits = [r for r in extract_text(text).rumours if r.player.endswith(surname) and r.to_club == to_club]
    assert hits, pairs(text)
    return hits[0]


def test_roundup_sentence_links_each_club_to_the_player_of_its_clause():
    got = pairs("Transfer round-up: Arsenal are pushing hard for Tommaso Ferri, Chelsea want Paolo Brandi, "
                "Everton have a new goalkeeper.")
    assert ("Ferri", None, "Arsenal") in got
    assert ("Brandi", None, "Chelsea") in got
    assert not any(p == "Ferri" and to == "Chelsea" for p, _, to in got)
    assert not any(p == "Brandi" and to == "Arsenal" for p, _, to in got)


def test_coordinated_players_share_the_club_of_their_clause():
    got = pairs("Mercato : Marco Vitali et Luca Peroni espérés à la Juventus, Chelsea cherche un gardien.")
    assert ("Vitali", None, "Juventus") in got and ("Peroni", None, "Juventus") in got
    assert not any(to == "Chelsea" for _, _, to in got)


def test_club_asking_a_price_is_the_seller():
    r = by_to("Il Milan vuole Andrea Sorbi ma il Torino chiede 20 milioni per lasciarlo partire.", "Sorbi", "AC Milan")
    assert r.from_club == "Torino"
    assert "Torino" not in {t for _, _, t in pairs("Il Milan vuole Andrea Sorbi ma il Torino chiede 20 milioni.")}


def test_paying_a_club_marks_it_as_the_seller():
    r = by_to("Everton have agreed to sign Jake Holloway on loan and would pay Brentford a fee of £2m.",
              "Holloway", "Everton")
    assert r.from_club == "Brentford"


def test_loan_review_line_name_then_club_in_brackets_is_an_existing_loan():
    text = ("El Sevilla tiene varios jugadores cedidos esta temporada en otros clubes de la liga.\n"
            "Pablo Serrano (Betis)\n"
            "El Betis tiene una opción de compra de 8 millones de euros y todo apunta a que la usará.\n"
            "Diego Marín (Real Madrid)\n"
            "Se marchó cedido sin opción de compra y volverá en junio.\n")
    a = by_to(text, "Serrano", "Real Betis")
    assert (a.from_club, a.status, a.deal_type) == ("Sevilla", "completed", "loan_with_option")
    b = by_to(text, "Marín", "Real Madrid")
    assert (b.from_club, b.status, b.deal_type) == ("Sevilla", "completed", "loan")


def test_plural_anaphor_links_both_players_named_before():
    text = ("El Real Madrid podría vender a dos jugadores este verano. Uno es Sergio Lanza, el otro es Raúl Medina. "
            "El Milan estaría dispuesto a pagar 20 millones por los dos futbolistas.")
    got = pairs(text)
    assert ("Lanza", "Real Madrid", "AC Milan") in got or any(p == "Lanza" and t == "AC Milan" for p, _, t in got)
    assert any(p == "Medina" and t == "AC Milan" for p, _, t in got)


def test_negated_denial_is_not_a_denial():
    assert status_of(fold_same_length("en el club no se descarta su venta en verano")) != "denied"
    assert status_of(fold_same_length("a move has not been ruled out by the club")) != "denied"
    assert status_of(fold_same_length("the club have ruled out a move")) == "denied"


def test_negated_renewal_marks_the_current_club_not_a_destination():
    got = pairs("La Juventus è pronta a prendere Marco Danti se il giocatore non rinnoverà con il Napoli.")
    assert any(p == "Danti" and f == "Napoli" and t == "Juventus" for p, f, t in got)
    assert not any(t == "Napoli" for _, _, t in got)


def test_interest_from_a_club_makes_it_a_suitor_not_the_current_club():
    got = pairs("Chelsea's arrival puts a question over Inter forward Paolo Brandi, who has attracted interest "
                "from Everton and Arsenal.")
    assert any(p == "Brandi" and t == "Everton" for p, _, t in got)
    assert any(p == "Brandi" and t == "Arsenal" for p, _, t in got)


def test_club_a_player_is_the_new_striker_of_is_his_destination_not_his_club():
    from extractors.extract import extract_text
    got = {(r.player.split()[-1], r.from_club, r.to_club) for r in extract_text(
        "Ufficiale: Álvaro Ruiz è il nuovo attaccante della Juventus. Al Torino vanno 20 milioni.").rumours}
    assert any(p == "Ruiz" and t == "Juventus" for p, _, t in got)
    assert not any(p == "Ruiz" and f == "Juventus" for p, f, _ in got)
    got = {(r.player.split()[-1], r.to_club) for r in extract_text(
        "Arsenal's new signing Jake Holloway has passed his medical.").rumours}
    assert ("Holloway", "Arsenal") in got


def test_player_a_signing_would_replace_or_compete_with_is_not_moving():
    from extractors.extract import extract_text
    got = {(r.player.split()[-1], r.to_club) for r in extract_text(
        "Chelsea want to sign Jake Holloway to replace Marco Sorbi next summer.").rumours}
    assert ("Holloway", "Chelsea") in got
    assert not any(p == "Sorbi" for p, _ in got)
    got = {(r.player.split()[-1], r.to_club) for r in extract_text(
        "Il Torino vuole Luca Ferretti per fare concorrenza a Marco Sorbi.").rumours}
    assert not any(p == "Sorbi" for p, _ in got)
