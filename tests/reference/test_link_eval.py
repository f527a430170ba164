"""The link-quality measure on predictions and gold written here, against the tiny reference."""
import json

from tests.tools.eval import links as link_eval


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_measure_counts_right_wrong_and_unknown(tiny_reference, tmp_path):
    gold = _jsonl(tmp_path / "gold.jsonl", [
        {"file": "a.txt", "rumours": [{"player": "Pierre Kalulu"}, {"player": "Virgil van Dijk"},
                                      {"player": "Marco Rossi"}]},          # two Marco Rossi: unknown
        {"file": "b.txt", "rumours": [{"player": "Trent Alexander-Arnold"}, {"player": "Nobody Known"}]},
        {"file": "c.txt", "rumours": [{"player": "Rodri"}]},
    ])
    pred = _jsonl(tmp_path / "pred.jsonl", [
        {"file": "a.txt", "rumours": [{"player": "Kalulu", "player_id": "1"},
                                      {"player": "Virgil van Dijk", "player_id": None},
                                      {"player": "Marco Rossi", "player_id": "4"}]},
        {"file": "b.txt", "rumours": [{"player": "Alexander-Arnold", "player_id": "3"},      # wrong id
                                      {"player": "Luca Bianchi", "player_id": "6"}]},        # not a mover
    ])
    figs = link_eval.measure(pred, gold)
    assert figs["gold_movers"] == 6 and figs["known_to_reference"] == 4      # Kalulu, van Dijk, TAA, Rodri
    assert figs["linked_right"] == 1 and figs["recall_known"] == 0.25
    assert figs["found_known"] == 3 and figs["recall_found"] == round(1 / 3, 4)
    assert figs["linked_rumours"] == 4 and figs["linked_not_gold_movers"] == 1
    assert figs["judged_links"] == 2 and figs["wrong_links"] == 1             # Marco Rossi is not judged
    assert figs["strict_wrong"] == 3 and figs["strict_wrong_rate"] == 0.75
    assert "1/4 gold movers known to the reference linked right (25.0 %" in link_eval.report(figs)


def test_linked_anywhere_counts_player_mentions_and_wrong_ids(tiny_reference, tmp_path):
    """A mover the extractor recognised but found no move for is still linked by his mention's id."""
    gold = _jsonl(tmp_path / "gold.jsonl", [
        {"file": "a.txt", "rumours": [{"player": "Pierre Kalulu"}, {"player": "Virgil van Dijk"}]},
        {"file": "b.txt", "rumours": [{"player": "Trent Alexander-Arnold"}, {"player": "Rodri"}]},
    ])
    pred = _jsonl(tmp_path / "pred.jsonl", [
        {"file": "a.txt", "rumours": [], "player_ids": {"Kalulu": "1", "Virgil van Dijk": "3"}},
        {"file": "b.txt", "rumours": [{"player": "Alexander-Arnold", "player_id": "3"}],   # wrong id
         "player_ids": {"Luca Bianchi": "6"}},
    ])
    figs = link_eval.measure(pred, gold)
    assert figs["known_to_reference"] == 4 and figs["linked_right"] == 0     # no rumour carries a right id
    assert figs["linked_any"] == 2 and figs["recall_any"] == 0.5             # Kalulu and van Dijk by mention
    assert figs["judged_any"] == 3 and figs["wrong_any"] == 1                # Rodri is not named at all
    assert "anywhere in the output (rumours or player mentions): 2/4 linked right (50.0 %)" in link_eval.report(figs)


def test_link_floors_apply_only_where_link_figures_exist():
    from tests.tools.eval.evaluate import check

    floors = {"_comment": "x", "pair_f1": 0.5, "links_recall_any": 0.9}
    assert check({"pair_f1": 0.6}, floors) == []                        # no reference: no link figures
    assert check({"pair_f1": 0.6, "links_recall_any": 0.8}, floors) == ["links_recall_any: 0.800 < floor 0.900"]
    assert check({}, floors) == ["pair_f1: 0.000 < floor 0.500"]       # a pair figure missing still fails
