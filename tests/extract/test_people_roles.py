"""People: roles told apart by cues, lists, bylines. All sentences are written for these tests."""
from extractors.extract import extract_text


def roles(text, **kw):
    return {p.name: p.role for p in extract_text(text, **kw).players}


def players(text, **kw):
    return [p.name for p in extract_text(text, **kw).players if p.role == "player"]


def test_possessive_eye_marks_the_suitor_not_a_player():
    r = roles("The winger Tobias Renk has caught Walter Brosch's eye this season.")
    assert r.get("Walter Brosch") == "coach"
    assert r.get("Tobias Renk") == "player"


def test_possessive_assistant_marks_a_coach():
    assert roles("He was formerly Ugo Fantelli' assistant at Torino.").get("Ugo Fantelli") == "coach"


def test_player_noun_for_name_is_the_coach():
    r = roles("Luca Bellandi non è un difensore importante per Mirko Santarelli al Torino.")
    assert r.get("Mirko Santarelli") == "coach"


def test_money_offered_to_a_person_makes_an_executive():
    r = roles("El Sevilla le ofrece 20 millones a Teodoro Galván por el lateral.")
    assert r.get("Teodoro Galván") == "executive"


def test_ready_to_pay_makes_an_executive():
    assert roles("Il Torino vuole il terzino: Ottavio Berni pronto a pagare la clausola.").get("Ottavio Berni") == "executive"


def test_coach_after_cue_in_spanish():
    assert roles("Julián Ortega no le está dando minutos al lateral del Sevilla.").get("Julián Ortega") == "coach"


def test_pupil_of_makes_the_name_a_coach():
    assert roles("Il terzino è un pupillo di Gualtiero Nardi da anni.").get("Gualtiero Nardi") == "coach"


def test_byline_with_date_is_a_journalist():
    r = roles("Arsenal sign a winger. Colette Marchand - Mise en ligne: le 03/07/2019 à 10h\nArsenal have signed him.")
    assert r.get("Colette Marchand") == "journalist"


def test_relative_clause_after_a_list_gives_every_member_the_role():
    r = roles("Everton want a new manager. Former captains Dean Hollis and Mark Ferro, who are on the coaching staff, "
              "have applied.")
    assert r.get("Dean Hollis") == "coach" and r.get("Mark Ferro") == "coach"


def test_single_surname_listed_with_a_known_player_is_a_player():
    names = players("Il Torino ha acquistato il difensore Luca Bellandi. Restano in rosa Ferrandi, Bellandi e Kowalczyk.")
    assert "Ferrandi" in names and "Kowalczyk" in names


def test_lone_capitalised_single_word_is_not_a_player():
    assert "Ferrandi" not in players("Il Torino ringrazia Ferrandi per il lavoro svolto in società.")


def test_club_suffix_word_is_not_a_person():
    assert "Bristol Rovers" not in players("Bristol Rovers boss Ian Platt has resigned.")


def test_as_manager_sentence_makes_a_coach():
    assert roles("Chelsea have named Ramon Ferrer as their head coach.").get("Ramon Ferrer") == "coach"


def test_transfer_object_affare_marks_a_player():
    assert "Kowalczyk" in players("Nell'affare Kowalczyk il Torino ha incassato bene.")


def test_first_name_written_most_often_becomes_the_display_name():
    from extractors.extract import extract_text
    text = ("Il Torino pensa a Danilinho Ferraz. Danilinho piace anche al Napoli. "
            "Per Danilinho servono 10 milioni.")
    names = {p.name for p in extract_text(text).players}
    assert "Danilinho" in names


def test_surname_written_most_often_keeps_the_full_display_name():
    # incident: the warehouse listed movers as bare surnames ("Lecomte") once the most
    # written form won; analysts need the full name, the scorer matches surnames anyway
    from extractors.extract import extract_text
    text = ("Il Torino pensa a Rafael Souza Lima. Souza Lima piace anche al Napoli. "
            "Per Souza Lima servono 10 milioni.")
    names = {p.name for p in extract_text(text).players}
    assert "Rafael Souza Lima" in names and "Souza Lima" not in names


def test_person_appointed_to_the_bench_is_a_coach_not_a_mover():
    from extractors.extract import extract_text
    ex = extract_text("Roberto Falconi was appointed at Everton on Monday, and the club want to sign a striker.")
    assert all(r.player != "Roberto Falconi" for r in ex.rumours)


def test_the_one_a_signing_is_a_gift_for_is_the_coach():
    from extractors.extract import extract_text
    ex = extract_text("Il Torino prepara un colpo: il primo regalo a Gianni Morandotti sarà un attaccante.")
    roles = {p.name: p.role for p in extract_text("Il Torino prepara un colpo: il primo regalo a Gianni Morandotti sarà un attaccante.").players}
    assert roles.get("Gianni Morandotti", "coach") == "coach" and not ex.rumours
