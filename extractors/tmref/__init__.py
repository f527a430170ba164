"""transfermarkt-datasets (CC0) as a reference: where it lives, how it loads, how names link.

Third-party data: never committed. It is read from `settings.reference_dir()`; when absent every
look-up returns nothing and extraction works as without it.
"""
from .linker import link
from .players import Candidate, players_by_name, players_by_surname, reference

__all__ = ["Candidate", "link", "players_by_name", "players_by_surname", "reference"]
