"""Fees: which number, its kind and its role. All sentences are written for these tests."""
from extractors.extract.fees import find_fees
from extractors.extract.text import fold_same_length


def fees(text, lang="en"):
    return find_fees(text, fold_same_length(text), lang, lambda i: 0)


def test_release_clause_after_a_bracketed_conversion_is_a_clause():
    fs = fees("The forward has a €90m (£75.5m) release clause in his contract.")
    assert [f.fee.kind for f in fs] == ["clause", "clause"]
    assert fs[1].conversion and not fs[0].conversion


def test_agreed_fee_has_the_agreed_role():
    fs = fees("Il Torino ha trovato l'accordo: 12 milioni pattuiti con il Genoa.", "it")
    assert fs[0].fee.kind == "fee" and fs[0].role == "agreed"


def test_offer_has_the_offer_role():
    fs = fees("Chelsea have made a £30m offer for the defender.")
    assert fs[0].role == "offer"


def test_asking_price_has_the_asking_role():
    fs = fees("Everton want an asking price of £40m for the winger.")
    assert fs[0].role == "asking"


def test_half_of_a_past_fee_is_halved_and_is_a_price():
    fs = fees("Their club would only accept half the £30m he cost two years ago.")
    assert fs[0].fee.amount == 15_000_000 and fs[0].fee.kind == "fee"
    assert fs[0].fee.phrase.startswith("half")


def test_combined_fee_for_two_players_is_flagged():
    fs = fees("El Betis ofrece 18 millones de euros por los dos jugadores.", "es")
    assert fs[0].combined and fs[0].fee.amount == 18_000_000


def test_free_loan_is_a_zero_loan_fee_without_currency():
    fs = fees("Il terzino va in prestito al Genoa a titolo gratuito fino a giugno.", "it")
    z = [f for f in fs if f.fee.amount == 0]
    assert z and z[0].fee.kind == "loan_fee" and z[0].fee.currency is None


def test_range_phrase_has_no_leading_space_and_uses_lower_bound():
    fs = fees("Será traspasado por una cifra entre 12 y 16 kilos.", "es")
    assert fs[0].fee.amount == 12_000_000 and fs[0].fee.phrase == "12 y 16 kilos"


def test_wage_is_not_a_fee():
    fs = fees("He earns £90,000 a week at his current club.")
    assert fs[0].fee.kind == "wage"
