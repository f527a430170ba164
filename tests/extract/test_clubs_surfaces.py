"""Clubs: aliases with punctuation, common words at sentence start, surnames that are club names.
All sentences are written for these tests."""
from extractors.extract.clubs import Club, ClubIndex
from extractors.extract.text import fold_same_length


def index():
    def c(cid, name, short, aliases=()):
        return Club(cid, name, short, "X", "L", 1, tuple(aliases))
    return ClubIndex([c("st-pauli", "FC St. Pauli", "St. Pauli", ["St Pauli"]),
                      c("newells", "Newell's Old Boys", "Newell's", ["Newells"]),
                      c("koln", "1. FC Köln", "Köln", ["FC Köln"]),
                      c("como", "Como", "Como"), c("nice", "Nice", "Nice", ["OGC Nice"]),
                      c("santos", "Santos", "Santos"), c("chelsea", "Chelsea", "Chelsea"),
                      c("brighton", "Brighton & Hove Albion", "Brighton")])


def names(text, lang="en"):
    return [m.name for m in index().find(text, fold_same_length(text), lang)]


def test_alias_with_a_dot_matches():
    assert names("The defender joined St. Pauli last week.") == ["FC St. Pauli"]


def test_alias_with_an_apostrophe_matches():
    assert names("El volante dejó Newell's en enero.", "es") == ["Newell's Old Boys"]


def test_alias_starting_with_a_number_and_dot_matches():
    assert names("Der Stürmer wechselt zum 1. FC Köln.", "unknown") == ["1. FC Köln"]


def test_alias_with_an_ampersand_matches():
    assert names("He signed for Brighton & Hove Albion in June.") == ["Brighton & Hove Albion"]


def test_sentence_initial_common_word_is_not_a_club():
    assert names("Como ya pasó el año pasado, el lateral saldrá.", "es") == []
    assert names("Nice goal from the winger last night.") == []


def test_same_word_written_as_a_club_elsewhere_keeps_it():
    assert names("Nice have agreed a fee. The striker will join Nice on Monday.") == ["Nice", "Nice"]


def test_club_name_after_a_given_name_is_a_surname():
    assert names("Como ya pasó con Luis Ortega o Marlon Santos, el club venderá.", "es") == []


def test_two_clubs_in_a_row_are_both_clubs():
    assert names("The friendly Chelsea Santos ended level.") == ["Chelsea", "Santos"]
