"""Fill the `transfermarkt_club_id` column of extractors/reference/clubs.csv by matching our
names, short names and aliases against the reference clubs (name, club_code), within the same
country (the country of the club's domestic competition).

Run: `python -m extractors.tmref.map_clubs [--check]`. A club matches when one of its forms equals
a reference club's form once legal words are dropped ("Società Sportiva Lazio S.p.A." -> "lazio"),
else when one form's words all occur in the other's; a tie between reference clubs, or a
reference club claimed by two of ours, leaves the club unmapped and is printed for review.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from pathlib import Path

from ..config import REFERENCE_DIR
from ..extract.text import fold
from . import settings

OURS = REFERENCE_DIR / "clubs.csv"
COLUMN = "transfermarkt_club_id"
# leagues added upstream after competitions.csv was published (their codes, per transfermarkt)
EXTRA_COUNTRIES = {"A1": "Austria", "ARG1": "Argentina", "AUS1": "Australia", "BRA1": "Brazil",
                   "C1": "Switzerland", "COL1": "Colombia", "JAP1": "Japan", "KR1": "Croatia",
                   "MEX1": "Mexico", "MLS1": "United States", "NO1": "Norway", "PL1": "Poland",
                   "RO1": "Romania", "RSK1": "South Korea", "SA1": "Saudi Arabia", "SE1": "Sweden",
                   "SER1": "Serbia", "TS1": "Czech Republic"}
# legal-form and generic words that do not tell clubs apart
NOISE = set("""fc cf ac as ss us sc afc cfc club calcio football futbol de del la le el the s p a
spa sad sa cd ud rc rcd sv vfb vfl tsg fk sk if bk ff ik aik kv krc rsc sl cp fsv bsc ssc
societa sportiva associazione sociedad deportiva clube futebol esporte associacao
club's ogc hsc losc aj ca gmbh co kgaa ev e v 1 of and y i d srl ltd plc""".split())


# reviewed by hand where the names share no words ("AEL Larissa" / "Athlitiki Enosi Larisas"),
# are spelt apart (Krylia/Krylya, Weiß/Weiss) or match only on an acronym too short to trust alone
OVERRIDES = {"ael-larissa": "4603", "aek-athens": "2441", "ofi-crete": "653", "kifisia": "30120",
             "lokomotiv-moscow": "932", "dynamo-moscow": "121", "krylia-sovetov": "2696",
             "blau-weiss-linz": "2157"}


def words(name: str) -> tuple[str, ...]:
    ws = [w for w in fold(name).split() if not re.fullmatch(r"\d{4}", w)]
    return tuple(w for w in ws if w not in NOISE) or tuple(ws)


def _read(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def reference_clubs(directory: Path) -> list[dict]:
    """Reference clubs with their country and match forms."""
    comps = directory / "competitions.csv.gz"
    comps = comps if comps.is_file() else directory / "competitions.csv"
    country = dict(EXTRA_COUNTRIES)
    country.update({r["competition_id"]: r["country_name"] for r in _read(comps) if r["country_name"]})
    out = []
    for r in _read(directory / "clubs.csv.gz"):
        forms = {words(r["name"]), words(r["club_code"].replace("-", " "))}
        out.append({"id": r["club_id"], "name": r["name"], "comp": r["domestic_competition_id"],
                    "last_season": int(r["last_season"] or 0),
                    "country": country.get(r["domestic_competition_id"]), "forms": forms})
    return out


def _pair(a: tuple, b: tuple) -> float:
    """1 for the same words; 0.5-0.9 when one's words all occur in the other (closer is higher)."""
    if a == b:
        return 1.0
    sa, sb = set(a), set(b)
    small = sa if len(sa) <= len(sb) else sb
    if a and b and (sa <= sb or sb <= sa) and max(map(len, small)) > 3:    # not on "AEL" alone
        return 0.5 + 0.4 * len(small) / max(len(sa), len(sb))
    return 0.0


def _score(ours: list[tuple], theirs: set[tuple]) -> float:
    """Best pair score; our canonical name (first form) outweighs a short name or alias."""
    best = 0.0
    for i, a in enumerate(ours):
        for b in theirs:
            s = _pair(a, b)
            if s:
                best = max(best, s + (0.05 if i == 0 else 0.0))
    return best


def match(club: dict, candidates: list[dict]) -> tuple[str | None, float, str]:
    """The reference club id for `club` (a row of ours), its score, and a note when unmapped."""
    forms = [words(n) for n in [club["name"], club["short_name"], *club["aliases"].split("|")] if n]
    scored = sorted(((_score(forms, c["forms"]), c) for c in candidates
                     if c["country"] == club["country"]), key=lambda t: -t[0])
    scored = [t for t in scored if t[0]]
    if not scored:
        return None, 0.0, ""
    top = [c for s, c in scored if s == scored[0][0]]
    top.sort(key=lambda c: -c["last_season"])      # a tie goes to the club still in the reference's leagues
    if len(top) > 1 and top[0]["last_season"] == top[1]["last_season"]:
        return None, 0.0, "tie: " + " / ".join(c["name"] for c in top)
    return top[0]["id"], scored[0][0], ""


def mapping(rows: list[dict], ref: list[dict]) -> tuple[dict[str, str], list[str]]:
    found, score, notes = {}, {}, []
    for r in rows:
        tm, s, note = (OVERRIDES[r["club_id"]], 2.0, "") if r["club_id"] in OVERRIDES else match(r, ref)
        if tm:
            found[r["club_id"]], score[r["club_id"]] = tm, s
        elif note:
            notes.append(f"{r['club_id']}: {note}")
    claimed: dict[str, list[str]] = {}
    for ours, tm in found.items():
        claimed.setdefault(tm, []).append(ours)
    for tm, ours in claimed.items():     # one reference club, two of ours: the closer one, else neither
        if len(ours) > 1:
            ours.sort(key=lambda o: -score[o])
            keep = ours[0] if score[ours[0]] > score[ours[1]] else None
            notes.append(f"tm {tm} claimed by {', '.join(ours)}: kept {keep}")
            for o in ours:
                if o != keep:
                    del found[o]
    return found, notes


def render(rows: list[dict], found: dict[str, str]) -> str:
    fields = [k for k in rows[0] if k != COLUMN] + [COLUMN]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({**r, COLUMN: found.get(r["club_id"], "")})
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when clubs.csv is not up to date")
    args = ap.parse_args(argv)
    directory = settings.reference_dir()
    if directory is None or not (directory / "clubs.csv.gz").is_file():
        print("no transfermarkt reference (see README, Reference)", file=sys.stderr)
        return 2
    rows = _read(OURS)
    found, notes = mapping(rows, reference_clubs(directory))
    for n in notes:
        print(n)
    text = render(rows, found)
    print(f"{len(found)} of {len(rows)} clubs mapped")
    if args.check:
        return 0 if OURS.read_text(encoding="utf-8") == text else 1
    tmp = OURS.with_suffix(".csv.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(OURS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
