"""Status rules (deal.py / moves.py). Every sentence is written for these tests."""
from extractors.extract import extract_text
from extractors.extract.deal import status_of
from extractors.extract.text import fold_same_length


def st(sentence):
    return status_of(fold_same_length(sentence))


def test_a_bid_being_planned_is_interest_not_a_negotiation():
    assert st("Chelsea could be ready to swoop for the winger in the summer") is None
    assert st("Everton are lining up a bid for the defender") is None
    assert st("Il Napoli potrebbe fare un tentativo per l'attaccante") is None


def test_a_bid_made_is_a_negotiation():
    assert st("Everton have made a bid for the defender") == "negotiating"
    assert st("Chelsea submitted an offer on Monday") == "negotiating"


def test_status_in_a_roundup_is_read_in_the_pair_clause():
    text = ("Mercato du jour : Chelsea a officialisé Marco Vitali, Luca Peroni intéresse la Juventus, "
            "Arsenal négocie pour Paolo Brandi.")
    rs = {r.player.split()[-1]: r for r in extract_text(text).rumours}
    assert rs["Peroni"].to_club == "Juventus" and rs["Peroni"].status == "rumour"


def test_an_announced_or_sold_move_is_completed_and_on_loan_adjective_is_not():
    assert st("Le club a annoncé la prolongation du défenseur jusqu'en 2030") == "completed"
    assert st("Il Torino ha girato l'attaccante in prestito al Genoa") == "completed"
    assert st("Real Madrid want to sign on-loan striker Paolo Brandi permanently") != "completed"


def test_narrative_collapse_is_denied_in_four_languages():
    from extractors.extract.deal import status_of
    assert status_of("la trattativa con il torino si e arenata") == "denied"
    assert status_of("the deal broke down over the fee") == "denied"
    assert status_of("la operacion se enfrio en las ultimas horas") == "denied"
    assert status_of("le transfert est tombe a l'eau") == "denied"



def test_the_other_suitors_of_a_completed_move_lose_out():
    from types import SimpleNamespace as NS

    from extractors.extract.assemble import _lost_to_rival
    from extractors.extract.model import Rumour
    from extractors.extract.text import Sentence

    s0 = "Luca Peroni e ufficialmente un nuovo giocatore del Torino."
    s1 = "Peroni era stato accostato al Napoli."
    s2 = "Il Chelsea ha preso Marco Vitali, la Juventus segue Peroni."
    a = NS(sentences=[Sentence(0, 0, len(s0), s0), Sentence(1, 60, 60 + len(s1), s1), Sentence(2, 100, 160, s2)],
           clubs=[NS(club_id="torino", start=50), NS(club_id="napoli", start=90),
                  NS(club_id="chelsea", start=103), NS(club_id="juventus", start=130)])
    done = Rumour("Luca Peroni", "peroni", None, "Torino", to_club_id="torino", status="completed", evidence=s0)
    lost = Rumour("Luca Peroni", "peroni", None, "Napoli", to_club_id="napoli", status="rumour", evidence=s1)
    _lost_to_rival(a, [done, lost])
    assert (done.status, lost.status) == ("completed", "denied")
    # a completion read from a round-up sentence that also names the suitor says nothing of him
    done2 = Rumour("Luca Peroni", "peroni", None, "Chelsea", to_club_id="chelsea", status="completed", evidence=s2)
    other = Rumour("Luca Peroni", "peroni", None, "Juventus", to_club_id="juventus", status="rumour", evidence=s2)
    _lost_to_rival(a, [done2, other])
    assert other.status == "rumour"
