"""Link a name found in text to one transfermarkt player, or to none.

The rule (never a guess): a player id is returned only when exactly one reference player is left
once candidates contradicted by the text are dropped (a birth year off by more than one, another
citizenship), and the evidence for that one is
  1. the folded full name matches exactly one player (also when the extractor glued words before
     it: "ATTACCO Gabriel Jesus");
  2. of the candidates, exactly one plays (at the snapshot) for a club of the article (for a lone
     surname, only when at most MAX_NAMESAKES reference players bear it, and no namesake is far
     better known than he is: an old article's "Bakayoko" at Inter is not the youth player the
     snapshot lists there);
  3. exactly one candidate is left and a cue of the text (birth year, nationality, position)
     agrees with it, or the text's position is that of exactly one of the candidates;
  4. recency: exactly one candidate was active in the article's season (last_season >= year - 1)
     and, for a full name, every other one left the covered leagues at least four seasons before
     (last_season <= year - 4); for a lone surname, only when it is the reference's only player
     with that surname ("Dybala"), and then, when the article's season is unknown, he is linked
     without it (an undated page may be of any season the reference covers);
  5. notability: of a lone surname's namesakes (at most MAX_NAMESAKES), one's highest market value
     is NOTABLE_RATIO times every other's ("Pogba" is Paul, not Florentin), and he was active in
     the article's season when it is known. Rule 2 goes first: a lesser namesake at the article's
     club is never overridden by it.
A position never rules a candidate out (the text's position words are loose, and positions change
over a career). A lone surname, or a full name matching nobody (read as the surname and a first
name spelt another way), never links on rule 1; the latter links on rule 4 only with the article's
season known, and never on rule 5 ("Antonio Conte", a coach, is not Antoine Conte, last seen
in 2015). Ambiguous names stay unlinked.
"""
from __future__ import annotations

from ..extract.text import fold
from .clubmap import to_tm
from .players import Candidate, Reference, reference, skeleton

MAX_NAMESAKES = 6      # a lone surname with more reference players than this is not linked by club
NOTABLE_RATIO = 20     # rule 5: how far the best-known namesake's peak market value must stand out
NOTABLE_FLOOR = 2_000_000
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


def _contradicted(c: Candidate, birth_year, country) -> bool:
    if birth_year and c.birth_year and abs(c.birth_year - birth_year) > 1:
        return True
    return bool(country and c.country_of_citizenship and fold(c.country_of_citizenship) != country)


def _cued(left: list[Candidate], birth_year, position, country) -> Candidate | None:
    """Rule 3: the one candidate a cue of the text points at."""
    if len(left) == 1 and ((birth_year and left[0].birth_year) or (country and left[0].country_of_citizenship)
                           or (position and left[0].position == position)):
        return left[0]
    same_position = [c for c in left if position and c.position == position]
    return same_position[0] if len(left) > 1 and len(same_position) == 1 else None


def _active_alone(cands: list[Candidate], year: int | None, full_name: bool,
                  variant: bool = False) -> Candidate | None:
    """Rule 4: the one candidate active in the article's season; with no season known, a lone
    surname that only one reference player bears (nothing to check his activity against; not a
    surname the text gives with another first name: "Antonio Conte" is not "Antoine Conte")."""
    if not year:
        return cands[0] if not full_name and not variant and len(cands) == 1 else None
    active = [c for c in cands if (c.last_season or 0) >= year - 1]
    if len(active) != 1:
        return None
    if full_name:
        gone = [c for c in cands if (c.last_season or 0) <= year - 4]
        return active[0] if len(gone) == len(cands) - 1 else None
    return active[0] if len(cands) == 1 else None


