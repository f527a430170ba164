"""The extraction pipeline sets player_id through the linker, on a tiny reference of our own."""
from extractors.extract import extract_text
from extractors.extract.model import ClubMention, PlayerMention, Rumour
from extractors.tmref import players
from extractors.tmref.attach import attach_player_ids

TEXT = ("La Juventus blinda Pierre Kalulu, mentre il Liverpool ascolta le offerte per Virgil van Dijk. "
        "Il Milan ha chiesto informazioni: Kalulu resta a Torino. "
        "L'allenatore Marco Rossi ha parlato in conferenza.")


def test_extraction_links_players_and_rumours(tiny_reference):
    ex = extract_text(TEXT, month="2026-01")
    ids = {p.name: p.player_id for p in ex.players}
    assert len(ex.rumours) >= 2 and ids.get("Marco Rossi", "absent") is None     # a coach
    assert ids.get("Pierre Kalulu") == "1" and ids.get("Virgil van Dijk") == "3"
    for r in ex.rumours:
        assert r.player_id == {"Pierre Kalulu": "1", "Kalulu": "1", "Virgil van Dijk": "3"}.get(r.player)
    assert all(p.player_id is None for p in ex.players if p.role != "player")


def test_surname_takes_the_articles_full_name_link(tiny_reference):
    # "Aldo Kalulu" is named in full: the lone "Kalulu" is him, not the Juventus defender that the
    # club context alone would pick; two full names ending with a surname leave it unlinked
    clubs = [ClubMention("juventus", "Juventus", "Juventus", 0)]
    people = [PlayerMention("kalulu", "Kalulu"), PlayerMention("aldo kalulu", "Aldo Kalulu")]
    rumours = [Rumour("Kalulu", "kalulu", None, "Juventus", to_club_id="juventus")]
    attach_player_ids(people, rumours, clubs, "2026-01")
    assert [p.player_id for p in people] == ["2", "2"] and rumours[0].player_id == "2"
    alone = [PlayerMention("kalulu", "Kalulu")]
    attach_player_ids(alone, [], clubs, "2026-01")
    assert alone[0].player_id == "1"
    two = [PlayerMention("kalulu", "Kalulu"), PlayerMention("aldo kalulu", "Aldo Kalulu"),
           PlayerMention("pierre kalulu", "Pierre Kalulu")]
    attach_player_ids(two, [], clubs, "2026-01")
    assert [p.player_id for p in two] == [None, "2", "1"]


def test_a_coach_is_not_linked_to_a_player(tiny_reference):
    people = [PlayerMention("virgil van dijk", "Virgil van Dijk", role="coach")]
    rumours = [Rumour("Virgil van Dijk", "virgil van dijk", None, None)]
    attach_player_ids(people, rumours, [], "2026-01")
    assert people[0].player_id is None and rumours[0].player_id is None


def test_without_reference_extraction_is_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_REFERENCE_DIR", str(tmp_path / "none"))
    players.reset()
    ex = extract_text(TEXT, month="2026-01")
    assert ex.players and all(p.player_id is None for p in ex.players)
    assert all(r.player_id is None for r in ex.rumours)
    players.reset()


def test_a_movers_own_clubs_come_before_the_articles(tiny_reference):
    # an article naming Juventus (Pierre Kalulu's club) and Partizan (Aldo's): its clubs alone are
    # a toss-up; a move from Partizan to Milan names only Aldo's club, one to Juventus both
    clubs = [ClubMention("juventus", "Juventus", "Juventus", 0), ClubMention("partizan", "Partizan", "Partizan", 40),
             ClubMention("ac-milan", "AC Milan", "Milan", 80)]
    people = [PlayerMention("kalulu", "Kalulu")]
    rumours = [Rumour("Kalulu", "kalulu", "Partizan", "AC Milan", from_club_id="partizan", to_club_id="ac-milan")]
    attach_player_ids(people, rumours, clubs, "2026-01")
    assert people[0].player_id == "2" and rumours[0].player_id == "2"
    both = [Rumour("Kalulu", "kalulu", "Partizan", "Juventus", from_club_id="partizan", to_club_id="juventus")]
    people = [PlayerMention("kalulu", "Kalulu")]
    attach_player_ids(people, both, clubs, "2026-01")
    assert both[0].player_id is None
    # no one of the move's clubs: the article's clubs decide (only Juventus named here)
    away = [Rumour("Kalulu", "kalulu", None, "AC Milan", to_club_id="ac-milan")]
    people = [PlayerMention("kalulu", "Kalulu")]
    attach_player_ids(people, away, clubs[:1] + clubs[2:], "2026-01")
    assert away[0].player_id == "1"


def test_an_undated_article_links_the_only_bearer_of_a_surname(tiny_reference):
    people = [PlayerMention("van dijk", "van Dijk")]
    attach_player_ids(people, [], [], None)
    assert people[0].player_id == "3"
    people = [PlayerMention("van dijk", "van Dijk")]
    attach_player_ids(people, [], [], "2031-01")           # last seen 2025: not in a 2031 story
    assert people[0].player_id is None
