"""The transfermarkt loader and linker on a tiny reference written here, and on the shared
snapshot when it is present."""
import time

import pytest

from extractors.tmref import link, players, players_by_name, players_by_surname, settings
from extractors.tmref.linker import decide


def test_loads_candidates_with_typed_fields(tiny_reference):
    (c,) = players_by_name("pierre kalulu")
    assert c.player_id == "1" and c.date_of_birth == "2000-06-05" and c.birth_year == 2000
    assert c.position == "Defender" and c.current_club_id == "506"
    assert c.market_value_in_eur == 28000000 and c.last_season == 2025


def test_surname_forms_cover_particles_and_compounds(tiny_reference):
    assert [c.player_id for c in players_by_surname("van dijk")] == ["3"]
    assert [c.player_id for c in players_by_surname("dijk")] == ["3"]
    assert [c.player_id for c in players_by_surname("alexander arnold")] == ["8"]
    assert [c.player_id for c in players_by_surname("arnold")] == ["8"]
    assert sorted(c.player_id for c in players_by_surname("kalulu")) == ["1", "2"]


def test_unique_full_name_links_accents_folded(tiny_reference):
    assert link("Virgil van Dijk") == "3"
    assert link("VIRGIL VAN DIJK") == "3"
    assert link("Trent Alexander Arnold") == "8"


def test_lone_surname_needs_a_cue(tiny_reference):
    assert link("Kalulu") is None                          # two Kalulus, no context
    assert link("Kalulu", position="defender") == "1"     # the other one is a winger
    assert link("Kalulu", age=26, year=2026) == "1"       # born 2000
    assert link("Kalulu", nationality="French") == "1"
    assert link("van Dijk", position="defender") == "3"


def test_club_context_picks_among_homonyms():
    a = players.Candidate("1", "Pierre Kalulu", "Pierre", "Kalulu", None, "Defender", None, None,
                          "506", None, None, 2025)
    b = a._replace(player_id="2", current_club_id="669")
    assert decide([a, b], clubs={"506"}, full_name=False) == "1"
    assert decide([a, b], clubs={"506", "669"}, full_name=False) is None    # both in context
    assert decide([a, b], clubs=set(), full_name=False) is None


def test_contradicting_cue_blocks_a_unique_name(tiny_reference):
    assert link("Virgil van Dijk", age=20, year=2026) is None
    assert link("Virgil van Dijk", nationality="Belgian") is None
    # a position never rules out: the text's position words are loose, careers change
    assert link("Virgil van Dijk", position="forward") == "3"


def test_unique_surname_links_only_when_active_in_the_articles_season(tiny_reference):
    assert link("van Dijk", year=2026) == "3"          # the only van Dijk, active in 2025
    assert link("van Dijk", year=2030) is None          # last seen 2025: not active in 2029/30
    # an undated page may be of any season the reference covers: the only van Dijk it knows
    assert link("van Dijk") == "3"
    assert link("Kalulu", year=2026) is None            # two Kalulus, both active
    assert link("Rossi", year=2026) is None             # two Rossis (one long gone): a surname needs more


def test_recency_only_against_long_gone_namesakes(tiny_reference):
    # Marco Rossi: one active, the other last seen 2014: the active one
    assert link("Marco Rossi", year=2026) == "4"
    assert link("Marco Rossi") is None                     # no article year: no recency
    # Luca Bianchi: both recent (2025, 2024): stays unlinked without a cue
    assert link("Luca Bianchi", year=2026) is None
    assert link("Luca Bianchi", position="goalkeeper", year=2026) == "7"


def test_words_glued_before_a_full_name(tiny_reference):
    # a headline's capitalised words the extractor kept in front of the name
    assert link("ATTACCO VIRGIL VAN DIJK") == "3"
    assert link("Colpo Trent Alexander-Arnold") == "8"
    assert link("Colpo Virgil") is None                    # a first name alone is no full name


def test_notable_namesake_of_a_bare_surname(tiny_reference):
    assert link("Ferraresi") == "11"                       # 80m peak against 0.3m
    assert link("Ferraresi", year=2026) == "11"            # active in 2025
    assert link("Ferraresi", year=2030) is None            # not active then: no prominence
    assert link("Ferraresi", position="defender") == "12"  # a cue of the text goes first
    assert link("Dario Ferraresi") == "12"                 # the full name, of course
    assert link("Ferraresi", tm_clubs={"5"}) == "11"       # at the article's club as well
    # the lesser-known one at the article's club is not overridden, nor taken: a toss-up
    assert link("Ferraresi", tm_clubs={"12"}) is None
    assert link("Kalulu") is None                          # 56m against 3m peaks: not far enough apart


def test_mononym_and_other_spelling(tiny_reference):
    assert link("Rodri", position="midfielder") == "9"
    assert link("Rodri") == "9"                            # the only Rodri, no season to check
    assert link("Rodri", year=2030) is None                # last seen 2025
    # "Mykhailo" is not the reference's spelling: surname + initial, and then a cue is needed
    # (also with no season known: a coach "Antonio Conte" is not the player "Antoine Conte")
    assert link("Mykhailo Mudryk") is None
    assert link("Mykhailo Mudryk", year=2026) == "10"      # the only Mudryk, active in 2025
    assert link("Mykhailo Mudryk", nationality="Ukrainian") == "10"
    # another first name with the same initial is another person
    assert link("Marko Mudryk", nationality="Ukrainian") is None


def test_absent_reference_links_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_REFERENCE_DIR", str(tmp_path / "none"))
    players.reset()
    assert settings.reference_dir() is None
    assert players.reference() is None
    assert players_by_name("pierre kalulu") == [] and link("Pierre Kalulu") is None
    players.reset()


def test_derived_cache_is_rebuilt_when_the_table_changes(tiny_reference):
    from tests.reference.conftest import ROWS, write_players

    assert link("Rodri", position="midfielder") == "9"
    write_players(tiny_reference, ROWS[:8])
    players.reset()
    assert players_by_name("rodri") == []
    assert len(list(tiny_reference.glob(".players-*.pickle"))) == 2


@pytest.mark.skipif(not (settings.SHARED_SNAPSHOT / settings.PLAYERS).is_file(),
                    reason="the shared transfermarkt snapshot is not on this machine")
def test_shared_snapshot_loads_fast_and_links(monkeypatch):
    monkeypatch.delenv("MERCATO_REFERENCE_DIR", raising=False)
    monkeypatch.setenv("MERCATO_DATA_DIR", "/nonexistent-mercato-data")
    players.reset()
    players.reference()               # builds the derived cache if needed
    players.reset()
    t = time.process_time()          # CPU time: the machine is shared
    ref = players.reference()
    assert time.process_time() - t < 2.0
    assert ref.source == settings.SHARED_SNAPSHOT and len(ref.players) > 40000
    assert link("Kylian Mbappé") == players_by_name("kylian mbappe")[0].player_id
    assert link("Kalulu") is None
    players.reset()