def decide(cands: list[Candidate], *, clubs: set[str], birth_year=None, position=None,
           country=None, year=None, full_name: bool, variant: bool = False,
           wider_clubs: set[str] = frozenset()) -> str | None:
    """The rule of the module docstring over `cands` (already looked up by name). `wider_clubs`:
    the club context rule 2 falls back on when nobody plays for one of `clubs` (a mover's own
    clubs first, then the article's)."""
    cands = list({c.player_id: c for c in cands}.values())
    left = [c for c in cands if not _contradicted(c, birth_year, country)]
    if not left:
        return None
    if full_name and len(cands) == 1:
        return left[0].player_id
    # a common surname (Diop, Silva) is too likely to have a namesake at one of the article's
    # clubs by chance (clubs are the snapshot's, not the article's time): it needs the full name
    common = not full_name and len(cands) > MAX_NAMESAKES
    for tier in (clubs, wider_clubs):
        in_club = [] if common else [c for c in left if c.current_club_id in tier]
        if len(in_club) == 1:     # unless a far better-known namesake makes a surname a toss-up
            return None if not full_name and _overshadowed(in_club[0], left) else in_club[0].player_id
        if len(in_club) > 1:
            return None
    cued = _cued(left, birth_year, position, country)
    if cued is not None:
        return cued.player_id
    alone = _active_alone(cands, year, full_name, variant) if len(left) == len(cands) else None
    if alone is not None:
        return alone.player_id
    notable = None if full_name or variant or common else _notable(left, year)
    return notable.player_id if notable is not None else None


def _overshadowed(c: Candidate, left: list[Candidate]) -> bool:
    """A namesake far better known than `c`: the bare surname may well be his, whatever club `c`
    is at (a youth player of the article's club, listed there since he left the covered leagues)."""
    mine = c.highest_market_value_in_eur or 0
    return any((o.highest_market_value_in_eur or 0) >= max(NOTABLE_FLOOR, NOTABLE_RATIO * mine)
               for o in left if o is not c)


def _notable(left: list[Candidate], year: int | None) -> Candidate | None:
    """Rule 5: of namesakes, the one the press means by the bare surname: his highest market
    value is NOTABLE_RATIO times every other's (Pogba is Paul, not Florentin), and, when the
    article's season is known, he was active in it."""
    if len(left) < 2:
        return None
    ranked = sorted(left, key=lambda c: c.highest_market_value_in_eur or 0, reverse=True)
    top, second = (c.highest_market_value_in_eur or 0 for c in ranked[:2])
    if top < NOTABLE_FLOOR or top < NOTABLE_RATIO * second:
        return None
    return ranked[0] if not year or (ranked[0].last_season or 0) >= year - 1 else None


def _first_name_match(cands: list[Candidate], first: str) -> list[Candidate]:
    """Candidates whose first name is the text's spelt another way: the same first four letters
    ("Mykhailo"/"Mykhaylo"), or one a prefix of the other ("Alex"/"Alexander"). An initial alone
    is not enough: "Adrián Roldán" is not "Álex Roldán"."""
    out = []
    for c in cands:
        theirs = _first_word(c.first_name)
        if theirs and (theirs[:4] == first[:4] if min(len(theirs), len(first)) >= 4
                       else theirs.startswith(first) or first.startswith(theirs)):
            out.append(c)
    return out


_FIRST_WORD: dict[str, str] = {}     # a reference first name -> its first folded word ("" when none)


def _first_word(first_name: str) -> str:
    """The first word of `fold(first_name)`, read once per name: a common surname has hundreds of
    candidates, and the same ones are read in every article that names one of them."""
    w = _FIRST_WORD.get(first_name)
    if w is None:
        words = fold(first_name).split()
        w = _FIRST_WORD[first_name] = words[0] if words else ""
    return w


def link(name: str, *, club_ids=(), nationality: str | None = None, position: str | None = None,
         age: int | None = None, year: int | None = None, birth_year: int | None = None,
         tm_clubs: set[str] | None = None) -> str | None:
    """The transfermarkt player_id of `name` in this context, or None (see the module rule).

    `club_ids`: our club ids of the article (or `tm_clubs`, already mapped, to save the mapping
    per name); `position`: the extractor's (forward, ...) or the reference's; `age` with `year`
    (the article's) gives a birth year, as `birth_year` does."""
    ref = reference()
    if ref is None:
        return None
    return link_in(ref, name, club_ids=club_ids, nationality=nationality, position=position, age=age,
                   year=year, birth_year=birth_year, tm_clubs=tm_clubs)


