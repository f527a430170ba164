"""Spanish and French cues: club demonyms and supporters' names, transfer and status cue words,
leaving cues, 'from' cues and match-report cues. All sentences are written for these tests."""
from extractors.extract import extract_text, lexicon
from extractors.extract.candidates import _LEAVE, FEATURES
from extractors.extract.deal import status_of
from extractors.extract.model import ClubMention
from extractors.extract.moves import _is_from_cue
from extractors.extract.pipeline import analyse
from extractors.extract.text import fold_same_length


def clubs(text):
    return [c.name for c in extract_text(text).clubs]


def f(text):
    return fold_same_length(text)


# --- club demonyms and supporters' names ------------------------------------------------------
def test_spanish_supporters_name_resolves_alone():
    assert "Sevilla" in clubs("La afición sevillista espera al nuevo central antes del viernes.")
    assert "Real Betis" in clubs("El conjunto bético cierra la llegada de un lateral zurdo.")


def test_french_demonym_resolves_alone():
    assert "Lyon" in clubs("Les Rhodaniens ont formulé une première offre pour le milieu.")
    assert "Lyon" in clubs("La direction lyonnaise attend une réponse avant lundi.")


def test_common_word_nickname_needs_a_capital():
    # "amarillos" is also the plural of yellow: written in lowercase it names no club
    assert clubs("El árbitro enseñó dos amarillos en la primera parte.") == []


# --- cue words --------------------------------------------------------------------------------
def test_spanish_transfer_words_are_move_cues():
    assert lexicon.has("MOVE", f("El mercado de pases abre el lunes y el club busca refuerzos."))
    assert lexicon.has("MOVE", f("El volante podría recalar en un club de la costa."))


def test_french_transfer_words_are_move_cues():
    assert lexicon.has("MOVE", f("Le latéral est dans le viseur de plusieurs clubs anglais."))
    assert lexicon.has("MOVE", f("Les pistes se multiplient pour remplacer le gardien."))   # was 'pisteS'


def test_spanish_status_cues():
    assert status_of(f("En la otra orilla ya dan por caído el pase del atacante.")) == "denied"
    assert status_of(f("El chileno arribó libre la semana pasada.")) == "completed"
    assert status_of(f("El fichaje del central está atado desde hace días.")) == "agreed"
    assert status_of(f("El delantero está a un paso de su nuevo equipo.")) == "negotiating"


def test_french_status_cues():
    assert status_of(f("Le buteur a recalé le club saoudien.")) == "denied"
    assert status_of(f("Le dossier a pris un coup de froid ces derniers jours.")) == "denied"
    assert status_of(f("Le milieu, prêté par son club formateur, a joué samedi.")) == "completed"
    assert status_of(f("Les positions des deux clubs se rapprochent pour le défenseur.")) == "negotiating"


# --- leaving and 'from' cues ------------------------------------------------------------------
def test_spanish_and_french_leaving_cues():
    assert _LEAVE.search(f("La directiva quiere hacer caja con el extremo este verano."))
    assert _LEAVE.search(f("Le milieu pourrait changer d'air avant la fin du mois."))
    assert _LEAVE.search(f("Le club veut se séparer de son avant-centre."))


def _club_after(text, surface, name, cid):
    start = text.index(surface)
    return _is_from_cue(f(text), ClubMention(cid, name, surface, start))


def test_spanish_and_french_from_cues():
    assert _club_after("El lateral arribó del Betis en enero.", "Betis", "Real Betis", "real-betis")
    assert _club_after("El extremo quiere dejar el Sevilla en verano.", "Sevilla", "Sevilla", "sevilla")
    assert _club_after("Le défenseur veut quitter le Lyon cet hiver.", "Lyon", "Lyon", "lyon")


# --- match reports ----------------------------------------------------------------------------
def test_match_cues_per_language():
    assert lexicon.has("MATCH", f("L'attaquant a quitté le terrain sur civière à la mi-temps."))
    assert lexicon.has("MATCH", f("El central vio la tarjeta roja en el segundo tiempo."))
    assert lexicon.has("MATCH", f("The winger was sent off before half-time."))
    assert not lexicon.has("MATCH", f("Le club a trouvé un accord pour le transfert du milieu."))


def test_match_cue_feature_marks_a_game_report():
    text = "Contre Lyon, Marcel Dubreuil s'est blessé à la cheville et a quitté le terrain à la 70e minute."
    a = analyse(text)
    i = FEATURES.index("match_cue")
    rows = [r for c, r in zip(a.candidates.candidates, a.candidates.rows) if c.club is not None]
    assert rows and all(r[i] >= 1 for r in rows)


# --- places named after a club word -----------------------------------------------------------
def test_place_after_a_one_word_club_is_no_club():
    assert clubs("The shop on Everton Road closed its doors last week.") == []
    assert clubs("Everton want a new striker before the window shuts.") == ["Everton"]
