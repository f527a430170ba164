"""A player's own club, as the text marks it (candidates.own_club_cue), is kept out of his
destinations when a buyer is as likely (assemble.own_clubs_dropped).  Every sentence is written
for these tests."""
from types import SimpleNamespace

from extractors.extract.assemble import THRESHOLD, own_clubs_dropped
from extractors.extract.pipeline import analyse


def own(text, player):
    """{club surface: marked as the player's own} over the player's candidates."""
    a = analyse(text)
    return {c.club.surface: c.own for c in a.candidates.candidates
            if c.club is not None and c.person.name.endswith(player)}


def test_a_player_noun_in_the_genitive_marks_his_club():
    assert own("Il Napoli vuole Marco Belardi, centrocampista della Fiorentina, per gennaio.", "Belardi") == \
        {"Napoli": False, "Fiorentina": True}
    assert own("El Sevilla pregunta por Diego Marqués, jugador del Betis.", "Marqués") == \
        {"Sevilla": False, "Betis": True}


def test_the_club_man():
    assert own("Arsenal are keen on the Everton man Tom Hadley.", "Hadley") == {"Arsenal": False, "Everton": True}


def test_a_target_of_a_club_is_not_its_player():
    from extractors.extract.candidates import _GENITIVE_BEFORE

    assert _GENITIVE_BEFORE.search("il centrocampista della ") and _GENITIVE_BEFORE.search("el delantero del ")
    assert not _GENITIVE_BEFORE.search("the main target of ") and not _GENITIVE_BEFORE.search("the signing of ")


def test_every_mention_of_the_pair_counts_not_the_nearest_only():
    # the mention of Everton nearest to Hadley is not the one glued to his name
    text = "Everton will listen to offers as Arsenal ask about Tom Hadley of Everton."
    assert own(text, "Hadley") == {"Everton": True, "Arsenal": False}


def _cands(*own_flags):
    p = SimpleNamespace(name="Tom Hadley")
    return [SimpleNamespace(person=p, club=SimpleNamespace(club_id=str(i)) if f is not None else None, own=bool(f))
            for i, f in enumerate(own_flags)]


def test_his_own_club_is_dropped_when_a_buyer_is_as_likely():
    assert own_clubs_dropped(_cands(True, False, None), [0.5, 0.6, 0.1]) == [0.0, 0.6, 0.1]
    assert own_clubs_dropped(_cands(True, False), [0.6, 0.6]) == [0.0, 0.6]


def test_his_own_club_stays_when_alone_or_likelier():
    assert own_clubs_dropped(_cands(True, False), [0.7, 0.5]) == [0.7, 0.5]          # likelier than the buyer
    below = THRESHOLD - 0.01
    assert own_clubs_dropped(_cands(True, False), [0.7, below]) == [0.7, below]      # no other accepted
    assert own_clubs_dropped(_cands(True, True), [0.4, 0.6]) == [0.4, 0.6]           # no unmarked club to prefer


def test_a_club_showing_interest_is_a_suitor_not_his_club():
    assert own("Tom Hadley, who has attracted interest from Everton, wants to leave.", "Hadley") == {"Everton": False}


def test_a_club_selling_the_player_is_his_club():
    assert own("Il Napoli cede Marco Belardi alla Fiorentina per gennaio.", "Belardi") == \
        {"Napoli": True, "Fiorentina": False}
    assert own("El Betis vende a Diego Marqués al Sevilla.", "Marqués") == {"Betis": True, "Sevilla": False}
    assert own("Everton are ready to sell Tom Hadley, with Arsenal keen.", "Hadley") == \
        {"Everton": True, "Arsenal": False}