# _lookup's answers per loaded reference (its indexes are built once and never change): the same
# names recur in an article (candidate features, then the output links) and across articles
_LOOKUPS: dict[int, tuple[Reference, dict]] = {}
_LOOKUPS_MAX = 100_000


def _lookup(ref: Reference, words: list[str], misspelt: bool = True) -> tuple[list[Candidate], str] | None:
    """(candidates, how they match: "full" name, "surname", or "variant", a surname with a first
    name spelt another way) for the folded words of a name (remembered: callers must not change
    the list)."""
    slot = _LOOKUPS.get(id(ref))
    if slot is None or slot[0] is not ref:
        slot = _LOOKUPS[id(ref)] = (ref, {})
    memo = slot[1]
    k = (" ".join(words), misspelt)
    if k in memo:
        return memo[k]
    if len(memo) >= _LOOKUPS_MAX:
        memo.clear()
    found = memo[k] = _lookup_words(ref, words, misspelt)
    return found


def _lookup_words(ref: Reference, words: list[str], misspelt: bool) -> tuple[list[Candidate], str] | None:
    key = " ".join(words)
    by_name, by_surname = ref.by_name, ref.by_surname
    if len(words) == 1:
        if key not in by_name and key not in by_surname:
            return _misspelt(ref, key, single=True) if misspelt else None
        return [ref.players[i] for i in (*by_name.get(key, ()), *by_surname.get(key, ()))], "surname"
    if key in by_name:
        return [ref.players[i] for i in by_name[key]], "full"
    if key in by_surname:                 # "De Sciglio", "Alexander Arnold"
        return [ref.players[i] for i in by_surname[key]], "surname"
    # words the extractor glued before a full name ("ATTACCO GABRIEL JESUS", "Oro Cristiano Ronaldo")
    tail = next((" ".join(words[i:]) for i in range(1, len(words) - 1) if " ".join(words[i:]) in by_name), None)
    if tail is not None:
        return [ref.players[i] for i in by_name[tail]], "full"
    # "Mykhailo Mudryk" spelt another way: the surname and a first name that agrees with it
    hit = next((" ".join(words[i:]) for i in range(1, len(words)) if " ".join(words[i:]) in by_surname), None)
    if hit is None:
        return _misspelt(ref, key, single=False) if misspelt else None
    cands = _first_name_match([ref.players[i] for i in by_surname[hit]], words[0])
    if cands:
        return cands, "variant"
    return _misspelt(ref, key, single=False) if misspelt else None


def _misspelt(ref: Reference, key: str, single: bool) -> tuple[list[Candidate], str] | None:
    """A name the reference knows under another spelling (a letter written once that it doubles,
    i for y: "Ullises Garcia", "El Shaarawi", "Damsgard"), matched on `skeleton`s. A variant: never
    linked on the name alone (module rule), only with the text's club, cue or season."""
    sk = skeleton(key)
    ids = ref.surname_skeletons.get(sk) if single else ref.name_skeletons.get(sk) or ref.surname_skeletons.get(sk)
    return ([ref.players[i] for i in ids], "variant") if ids else None


def link_in(ref: Reference, name: str, *, club_ids=(), nationality: str | None = None,
            position: str | None = None, age: int | None = None, year: int | None = None,
            birth_year: int | None = None, tm_clubs: set[str] | None = None,
            wider_tm_clubs: set[str] = frozenset(), misspelt: bool = True) -> str | None:
    """`link` against a loaded reference (the extractor's hot path: no settings look-up);
    `wider_tm_clubs` as decide's `wider_clubs`; `misspelt=False` matches names as spelt only."""
    found = _lookup(ref, fold(name).split(), misspelt)
    if found is None:
        return None
    cands, match = found
    if birth_year is None and age and year:
        birth_year = year - age
    return decide(cands, full_name=match == "full", variant=match == "variant", clubs=to_tm(club_ids) if tm_clubs is None else tm_clubs,
                  birth_year=birth_year, year=year, country=_country(nationality),
                  position=POSITION.get(position or "", position), wider_clubs=wider_tm_clubs)
