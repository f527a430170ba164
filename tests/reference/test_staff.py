"""Coaches and grounds of the reference's clubs table, and the person features read from them."""
import csv
import gzip

from extractors.extract.candidates import FEATURES, PERSON_FEATURES
from extractors.extract.pipeline import analyse
from extractors.tmref import staff as staff_mod


def _write_clubs(directory, rows):
    with gzip.open(directory / "clubs.csv.gz", "wt", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["club_id", "name", "coach_name", "stadium_name"])
        w.writerows(rows)


def test_coaches_and_grounds_are_read_folded(tiny_reference):
    _write_clubs(tiny_reference, [("1", "Fictional FC", "Bruno Vercelli", "Stadio Comunale Ferraris"),
                                  ("2", "Other FC", "", "Marlow Park")])
    st = staff_mod.staff()
    assert st.coaches == {"bruno vercelli"} and st.coach_surnames == {"vercelli"}
    # the whole name and the name without its kind-of-ground words
    assert {"stadio comunale ferraris", "ferraris", "marlow park", "marlow"} <= st.grounds


def test_no_clubs_table_gives_empty_sets(tiny_reference):
    st = staff_mod.staff()
    assert st is not None and not st.coaches and not st.grounds


def _person_row(text, name):
    a = analyse(text)
    rows = dict(zip((p.name for p in a.candidates.persons), a.candidates.person_rows))
    return dict(zip(PERSON_FEATURES, rows[name]))


def test_a_reference_coach_and_ground_are_person_features(tiny_reference):
    _write_clubs(tiny_reference, [("1", "Fictional FC", "Bruno Vercelli", "Marlow Park")])
    text = ("Il Milan pensa a Dario Quintavalle. Bruno Vercelli ha parlato del mercato. "
            "Vercelli vuole un attaccante. Al Marlow si gioca domenica, dice Quintavalle.")
    assert _person_row(text, "Bruno Vercelli")["p_tm_coach"] == 1.0
    assert _person_row(text, "Dario Quintavalle")["p_tm_coach"] == 0.0
    assert "p_tm_coach" in FEATURES and "p_ground" in FEATURES


def test_without_reference_the_features_say_unknown(monkeypatch, tmp_path):
    from extractors.tmref import players

    monkeypatch.setenv("MERCATO_REFERENCE_DIR", str(tmp_path / "none"))
    players.reset()
    try:
        row = _person_row("Il Milan pensa a Dario Quintavalle.", "Dario Quintavalle")
        assert row["p_tm_coach"] == -1.0 and row["p_ground"] == -1.0
    finally:
        players.reset()
