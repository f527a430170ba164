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


# --- stage 2 (stack.py): each pair weighed against the other pairs of its article ---

def test_stage_two_sees_the_players_other_clubs_and_the_clubs_other_players():
    from extractors.extract.stack import RELATIVE_FEATURES, relative_rows

    a = analyse(ARTICLES[1][1])         # two players, two buyers, one seller
    cands = a.candidates.candidates
    probs = [[0.5, 0.1 * (i + 1), 0.05] for i in range(len(cands))]
    rows = relative_rows(cands, probs)
    col = {k: [r[i] for r in rows] for i, k in enumerate(RELATIVE_FEATURES)}
    for i, c in enumerate(cands):
        clubs = [j for j, o in enumerate(cands) if o.person is c.person and o.club is not None and j != i]
        assert col["s1_dest"][i] == probs[i][1]
        assert col["p_other_best"][i] == max((probs[j][1] for j in clubs), default=0.0)
        assert col["p_rank_of_c"][i] == sum(probs[j][1] > probs[i][1] for j in clubs)
        assert col["p_cands"][i] == sum(o.person is c.person for o in cands)
        if c.club is None:
            assert col["c_other_best"][i] == -1.0
        else:
            rivals = [j for j, o in enumerate(cands) if o.club is not None and o.club.club_id == c.club.club_id
                      and j != i]
            assert col["c_other_best"][i] == max((probs[j][1] for j in rivals), default=0.0)
            assert col["c_rank_of_p"][i] == sum(probs[j][1] > probs[i][1] for j in rivals)
    assert set(col["a_above"]) == {float(sum(p[1] >= 0.25 for p in probs))}


def test_the_committed_stage_two_matches_its_features_and_blends_the_destination_only():
    from extractors.extract.stack import BLEND, STACK_FEATURES, stack_rows

    scorer = default_scorer()
    assert scorer.stacker is not None, "extractors/extract/trained/ holds no stage 2: run make train"
    assert scorer.stacker.feature_name() == list(STACK_FEATURES)
    c = analyse(ARTICLES[1][1]).candidates
    first = scorer.booster.predict(c.rows, num_threads=1)
    second = scorer.stacker.predict(stack_rows(c.candidates, c.rows, first), num_threads=1)
    dest, seller = scorer.move_probabilities(c.rows, c.candidates)
    assert dest == pytest.approx(list((1 - BLEND) * first[:, DESTINATION] + BLEND * second))
    assert seller == pytest.approx(list(first[:, 2]))          # the seller class stays the pair model's
    assert list(scorer.raw(c.rows)) == list(first[:, DESTINATION])    # without the candidates: stage 1 alone


def _more_articles():
    """The test articles three times over, under other names: every fold has articles."""
    out = []
    for n in range(3):
        for a in _articles():
            out.append(learn.Article(f"{n}{a.file}", a.language, a.analysis, a.gold))
    return out


def test_cross_validation_trains_neither_stage_on_the_evaluated_fold(monkeypatch):
    arts = _more_articles()
    seen_by = {}            # id of a stage-1 probability array -> files its model was trained on
    train_scorer, train_stacker, stage1_probs = learn.train_scorer, learn.train_stacker, learn._stage1_probs

    def scorer(articles, sc):
        m = train_scorer(articles, sc)
        m.booster.seen = {a.file for a in articles}
        return m

    def probs(model, a):
        p = stage1_probs(model, a)
        if p is not None:
            seen_by[id(p)] = model.booster.seen
        return p

    def stacker(scored, sc):
        b = train_stacker(scored, sc)
        if b is not None:
            b.seen = {a.file for a, _ in scored}.union(*(seen_by[id(p)] for _, p in scored))
        return b

    monkeypatch.setattr(learn, "train_scorer", scorer)
    monkeypatch.setattr(learn, "_stage1_probs", probs)
    monkeypatch.setattr(learn, "train_stacker", stacker)
    per_article, scored = learn.stacked_folds(arts, Matcher())
    assert all(m.stacker is not None for m in per_article)
    for a, m in zip(arts, per_article):
        assert a.file not in m.booster.seen
        assert a.file not in m.stacker.seen        # nor through the stage-1 scores it was trained on
    assert [a.file for a, _ in scored] == [a.file for a in arts]
    assert all(a.file not in seen_by[id(p)] for a, p in scored)     # the final stage 2's inputs: out of fold
