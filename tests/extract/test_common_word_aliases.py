"""Words that are a club's alias or part of a name only in football: "Gas" (Bristol Rovers) in
"Pacific Gas & Electric", "Co"/"Ltd" ending a company name, "Corso" opening a street.  Every
sentence is written for these tests."""
from extractors.extract.clubs import Club, ClubIndex
from extractors.extract.pipeline import analyse
from extractors.extract.text import fold_same_length

ROVERS = Club("bristol-rovers", "Bristol Rovers", "Bristol Rovers", "England", "League Two", 4, ("Gas", "Pirates"))
CITY = Club("bristol-city", "Bristol City", "Bristol City", "England", "Championship", 2, ())


def clubs_in(text):
    index = ClubIndex([ROVERS, CITY])
    return [c.name for c in index.find(text, fold_same_length(text), "en")]


def test_a_nickname_alias_is_no_club_in_an_article_that_never_names_the_club():
    assert clubs_in("Pacific Gas & Electric Co. will cut power to 300,000 homes on Wednesday.") == []


def test_a_nickname_alias_resolves_when_the_article_names_the_club():
    assert clubs_in("Bristol Rovers are keen on the striker. The Gas have made a bid.") == ["Bristol Rovers"] * 2


def test_a_company_name_is_not_a_person():
    names = {p.name for p in analyse("Shares in Northfield Mining Ltd rose after Redwater Energy Co "
                                     "announced the deal on Monday.").persons}
    assert not any("Ltd" in n or n.endswith("Co") for n in names), names


def test_a_street_is_not_a_person():
    names = {p.name for p in analyse("The showroom in Corso Monforte 15 opens on Monday; the shop on "
                                     "Paseo Ribalta closes.").persons}
    assert not any("Monforte" in n or "Ribalta" in n for n in names), names
