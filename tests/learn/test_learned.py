"""The learned decisions: training is deterministic, the committed model is the one used, its
confidence is a probability, folds never change. Articles are written for these tests."""
import re

import pytest

from extractors.extract import extract_text, learn
from extractors.extract.candidates import FEATURES
from extractors.extract.pipeline import analyse
from extractors.extract.scorer import DESTINATION, Ensemble, ModelScorer, RuleScorer, default_scorer

ARTICLES = [
    ("a_it_1.txt", "La Juventus ha chiuso per Marco Ferretti dal Torino: affare da 20 milioni di euro.",
     [("Marco Ferretti", "Juventus")]),
    ("b_it_2.txt", "Il Napoli pensa a Luca Bianchini. L'Inter invece segue Davide Moretti del Genoa.",
     [("Luca Bianchini", "Napoli"), ("Davide Moretti", "Inter Milan")]),
    ("c_en_1.txt", "Arsenal have agreed a fee with Chelsea for winger Tom Ashcroft. Mikel Arteta is happy.",
     [("Tom Ashcroft", "Arsenal")]),
    ("d_en_2.txt", "Everton are keen on Sam Redfern, who plays for Brentford.", [("Sam Redfern", "Everton")]),
    ("e_es_1.txt", "El Sevilla quiere fichar a Pablo Ortiz del Betis por 10 millones.", [("Pablo Ortiz", "Sevilla")]),
    ("f_fr_1.txt", "Lyon veut recruter Hugo Lambert, milieu du PSG.", [("Hugo Lambert", "Lyon")]),
]


class Matcher:
    """A small stand-in for the official scorer's name matching (the tests do not read ../shared)."""

    @staticmethod
    def player_match(a, b):
        return a.lower().split()[-1] == b.lower().split()[-1]

    @staticmethod
    def club_key(name):
        return re.sub(r"\W+", " ", name.lower()).strip() if name else None


def _articles():
    out = []
    for f, text, moves in ARTICLES:
        gold = {"rumours": [{"player": p, "to_club": c, "status": "rumour"} for p, c in moves],
                "players_mentioned": [p for p, _ in moves]}
        out.append(learn.Article(f, f.split("_")[1], analyse(text), gold))
    return out


def test_training_twice_on_the_same_articles_gives_the_same_model():
    a = learn.train_scorer(_articles(), Matcher()).booster.model_to_string()
    b = learn.train_scorer(_articles(), Matcher()).booster.model_to_string()
    assert a == b


def test_labels_mark_the_candidates_that_are_gold_moves():
    art = _articles()[0]
    labelled = {(c.person.name, c.club.name if c.club else None)
                for c, y in zip(art.analysis.candidates.candidates, learn.labels(art, Matcher())) if y}
    assert labelled == {("Marco Ferretti", "Juventus")}


def test_folds_are_fixed_round_robin_per_language():
    arts = _articles()
    assert learn.folds(arts) == [0, 1, 0, 1, 0, 0]       # it, it, en, en, es, fr


def test_the_committed_model_is_the_default_and_matches_the_features():
    scorer = default_scorer()
    assert isinstance(scorer, ModelScorer), "extractors/extract/trained/ holds no model: run make train"
    assert scorer.booster.feature_name() == list(FEATURES)


def test_the_committed_model_has_one_booster_per_training_seed_and_averages_them():
    scorer = default_scorer()
    members = scorer.booster.boosters
    assert len(members) == len(learn.SEEDS)           # a model file out of step with learn.py fails here
    rows = analyse(ARTICLES[0][1]).candidates.rows
    mean = sum(m.predict(rows, num_threads=1) for m in members) / len(members)
    assert list(scorer.raw(rows)) == list(mean[:, DESTINATION])      # the pair model's destination class
    # an ensemble averages its members' probabilities, whatever their number
    first = members[0]
    doubled = Ensemble([first, first]).predict(rows)
    assert (doubled == first.predict(rows, num_threads=1)).all()
    assert Ensemble.from_string(Ensemble([first, first]).model_to_string()).predict(rows).tolist() == doubled.tolist()


def test_confidence_is_a_probability_that_grows_with_the_score():
    scorer = default_scorer()
    values = [scorer.confidence(x / 20) for x in range(21)]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert values == sorted(values)


def test_a_plain_signing_is_found_by_the_model():
    text = ("Calciomercato Juventus: la Juventus ha chiuso per Marco Ferretti. Il centrocampista arriva "
            "dal Torino per 20 milioni di euro, visite mediche domani.")
    got = {(r.player, r.to_club) for r in extract_text(text).rumours}
    assert ("Marco Ferretti", "Juventus") in got
    assert all(0.0 <= r.confidence <= 1.0 for r in extract_text(text).rumours)


def test_a_story_naming_no_club_reports_no_move():
    text = "Homeland Security officials met Sarah Connor in Washington. John Smith said the talks went well."
    assert extract_text(text).rumours == []
    assert extract_text(text, scorer=RuleScorer()).rumours == []


@pytest.mark.parametrize("scorer", [RuleScorer(), None])
def test_both_scorers_give_the_same_record_fields(scorer):
    rec = extract_text(ARTICLES[0][1], scorer=scorer).to_record("x.txt")
    assert set(rec) == {"file", "language", "clubs", "players", "player_ids", "rumours"}
