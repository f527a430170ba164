"""Where an arriving player comes from (moves.py): "procedente del", "en provenance de",
"prêté par", "proveniente dal".  The club that signs him is not his club.  The rules'
own rumours are checked (analyse), so the learned scorer does not blur what the rule does.
Every sentence is written for these tests."""
from extractors.extract.pipeline import analyse


def rule_moves(text):
    return {(r.player.split()[-1], r.from_club, r.to_club) for r in analyse(text).rules}


def test_spanish_procedente_del_is_the_selling_club():
    got = rule_moves("El Sevilla ha fichado al centrocampista Rubén Aldaya, procedente del Real Betis, "
                     "por 6 millones de euros.")
    assert ("Aldaya", "Real Betis", "Sevilla") in got


def test_french_en_provenance_de_is_the_selling_club_and_the_recruiting_club_the_buyer():
    got = rule_moves("L'Olympique Lyonnais a recruté le milieu Julien Marcadet, en provenance de la Juventus, "
                     "pour 8 millions d'euros.")
    assert ("Marcadet", "Juventus", "Lyon") in got
    assert not any(t == "Juventus" for _, _, t in got)


def test_french_prete_par_is_the_lending_club():
    got = rule_moves("Lyon a accueilli Bastien Coquelet, prêté par Arsenal, pour six mois.")
    assert ("Coquelet", "Arsenal", "Lyon") in got


def test_italian_proveniente_dal_is_the_selling_club():
    got = rule_moves("Il Torino ha acquistato il difensore Marco Belardi, proveniente dall'Atalanta.")
    assert ("Belardi", "Atalanta", "Torino") in got


def test_a_club_before_a_player_noun_is_still_his_club_when_no_move_word_is_between():
    got = rule_moves("Torino have made an offer for Atalanta striker Marco Belardi.")
    assert ("Belardi", "Atalanta", "Torino") in got
