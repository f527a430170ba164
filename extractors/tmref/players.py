"""The players table of the reference, loaded once per process and indexed by folded names.

Why a cache: parsing the 4 MB csv.gz and building 50,000 candidates takes about a second; the
compact derived form (a pickle named by the csv's SHA-256) loads in a fraction of it. The
pickle sits beside the reference only in our own reference directory (settings.target_dir());
a snapshot elsewhere (read-only, shared) is never written to: its pickle goes to the temp dir.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from ..extract.text import fold
from . import settings

log = logging.getLogger(__name__)
_FORMAT = 2     # bump when Candidate or the indexes change
# particles that start a compound surname ("van Dijk", "De Bruyne"): the form without them is kept too
PARTICLES = {"de", "van", "der", "den", "di", "da", "dos", "das", "do", "del", "della", "von", "ten",
             "ter", "le", "la", "el", "al", "mac", "y", "e"}
COLUMNS = ["player_id", "first_name", "last_name", "name", "date_of_birth", "position", "sub_position",
           "country_of_citizenship", "current_club_id", "current_club_name", "market_value_in_eur",
           "last_season", "highest_market_value_in_eur"]


class Candidate(NamedTuple):
    player_id: str
    name: str
    first_name: str
    last_name: str
    date_of_birth: str | None      # YYYY-MM-DD
    position: str | None           # Goalkeeper | Defender | Midfield | Attack
    sub_position: str | None
    country_of_citizenship: str | None
    current_club_id: str | None
    current_club_name: str | None
    market_value_in_eur: int | None
    last_season: int | None
    highest_market_value_in_eur: int | None = None     # the career peak: how well known he is

    @property
    def birth_year(self) -> int | None:
        return int(self.date_of_birth[:4]) if self.date_of_birth else None


@dataclass
class Reference:
    players: list[Candidate]
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    source: Path | None = None

    @cached_property
    def latest_season(self) -> int | None:
        return max((c.last_season or 0 for c in self.players), default=None) or None

    @cached_property
    def name_skeletons(self) -> dict[str, list[int]]:
        """by_name under spelling-tolerant keys (`skeleton`), built on first use."""
        return _by_skeleton(self.by_name)

    @cached_property
    def surname_skeletons(self) -> dict[str, list[int]]:
        return _by_skeleton(self.by_surname)


_DOUBLED = re.compile(r"(\w)\1+")


def skeleton(folded: str) -> str:
    """A key that two spellings of one name share when the press writes a letter once that the
    reference doubles, or i for y ("damsgard"/"damsgaard", "ullises"/"ulisses", "shaarawi"/"shaarawy")."""
    return _DOUBLED.sub(r"\1", folded.replace("y", "i"))


def _by_skeleton(index: dict[str, list[int]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for key, ids in index.items():
        out.setdefault(skeleton(key), []).extend(ids)
    return out


def surname_forms(last_name: str) -> set[str]:
    """Folded keys a surname is written under: the whole surname, without its leading
    particles, and each word of a compound surname ("alexander arnold" -> also "arnold")."""
    words = fold(last_name).split()
    if not words:
        return set()
    forms = {" ".join(words)}
    i = 0
    while i < len(words) - 1 and words[i] in PARTICLES:
        i += 1
        forms.add(" ".join(words[i:]))
    if len(words) > 1:
        forms.update(w for w in words if w not in PARTICLES and len(w) > 2)
    return forms


def _text(v) -> str | None:
    return str(v) if v not in (None, "") else None


def _read_csv(path: Path) -> list[Candidate]:
    import pyarrow.csv as pcsv

    types = {"player_id": "string", "current_club_id": "string", "date_of_birth": "string"}
    table = pcsv.read_csv(path, convert_options=pcsv.ConvertOptions(
        include_columns=COLUMNS, include_missing_columns=True, column_types=types,
        strings_can_be_null=False))
    out = []
    for r in table.to_pylist():
        dob = r["date_of_birth"]
        out.append(Candidate(
            player_id=r["player_id"], name=r["name"] or "", first_name=r["first_name"] or "",
            last_name=r["last_name"] or "", date_of_birth=dob[:10] if dob else None,
            position=_text(r["position"]), sub_position=_text(r["sub_position"]),
            country_of_citizenship=_text(r["country_of_citizenship"]),
            current_club_id=_text(r["current_club_id"]), current_club_name=_text(r["current_club_name"]),
            market_value_in_eur=r["market_value_in_eur"], last_season=r["last_season"],
            highest_market_value_in_eur=r["highest_market_value_in_eur"]))
    return out


def _index(players: list[Candidate]) -> Reference:
    ref = Reference(players)
    for i, c in enumerate(players):
        ref.by_name.setdefault(fold(c.name), []).append(i)
        for form in surname_forms(c.last_name or c.name):
            ref.by_surname.setdefault(form, []).append(i)
    return ref


def _cache_path(src: Path, digest: str) -> Path:
    name = f".players-{digest[:16]}-v{_FORMAT}.pickle"
    if src.parent.resolve() == settings.target_dir().resolve():
        return src.parent / name
    return Path(tempfile.gettempdir()) / "mercato-tmref" / name


def load(directory: Path) -> Reference:
    """Players of `directory` (csv.gz), through the derived cache when it is current."""
    src = directory / settings.PLAYERS
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    cache = _cache_path(src, digest)
    try:
        with cache.open("rb") as f:
            ref = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        ref = _index(_read_csv(src))
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(ref, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)       # atomic: a concurrent reader sees the old or the new file
        except OSError as e:
            log.warning("transfermarkt reference: cache not written (%s)", e)
    ref.source = directory
    return ref


_LOCK = threading.Lock()
_CACHED: dict[str, Reference | None] = {}
_BY_SETTING: dict[tuple, Reference | None] = {}


def reference() -> Reference | None:
    """The reference of the configured directory, loaded once per process; None when absent.

    Resolved once per value of the two settings (no file system call on the hot path: the
    extractor asks for every article); `reset()` after the files change under a process."""
    setting = (os.environ.get("MERCATO_REFERENCE_DIR"), os.environ.get("MERCATO_DATA_DIR"))
    try:
        return _BY_SETTING[setting]
    except KeyError:
        pass
    directory = settings.reference_dir()
    key = str(directory)
    with _LOCK:
        if key not in _CACHED:
            _CACHED[key] = load(directory) if directory else None
        _BY_SETTING[setting] = _CACHED[key]
    return _CACHED[key]


def reset() -> None:
    """Forget the loaded reference (tests, or after `mercato reference update`)."""
    _CACHED.clear()
    _BY_SETTING.clear()


def players_by_name(folded_full_name: str) -> list[Candidate]:
    ref = reference()
    if ref is None:
        return []
    return [ref.players[i] for i in ref.by_name.get(folded_full_name, ())]


def players_by_surname(folded_surname: str) -> list[Candidate]:
    ref = reference()
    if ref is None:
        return []
    return [ref.players[i] for i in ref.by_surname.get(folded_surname, ())]
