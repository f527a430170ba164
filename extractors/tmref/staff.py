"""Names the reference knows as no player's: the coaches of its clubs and their stadiums.

Why: on real pages the people most often taken for movers are coaches ("Di Francesco",
"Fàbregas") and places ("Anfield"); the clubs table names each club's coach and stadium.
Read from the clubs table beside the loaded players table, once per reference directory.
A reference without a clubs table gives empty sets.
"""
from __future__ import annotations

import csv
import gzip
import io
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from ..extract.text import fold
from .players import reference

log = logging.getLogger(__name__)
CLUBS = "clubs.csv.gz"
# words that name the kind of ground, not the ground: "Stadio Olimpico" is also known as "Olimpico"
_GROUND_WORDS = frozenset({"stadium", "stadio", "estadio", "stade", "stadion", "arena", "park", "parc", "campo",
                           "municipal", "comunale", "the", "de", "del", "di", "da", "do", "du", "la", "le", "el"})


@dataclass(frozen=True)
class Staff:
    coaches: frozenset[str]          # folded full names
    coach_surnames: frozenset[str]   # the last word of each
    grounds: frozenset[str]          # folded stadium names, and each without its kind-of-ground words


def _read(path: Path) -> Staff:
    coaches, grounds = set(), set()
    try:
        with gzip.open(path, "rb") as fh:
            for row in csv.DictReader(io.TextIOWrapper(fh, "utf-8")):
                if row.get("coach_name"):
                    coaches.add(fold(row["coach_name"]))
                if row.get("stadium_name"):
                    g = fold(row["stadium_name"])
                    grounds.add(g)
                    bare = " ".join(w for w in g.split() if w not in _GROUND_WORDS)
                    if len(bare) > 3:
                        grounds.add(bare)
    except (OSError, csv.Error, UnicodeDecodeError) as e:
        log.warning("transfermarkt reference: clubs table not read (%s)", e)
    return Staff(frozenset(coaches), frozenset(c.split()[-1] for c in coaches if c.split()), frozenset(grounds))


_LOCK = threading.Lock()
# by the loaded Reference object (kept alive here, so its id is not reused): a reference reloaded
# after `players.reset()` (a new download) reads its clubs table again
_CACHED: dict[int, tuple[object, Staff]] = {}


def staff() -> Staff | None:
    """The coaches and grounds of the loaded reference's clubs table; None without a reference."""
    ref = reference()
    if ref is None or ref.source is None:
        return None
    got = _CACHED.get(id(ref))
    if got is None:
        with _LOCK:
            got = _CACHED.get(id(ref)) or (ref, _read(Path(ref.source) / CLUBS))
            _CACHED[id(ref)] = got
    return got[1]
