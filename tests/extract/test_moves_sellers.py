"""Seller/buyer resolution (moves.py). Every sentence is written for these tests."""
from extractors.extract import extract_text


def rums(text):
    return {(r.player.split()[-1], r.from_club, r.to_club) for r in extract_text(text).rumours}


def test_two_clubs_agreeing_the_one_named_as_destination_elsewhere_is_the_buyer():
    text = ("Everton could sign Jake Holloway on loan this week. "
            "Brentford and Everton have reached an agreement for the loan of Jake Holloway.")
    got = rums(text)
    assert ("Holloway", "Brentford", "Everton") in got
    assert not any(t == "Brentford" for _, _, t in got)


def test_club_the_money_goes_to_is_the_seller():
    text = "Il Torino ha chiuso per Andrea Sorbi: all'Atalanta andranno 12 milioni di euro."
    got = rums(text)
    assert ("Sorbi", "Atalanta", "Torino") in got
    assert not any(t == "Atalanta" for _, _, t in got)


def test_club_that_receives_a_fee_is_the_seller():
    got = rums("Arsenal sign Jake Holloway and Brentford will receive £20m for the striker.")
    assert ("Holloway", "Brentford", "Arsenal") in got


def test_club_where_the_player_still_plays_is_his_current_club_not_a_destination():
    text = ("Marcos Beltrán interesa al Real Betis. "
            "Marcos Beltrán sigue siendo importante en el Sevilla, pero podrían venderlo.")
    got = rums(text)
    assert ("Beltrán", "Sevilla", "Real Betis") in got
    assert not any(t == "Sevilla" for _, _, t in got)


def test_sales_roundup_players_leave_the_club_of_the_article():
    text = ("El Sevilla necesita vender antes de fichar. El Sevilla escucha ofertas por sus jugadores. "
            "El Sevilla quiere hacer caja.\n"
            "Marcos Beltrán suena para fichar por el Real Betis.")
    assert ("Beltrán", "Sevilla", "Real Betis") in rums(text)


def test_a_club_that_would_sell_is_the_seller_not_a_destination():
    from extractors.extract import extract_text
    rs = extract_text("El Sevilla no descarta vender a Marcos Beltrán, pretendido por el Real Betis.").rumours
    assert {(r.from_club, r.to_club) for r in rs} == {("Sevilla", "Real Betis")}


def test_a_player_offered_in_a_swap_goes_the_other_way():
    from extractors.extract.moves import _Rec, _reverse_swaps
    from extractors.extract.people import Person
    text = "non convince lo scambio con luca ferrandi."
    p = Person("luca ferrandi", "Luca Ferrandi", ["luca", "ferrandi"])
    start = text.index("luca")
    recs = {(id(p), "torino"): _Rec(p, "torino")}
    _reverse_swaps(text, [(start, start + 13, p)], recs, {id(p): "ac-milan"}, {id(p)})
    assert list(recs) == [(id(p), "ac-milan")] and recs[(id(p), "ac-milan")].from_id == "torino"


def test_player_who_is_the_object_of_a_sale_leaves_the_club_of_the_clause():
    got = rums("L'arrivo di Marco Sorbi serve a coprire la cessione di Luca Ferretti, che il Torino ha deciso.")
    assert not any(p == "Ferretti" and t == "Torino" for p, _, t in got)


def test_sale_of_a_player_towards_a_named_club_keeps_that_destination():
    got = rums("The Chelsea board approved the sale of Jake Holloway to Brentford for £20m.")
    assert any(p == "Holloway" and t == "Brentford" for p, _, t in got)
    got = rums("Dopo l'addio di Luca Ferretti in direzione Lione, il Torino cerca un difensore.")
    assert any(p == "Ferretti" and t == "Lyon" for p, _, t in got)


def test_club_that_cannot_refuse_or_rejects_an_offer_is_the_seller():
    got = rums("Chelsea are ready to bid £60m for Jake Holloway, an offer Brentford cannot refuse.")
    assert ("Holloway", "Brentford", "Chelsea") in got
    got = rums("Il Napoli ha fatto un'offerta per Luca Ferretti ma il Torino la rifiuta.")
    assert not any(p == "Ferretti" and t == "Torino" for p, _, t in got)


def test_club_of_his_earlier_time_or_of_what_he_cost_is_history():
    got = rums("Arsenal want Jake Holloway, having tracked him since his time at Brentford.")
    assert not any(t == "Brentford" for _, _, t in got)
    got = rums("Real Madrid could sign Jake Holloway for half the £40m he cost Chelsea.")
    assert not any(t == "Chelsea" for _, _, t in got)
