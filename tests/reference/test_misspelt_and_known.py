"""Names spelt otherwise than the reference, and persons the reference knows as footballers."""
import csv
import gzip

from extractors.extract.pipeline import _reference_footballers, analyse
from extractors.tmref.linker import link
from extractors.tmref.players import skeleton


def test_skeleton_forgives_doubled_letters_and_y():
    assert skeleton("damsgard") == skeleton("damsgaard")
    assert skeleton("ullises garcia") == skeleton("ulisses garcia")
    assert skeleton("el shaarawi") == skeleton("el shaarawy")
    assert skeleton("rossi") != skeleton("rosa")


def test_a_misspelt_name_links_only_with_the_texts_evidence(tiny_reference):
    # "Pierre Kalullu": no reference player is spelt so; his club in the article decides
    assert link("Pierre Kalullu", club_ids=["juventus"]) == "1"
    assert link("Kalullu", club_ids=["juventus"]) == "1"
    assert link("Pierre Kalullu") is None                          # never on the name alone
    from extractors.tmref.linker import link_in
    from extractors.tmref.players import reference

    assert link_in(reference(), "Pierre Kalullu", club_ids=["juventus"], misspelt=False) is None


def test_a_reference_footballer_on_a_football_page_is_a_player(tiny_reference):
    a = analyse("La Juventus e il Liverpool parlano di Virgil van Dijk. L'Inter osserva.", month="2026-01")
    known = {p.name for p in a.candidates.persons if id(p) in _reference_footballers(a)}
    assert known == {"Virgil van Dijk"}
    # a page naming fewer than two clubs: a namesake is no footballer there
    a = analyse("Virgil van Dijk ha aperto una pizzeria a Roma.", month="2026-01")
    assert _reference_footballers(a) == []


def test_a_reference_coach_is_not_taken_for_a_player(tiny_reference):
    with gzip.open(tiny_reference / "clubs.csv.gz", "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["club_id", "name", "coach_name", "stadium_name"])
        w.writerow(["31", "Liverpool FC", "Virgil van Dijk", "Anfield"])
    a = analyse("La Juventus e il Liverpool parlano di Virgil van Dijk. L'Inter osserva.", month="2026-01")
    assert _reference_footballers(a) == []
