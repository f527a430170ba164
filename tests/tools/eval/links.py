"""How well rumours are linked to transfermarkt ids: predictions JSONL against the gold file.

Each gold mover's name is resolved to a reference id by a unique exact folded full-name match
(else it is "unknown" to the reference and left out). Reports
  recall_known:      share of the gold movers the reference knows (per file and name) whose file
                     has a predicted rumour carrying that id (bounded by the extractor's recall);
  recall_found:      the same among the known movers the extractor found (a predicted rumour names
                     them: same folded name, or one is the other's surname);
  wrong_link_rate:   of the linked rumours that name a gold mover with a known id, the share whose
                     id is not that mover's: the linker's own error;
  strict_wrong_rate: of all linked rumours, the share whose id is no gold mover's id of the file
                     (adds rumours the gold does not have, i.e. extraction errors, and movers the
                     reference cannot resolve by name, such as a homonym).
  recall_any:        share of the known gold movers whose id the file's output carries anywhere:
                     on a rumour or on a player mention ("player_ids"); the linker's reach when
                     the extractor recognised the player but found no move for him;
  wrong_any_rate:    of the gold movers with a known id that the output names (rumour or mention)
                     with an id, the share given another id.
Run: python -m tests.tools.eval.links PREDICTIONS [--gold GOLD]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractors.config import REPO_ROOT
from extractors.extract.text import fold
from extractors.tmref.players import players_by_name, reference

DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "eval" / "dev" / "gold.jsonl"


def _jsonl(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["file"]: r for r in rows}


def gold_id(name: str) -> str | None:
    """The reference id of a gold name: exactly one player with that folded full name."""
    ids = {c.player_id for c in players_by_name(fold(name))}
    return ids.pop() if len(ids) == 1 else None


def _same_person(pred_key: str, gold_key: str) -> bool:
    """A predicted name names a gold mover: the same folded name, or one is the other's surname."""
    return pred_key == gold_key or gold_key.endswith(" " + pred_key) or pred_key.endswith(" " + gold_key)


def measure(predictions: Path, gold: Path = DEFAULT_GOLD) -> dict:
    if reference() is None:
        raise RuntimeError("no transfermarkt reference configured (see README, Reference)")
    pred, truth = _jsonl(predictions), _jsonl(gold)
    n = dict.fromkeys(("movers", "known", "hit", "found", "found_hit", "linked", "not_gold",
                       "judged", "wrong", "strict", "any_hit", "any_judged", "any_wrong"), 0)
    for file, g in truth.items():
        names = {fold(r["player"]) for r in g.get("rumours", []) if r.get("player")}
        ids = {name: gold_id(name) for name in names}
        gold_ids = {i for i in ids.values() if i}
        predicted = pred.get(file, {}).get("rumours", [])
        pred_ids = {r.get("player_id") for r in predicted if r.get("player_id")}
        n["movers"] += len(names)
        n["known"] += len(gold_ids)
        n["hit"] += len(gold_ids & pred_ids)
        found = {name for name, i in ids.items() if i
                 and any(_same_person(fold(r["player"]), name) for r in predicted)}
        n["found"] += len(found)
        n["found_hit"] += sum(ids[name] in pred_ids for name in found)
        named = [(fold(r["player"]), r["player_id"]) for r in predicted if r.get("player_id")]
        named += [(fold(k), v) for k, v in (pred.get(file, {}).get("player_ids") or {}).items() if v]
        n["any_hit"] += len(gold_ids & {i for _, i in named})
        for name, i in ids.items():
            given = {pid for key, pid in named if _same_person(key, name)} if i else set()
            if given:
                n["any_judged"] += 1
                n["any_wrong"] += i not in given
        for r in predicted:
            if not r.get("player_id"):
                continue
            n["linked"] += 1
            n["strict"] += r["player_id"] not in gold_ids
            matched = [name for name in names if _same_person(fold(r["player"]), name)]
            if not matched:
                n["not_gold"] += 1          # a rumour the gold does not have: an extraction error
            elif all(ids[name] for name in matched):
                n["judged"] += 1
                n["wrong"] += r["player_id"] not in {ids[name] for name in matched}
    ratio = lambda a, b: round(a / b, 4) if b else None
    return {"gold_movers": n["movers"], "known_to_reference": n["known"], "linked_right": n["hit"],
            "recall_known": ratio(n["hit"], n["known"]),
            "found_known": n["found"], "recall_found": ratio(n["found_hit"], n["found"]),
            "linked_rumours": n["linked"], "linked_not_gold_movers": n["not_gold"],
            "judged_links": n["judged"], "wrong_links": n["wrong"],
            "wrong_link_rate": ratio(n["wrong"], n["judged"]),
            "strict_wrong": n["strict"], "strict_wrong_rate": ratio(n["strict"], n["linked"]),
            "linked_any": n["any_hit"], "recall_any": ratio(n["any_hit"], n["known"]),
            "judged_any": n["any_judged"], "wrong_any": n["any_wrong"],
            "wrong_any_rate": ratio(n["any_wrong"], n["any_judged"])}


def report(figs: dict) -> str:
    pct = lambda v: "n/a" if v is None else f"{100 * v:.1f} %"
    return (f"transfermarkt links: {figs['linked_right']}/{figs['known_to_reference']} gold movers known to "
            f"the reference linked right ({pct(figs['recall_known'])}; {figs['gold_movers']} movers in all; "
            f"{pct(figs['recall_found'])} of the {figs['found_known']} the extractor found); "
            f"{figs['wrong_links']}/{figs['judged_links']} links of gold movers wrong ({pct(figs['wrong_link_rate'])}); "
            f"{figs['linked_not_gold_movers']}/{figs['linked_rumours']} linked rumours are not gold movers "
            f"(strict wrong rate {pct(figs['strict_wrong_rate'])}); anywhere in the output (rumours or player "
            f"mentions): {figs['linked_any']}/{figs['known_to_reference']} linked right ({pct(figs['recall_any'])}), "
            f"{figs['wrong_any']}/{figs['judged_any']} wrong ({pct(figs['wrong_any_rate'])})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="transfermarkt link quality of extractor predictions")
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    figs = measure(args.predictions, args.gold)
    print(json.dumps(figs) if args.json else report(figs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
