"""A sentence that opens with a bare surname ("Ferrandelli è ormai un giocatore del Torino") names a
person when the transfermarkt reference knows a footballer of that surname (people.py).  A
small reference of invented players stands in for the real one; every sentence is written for
these tests."""
import pytest

from extractors import tmref
from extractors.extract.pipeline import analyse
from extractors.tmref.players import Candidate, _index

TEXT = "Il mercato del Torino si muove. Ferrandelli è ormai un giocatore del Torino."


def person_names(text):
    return {p.name for p in analyse(text).persons}


@pytest.fixture
def reference_with(monkeypatch):
    def use(*surnames):
        players = [Candidate(str(i), f"Mario {s}", "Mario", s, None, "Attack", None, "Italy", None, None, None, 2024)
                   for i, s in enumerate(surnames)]
        ref = _index(players)
        monkeypatch.setattr(tmref, "reference", lambda: ref)
    return use


def test_a_sentence_initial_surname_the_reference_knows_is_a_person(reference_with):
    reference_with("Ferrandelli")
    assert "Ferrandelli" in person_names(TEXT)


def test_without_the_reference_a_lone_sentence_initial_word_is_not_a_name(reference_with):
    reference_with("Rossi")
    assert "Ferrandelli" not in person_names(TEXT)
