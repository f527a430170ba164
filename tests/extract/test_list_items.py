"""A club's list of arrivals or departures whose players each carry a club in brackets
(assemble._list_items, list_items_moved): arrivals go to the focal club from the bracketed one,
departures from the focal club to the bracketed one.  Invented sentences."""
from extractors.extract.assemble import _list_items
from extractors.extract.pipeline import analyse, extract_text

ES = ("El Betis cierra su mercado de invierno. El Betis ha sido el club más activo de la zona alta. "
      "Los verdiblancos se han movido bien en cesiones, con la llegada de Marcos Trevijano (Sevilla), "
      "Luis Ordóñez (Chelsea) y Hugo Palmerín (Lyon). El Betis no ha gastado ni un euro.")
IT = ("Il Napoli ha chiuso il mercato. Il Napoli ha lavorato molto. Acquisti: Matteo Rinaldelli "
      "(Torino), Pietro Canavesi (Fiorentina). Cessioni: Andrea Fumagotti (Atalanta). Il Napoli punta in alto.")


def _items(text):
    return {(p.name, cid, side) for p, cid, side, *_ in _list_items(analyse(text))}


def test_arrivals_and_departures_are_read_with_their_bracketed_club():
    got = _items(IT)
    assert ("Matteo Rinaldelli", "torino", "in") in got
    assert ("Pietro Canavesi", "fiorentina", "in") in got
    assert ("Andrea Fumagotti", "atalanta", "out") in got


def test_no_cue_no_item():
    assert _items("Ieri hanno giocato Matteo Rinaldelli (Torino) e Pietro Canavesi (Fiorentina).") == set()


def test_arrivals_join_the_focal_club_from_the_bracketed_one():
    got = {(r.player, r.from_club_id, r.to_club_id): r for r in extract_text(ES).rumours}
    for name, old in (("Marcos Trevijano", "sevilla"), ("Luis Ordóñez", "chelsea"), ("Hugo Palmerín", "lyon")):
        r = got.get((name, old, "real-betis"))
        assert r is not None, got.keys()
        assert r.status == "completed" and r.deal_type == "loan"
    assert not any(to in ("sevilla", "chelsea", "lyon") for _, _, to in got)


def test_departures_leave_the_focal_club_for_the_bracketed_one():
    got = {(r.player, r.from_club_id, r.to_club_id) for r in extract_text(IT).rumours}
    assert ("Andrea Fumagotti", "napoli", "atalanta") in got
    assert ("Matteo Rinaldelli", "torino", "napoli") in got
    assert not any(p == "Matteo Rinaldelli" and to == "fiorentina" for p, _, to in got)
