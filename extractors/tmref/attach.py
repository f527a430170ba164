"""Set `player_id` on an article's player mentions and rumours (the extraction pipeline's hook).

Cheap when there is no reference: one cached look-up, then nothing. Only people the text calls
players are linked (a coach who once played is not the player of the reference). A mover's club
context is first the clubs of his own moves, then the article's (a round-up names dozens of clubs:
a namesake at one of them by chance is likelier); position, birth year and nationality come from
the mention. A
surname the article also writes in full ("Issa Diop ... Diop") takes the full name's link, even
none: it is never linked on its own to another player of that surname.
"""
from __future__ import annotations

from .players import reference


def _year(month: str | None) -> int | None:
    """The article's year (YYYY-MM); None when unknown: an undated page is not assumed to be
    of the reference's last season (the evaluation articles go back to 2011)."""
    return int(month[:4]) if month and month[:4].isdigit() else None


def _move_clubs(rumours) -> dict[str, set[str]]:
    """Each mover's clubs in his own moves (from and to), our ids."""
    out: dict[str, set[str]] = {}
    for r in rumours:
        out.setdefault(r.player_key, set()).update(c for c in (r.from_club_id, r.to_club_id) if c)
    return out


def _owners(full_keys) -> dict[str, str | None]:
    """Each word-suffix of the article's full-name keys -> the one key ending with it (None if
    several do): "issa diop" gives "diop" -> "issa diop"."""
    out: dict[str, str | None] = {}
    for k in set(full_keys):
        words = k.split()
        for i in range(1, len(words)):
            suffix = " ".join(words[i:])
            out[suffix] = k if suffix not in out else None
    return out


def attach_player_ids(players, rumours, clubs, month: str | None = None) -> None:
    """Fill PlayerMention.player_id and Rumour.player_id in place (None stays when unlinked)."""
    ref = reference()
    if ref is None:
        return
    from .clubmap import to_tm
    from .linker import link_in    # here: tmref.linker imports extract.text, whose package imports us

    article_clubs = to_tm({c.club_id for c in clubs})
    move_clubs = {k: to_tm(v) for k, v in _move_clubs(rumours).items()}
    year = _year(month)
    owners = _owners(p.key for p in players if " " in p.key)
    not_players = {p.key for p in players if p.role != "player"}
    ids: dict[str, str | None] = {}

    def one(key: str, name: str, **cues) -> str | None:
        if key in owners:              # the full name's link (None: unlinked, not a player, or two owners)
            return ids.get(owners[key]) if owners[key] else None
        # a mover: the clubs of his own moves first (fewer namesakes by chance than the article's dozen)
        return link_in(ref, name, tm_clubs=move_clubs.get(key) or article_clubs, wider_tm_clubs=article_clubs,
                       year=year, **cues)

    # longest keys first: a full name is linked before the surname that may refer to it
    for p in sorted((p for p in players if p.role == "player"), key=lambda p: -len(p.key)):
        ids[p.key] = p.player_id = one(p.key, p.name, nationality=p.nationality, position=p.position,
                                       birth_year=p.birth_year)
    for r in rumours:
        if r.player_key in ids:
            r.player_id = ids[r.player_key]
        elif r.player_key not in not_players:
            r.player_id = one(r.player_key, r.player)
