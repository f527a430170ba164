"""Link a name found in text to one transfermarkt player, or to none.

The rule (never a guess): a player id is returned only when exactly one reference player is left
and the evidence for it is one of
  1. the folded full name matches exactly one player (no contradicting cue);
  2. among homonyms (or for a lone surname), exactly one plays for a club of the article;
  3. among what is left after dropping candidates a cue contradicts (birth year off by more than
     one, another position, another citizenship), exactly one remains and a cue the text gave
     (age, position, nationality) positively matches it;
  4. full names only: of the homonyms, exactly one was active in the article's season
     (last_season >= year - 1) and every other one left the covered leagues at least four seasons
     before (last_season <= year - 4): a long-gone namesake is not a transfer rumour's subject.
A lone surname (or a full name that matches nobody, read as surname + first initial) never links
on uniqueness alone: it needs 2 or 3. Ambiguous names stay unlinked.
"""
from __future__ import annotations

from ..extract.text import fold
from .clubmap import to_tm
from .players import Candidate, players_by_name, players_by_surname, reference

# our extractor's positions -> the reference's `position`
POSITION = {"goalkeeper": "Goalkeeper", "defender": "Defender", "midfielder": "Midfield",
            "forward": "Attack"}
DEMONYM = {"italian": "italy", "english": "england", "spanish": "spain", "french": "france",
           "german": "germany", "portuguese": "portugal", "dutch": "netherlands",
           "belgian": "belgium", "brazilian": "brazil", "argentine": "argentina",
           "argentinian": "argentina", "croatian": "croatia", "serbian": "serbia", "polish": "poland",
           "scottish": "scotland", "welsh": "wales", "irish": "ireland", "danish": "denmark",
           "swedish": "sweden", "norwegian": "norway", "swiss": "switzerland", "austrian": "austria",
           "turkish": "turkey", "moroccan": "morocco", "senegalese": "senegal", "nigerian": "nigeria",
           "ghanaian": "ghana", "uruguayan": "uruguay", "colombian": "colombia", "mexican": "mexico",
           "american": "united states", "japanese": "japan", "korean": "korea south",
           "ivorian": "cote d ivoire", "cameroonian": "cameroon", "algerian": "algeria",
           "ukrainian": "ukraine", "georgian": "georgia", "czech": "czech republic",
           "slovak": "slovakia", "slovenian": "slovenia", "hungarian": "hungary", "greek": "greece",
           "egyptian": "egypt", "ecuadorian": "ecuador", "chilean": "chile", "paraguayan": "paraguay",
           "canadian": "canada", "australian": "australia", "bosnian": "bosnia herzegovina"}


def _country(nationality: str | None) -> str | None:
    n = fold(nationality or "")
    return DEMONYM.get(n, n) or None


def _contradicted(c: Candidate, birth_year, position, country) -> bool:
    if birth_year and c.birth_year and abs(c.birth_year - birth_year) > 1:
        return True
    if position and c.position in POSITION.values() and c.position != position:
        return True
    return bool(country and c.country_of_citizenship and fold(c.country_of_citizenship) != country)


def _matched(c: Candidate, birth_year, position, country) -> bool:
    return bool((birth_year and c.birth_year) or (position and c.position == position)
                or (country and c.country_of_citizenship))


def _active_alone(cands: list[Candidate], year: int | None) -> Candidate | None:
    if not year:
        return None
    active = [c for c in cands if (c.last_season or 0) >= year - 1]
    gone = [c for c in cands if (c.last_season or 0) <= year - 4]
    return active[0] if len(active) == 1 and len(active) + len(gone) == len(cands) else None


def decide(cands: list[Candidate], *, clubs: set[str], birth_year=None, position=None,
           country=None, year=None, full_name: bool) -> str | None:
    """The rule of the module docstring over `cands` (already looked up by name)."""
    cands = list({c.player_id: c for c in cands}.values())
    left = [c for c in cands if not _contradicted(c, birth_year, position, country)]
    if not left:
        return None
    if full_name and len(cands) == 1:
        return left[0].player_id
    in_club = [c for c in left if c.current_club_id in clubs]
    if len(in_club) == 1:
        return in_club[0].player_id
    if len(in_club) > 1:
        return None
    if len(left) == 1 and _matched(left[0], birth_year, position, country):
        return left[0].player_id
    if full_name:
        alone = _active_alone(left, year)
        if alone is not None and len(left) == len(cands):
            return alone.player_id
    return None


def _initial_match(cands: list[Candidate], first: str) -> list[Candidate]:
    return [c for c in cands if fold(c.first_name)[:1] == first[:1]]


def link(name: str, *, club_ids=(), nationality: str | None = None, position: str | None = None,
         age: int | None = None, year: int | None = None, birth_year: int | None = None) -> str | None:
    """The transfermarkt player_id of `name` in this context, or None (see the module rule).

    `club_ids`: our club ids of the article; `position`: the extractor's (forward, ...) or the
    reference's; `age` with `year` (the article's) gives a birth year, as `birth_year` does."""
    if reference() is None:
        return None
    words = fold(name).split()
    if not words:
        return None
    if birth_year is None and age and year:
        birth_year = year - age
    ctx = dict(clubs=to_tm(club_ids), birth_year=birth_year, year=year, country=_country(nationality),
               position=POSITION.get(position or "", position))
    key = " ".join(words)
    if len(words) >= 2:
        cands = players_by_name(key)
        if cands:
            return decide(cands, full_name=True, **ctx)
        for i in range(1, len(words)):       # "Mykhailo Mudryk" spelt another way: surname + initial
            cands = _initial_match(players_by_surname(" ".join(words[i:])), words[0])
            if cands:
                return decide(cands, full_name=False, **ctx)
        return None
    return decide(players_by_name(key) + players_by_surname(key), full_name=False, **ctx)
