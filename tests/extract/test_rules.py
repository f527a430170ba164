"""One small test per extraction rule. All sentences are written for these tests."""
from extractors.extract import extract_text
from extractors.extract.language import detect_language
from extractors.extract.text import fold_same_length


def clubs(text, **kw):
    return [c.name for c in extract_text(text, **kw).clubs]


def players(text, **kw):
    return [p.name for p in extract_text(text, **kw).players if p.role == "player"]


def rumours(text, **kw):
    return extract_text(text, **kw).rumours


def one(text, player_part, to_club, **kw):
    hits = [r for r in rumours(text, **kw) if player_part in r.player and r.to_club == to_club]
    assert hits, [(r.player, r.from_club, r.to_club) for r in rumours(text, **kw)]
    return hits[0]


# --- language -------------------------------------------------------------------------------
def test_language_is_detected_from_stop_words():
    assert detect_language(fold_same_length("Il club ha deciso di non vendere il giocatore per questa estate.")) == "it"
    assert detect_language(fold_same_length("The club have decided that the player is not for sale this summer.")) == "en"
    assert detect_language(fold_same_length("El club no quiere vender a su jugador por menos de lo que pide.")) == "es"
    assert detect_language(fold_same_length("Le club ne veut pas vendre son joueur pour moins que le prix.")) == "fr"


def test_other_language_is_unknown_without_error():
    assert extract_text("Der Verein will den Spieler im Sommer nicht verkaufen, sagt der Trainer.").language == "unknown"


# --- clubs ----------------------------------------------------------------------------------
def test_rossoneri_resolves_to_ac_milan():
    assert "AC Milan" in clubs("I rossoneri vogliono chiudere in fretta per il nuovo difensore.")


def test_la_roma_is_club_a_roma_is_city():
    assert clubs("Il difensore è arrivato ieri sera a Roma per le visite.") == []
    assert clubs("Il difensore piace molto alla Roma.") == ["AS Roma"]


def test_inter_miami_is_not_inter_milan():
    assert clubs("Inter Miami have opened talks for the veteran midfielder.") == ["Inter Miami"]


def test_real_alone_needs_real_madrid_in_context():
    assert clubs("Il Real vuole il centrocampista.") == []
    assert clubs("Il Real Madrid pensa al centrocampista. Il Real vuole chiudere presto.").count("Real Madrid") == 2


def test_ambiguous_nickname_goes_to_the_club_named_in_article():
    names = clubs("L'Atalanta ha rinnovato il contratto del terzino. I nerazzurri sono soddisfatti.")
    assert names == ["Atalanta", "Atalanta"]


# --- people ---------------------------------------------------------------------------------
def test_coach_cue_allenatore_excludes_person_from_players():
    text = "Marco Bellandi, allenatore del Torino, ha chiesto un nuovo attaccante."
    assert "Marco Bellandi" not in players(text)


def test_club_di_name_is_the_coach():
    text = "Il Torino di Marco Bellandi vuole Jamie Holt, attaccante del Chelsea."
    assert players(text) == ["Jamie Holt"]


def test_agent_apposition_is_not_a_player():
    text = "L'agente del calciatore, Paolo Verdini, ha parlato con la Juventus di Jamie Holt."
    assert "Paolo Verdini" not in players(text)


def test_surname_resolves_to_earlier_full_name():
    text = "Il Torino vuole Jamie Holt del Chelsea. Holt ha già detto sì alla nuova squadra."
    ex = extract_text(text)
    holt = [p for p in ex.players if p.key == "jamie holt"]
    assert len(holt) == 1 and holt[0].mentions == 2


def test_display_name_keeps_diacritics_key_folds():
    ex = extract_text("La Juventus segue Nikola Petrović, difensore della Fiorentina.")
    p = [p for p in ex.players if p.role == "player"][0]
    assert p.name == "Nikola Petrović" and p.key == "nikola petrovic"


def test_position_and_birth_year_from_classe():
    ex = extract_text("La Juventus pensa a Luca Ferrandi, difensore centrale classe 2001 del Torino.")
    p = [p for p in ex.players if p.key == "luca ferrandi"][0]
    assert p.position == "defender" and p.birth_year == 2001


def test_age_without_year_gives_no_birth_year():
    ex = extract_text("Chelsea are keen on Brentford winger Jamie Holt, 24, this summer.")
    p = [p for p in ex.players if p.key == "jamie holt"][0]
    assert p.birth_year is None


# --- fees -----------------------------------------------------------------------------------
def fees(text):
    return extract_text(text).fees


def test_milioni_di_euro_is_eur_fee():
    f = fees("Il Torino chiede 25 milioni di euro per il difensore.")[0]
    assert (f.amount, f.currency, f.kind, f.phrase) == (25_000_000, "EUR", "fee", "25 milioni di euro")


def test_pound_million_is_gbp_with_eur_value():
    f = fees("Chelsea have lodged a £40 million bid for the striker.")[0]
    assert f.amount == 40_000_000 and f.currency == "GBP" and f.eur > 40_000_000


def test_kilos_are_millions_of_euros():
    f = fees("El Sevilla prepara una oferta de 15 kilos por el central.")[0]
    assert (f.amount, f.currency) == (15_000_000, "EUR")


def test_entre_15_y_20_takes_lower_bound_and_keeps_range():
    f = fees("Será traspasado por una cifra entre 15 y 20 millones.")[0]
    assert (f.amount, f.low, f.high) == (15_000_000, 15_000_000, 20_000_000)


def test_wage_a_stagione_is_not_a_fee():
    f = fees("Il giocatore guadagnerà 3 milioni a stagione con il nuovo contratto.")[0]
    assert f.kind == "wage"


def test_wage_a_week_is_not_a_fee():
    assert fees("He is asking for £150,000 a week to stay.")[0].kind == "wage"


def test_bonus_is_kept_apart_from_the_fee():
    fs = fees("La Juventus pagherà 12 milioni più 2 di bonus al Torino.")
    assert fs[0].amount == 12_000_000 and fs[0].bonus == 2_000_000 and fs[1].kind == "bonus"


def test_option_price_is_not_the_loan_fee():
    text = "Prestito oneroso da 2 milioni con diritto di riscatto fissato a 18 milioni."
    kinds = {f.kind: f.amount for f in fees(text)}
    assert kinds["loan_fee"] == 2_000_000 and kinds["option"] == 18_000_000


def test_fee_paid_in_an_earlier_year_is_past():
    f = fees("He joined the club for £30m in 2019 and has struggled since.")[0]
    assert f.kind == "past"


# --- moves, deal type, status ----------------------------------------------------------------
def test_keen_on_gives_destination_and_attached_club_gives_origin():
    r = one("Chelsea are keen on Brentford striker Jamie Holt.", "Holt", "Chelsea")
    assert r.from_club == "Brentford" and r.status == "rumour"


def test_one_player_linked_to_two_clubs_gives_two_rumours():
    text = "Arsenal and Chelsea are both interested in signing Brentford striker Jamie Holt."
    tos = sorted(r.to_club for r in rumours(text) if "Holt" in r.player)
    assert tos == ["Arsenal", "Chelsea"]


def test_nel_mirino_del_gives_destination():
    r = one("Luca Ferrandi del Torino è finito nel mirino della Juventus.", "Ferrandi", "Juventus")
    assert r.from_club == "Torino"


def test_denial_nessun_contatto_sets_status_denied():
    text = "Luca Ferrandi del Torino e la Juventus: nessun contatto, dice il suo entourage."
    assert one(text, "Ferrandi", "Juventus").status == "denied"


def test_not_interested_sets_status_denied():
    assert one("Everton are not interested in signing Brentford striker Jamie Holt.", "Holt", "Everton").status == "denied"


def test_parametro_zero_is_a_free_deal():
    text = "Il Napoli vuole prendere a parametro zero Luca Ferrandi, in uscita dal Torino."
    r = one(text, "Ferrandi", "Napoli")
    assert r.deal_type == "free" and r.from_club == "Torino"


def test_loan_with_option_and_its_price():
    text = ("La Juventus ha trovato l'accordo per Luca Ferrandi del Torino: prestito con diritto di riscatto "
            "fissato a 18 milioni di euro.")
    r = one(text, "Ferrandi", "Juventus")
    assert r.deal_type == "loan_with_option" and r.fee.amount == 18_000_000 and r.status == "agreed"


def test_renewal_has_same_from_and_to():
    text = "Luca Ferrandi del Torino è pronto a firmare il rinnovo con il Torino fino al 2029."
    r = one(text, "Ferrandi", "Torino")
    assert r.from_club == "Torino" and r.deal_type == "renewal"


def test_career_history_is_not_a_rumour():
    text = "L'ex giocatore del Lione Luca Ferrandi segnò tanti gol. Ora la Juventus vuole Luca Ferrandi."
    assert all(r.to_club != "Lyon" for r in rumours(text))


def test_manager_move_is_not_a_rumour():
    text = "Everton have appointed Jamie Holt as manager to replace the sacked boss."
    assert rumours(text) == []


def test_every_rumour_has_confidence_and_evidence():
    for r in rumours("Chelsea are keen on Brentford striker Jamie Holt."):
        assert 0.0 <= r.confidence <= 1.0 and r.evidence


def test_extraction_is_deterministic():
    text = "Arsenal and Chelsea are both interested in signing Brentford striker Jamie Holt for £30m."
    assert extract_text(text).to_record("x") == extract_text(text).to_record("x")


# --- deal type in sentences about several players --------------------------------------------
def test_loan_of_one_player_is_not_the_deal_of_the_next():
    text = ("Everton have completed two signings: Jamie Holt, on loan from Chelsea, and Tom Ashworth, "
            "who joined Everton from Brentford for £8m.")
    assert one(text, "Ashworth", "Everton").deal_type == "permanent"
    assert [r.deal_type for r in rumours(text) if "Holt" in r.player] == ["loan"]


def test_each_player_keeps_his_own_deal_in_a_spanish_round_up():
    text = ("El Sevilla cierra el mercado: Javier Montañero llega cedido por el Real Madrid y Pablo Ordóñez "
            "firma por el Sevilla procedente del Real Betis por 6 millones de euros.")
    assert one(text, "Montañero", "Sevilla").deal_type == "loan"
    assert one(text, "Ordóñez", "Sevilla").deal_type == "permanent"


# --- an agreement still to reach is talks (conventions: "close to" is negotiating) -------------
def test_close_to_an_agreement_is_negotiating():
    assert one("Everton are close to an agreement with Brentford for striker Jamie Holt.", "Holt",
               "Everton").status == "negotiating"
    assert one("El Sevilla está cerca de un acuerdo con el Real Betis por Javier Montañero.", "Montañero",
               "Sevilla").status == "negotiating"
    assert one("Lyon serait proche d'un accord avec Chelsea pour Tom Ashworth.", "Ashworth", "Lyon").status == "negotiating"


def test_an_agreement_reached_stays_agreed():
    assert one("Everton have agreed a fee with Brentford for striker Jamie Holt.", "Holt", "Everton").status == "agreed"


def test_spanish_and_french_denials_read_for_the_reported_status():
    text = "El representante de Javier Montañero ha decidido zanjar los rumores sobre su fichaje por el Sevilla."
    assert one(text, "Montañero", "Sevilla").status == "denied"
    text = "Lyon voulait recruter Tom Ashworth, mais son agent a coupé court aux rumeurs d'un transfert à Lyon."
    assert one(text, "Ashworth", "Lyon").status == "denied"


# --- the club he plays for is no destination (assemble, whatever the scorer) -----------------
def _assembled(text, chosen_club_ids):
    from extractors.extract.assemble import assemble_rumours
    from extractors.extract.pipeline import analyse
    a = analyse(text)
    cands = a.candidates.candidates
    probs = [0.9 if c.club is not None and c.club.club_id in chosen_club_ids else 0.0 for c in cands]
    return [(r.player, r.from_club, r.to_club) for r in assemble_rumours(a, probs)]


def test_a_pair_with_his_own_club_reports_him_leaving_it():
    text = "El Sevilla quiere fichar a Javier Montañero, jugador del Real Betis, por 6 millones de euros."
    assert _assembled(text, {"real-betis"}) == [("Javier Montañero", "Real Betis", None)]


def test_his_own_club_gives_way_to_a_destination_chosen_as_well():
    text = "El Sevilla quiere fichar a Javier Montañero, jugador del Real Betis, por 6 millones de euros."
    assert _assembled(text, {"real-betis", "sevilla"}) == [("Javier Montañero", "Real Betis", "Sevilla")]


def test_a_player_named_only_in_match_reports_has_no_rumour():
    assert rumours("Ligue 1 : Tom Ashworth a dû quitter ses partenaires à la 70e minute du match nul entre Lyon "
                   "et Chelsea, touché à la cheville.") == []
    assert rumours("Liga: Javier Montañero tuvo que salir lesionado en el minuto 30 del empate entre el Sevilla "
                   "y el Real Betis.") == []


def test_a_demonym_right_before_his_name_is_his_club():
    text = "Mercato : Chelsea multiplie les pistes, et le Lyonnais Marco Dupontel est la priorité du club."
    assert _assembled(text, {"lyon"}) == [("Marco Dupontel", "Lyon", None)]


def test_his_age_then_a_club_in_brackets_is_his_club():
    text = "Chelsea cherche un latéral : Tom Ashworth (22 ans, Everton) est la priorité."
    assert _assembled(text, {"everton"}) == [("Tom Ashworth", "Everton", None)]


def _assembled_leaving(text):
    from extractors.extract.assemble import assemble_rumours
    from extractors.extract.pipeline import analyse
    a = analyse(text)
    probs = [0.9 if c.club is None else 0.0 for c in a.candidates.candidates]
    return [(r.player, r.from_club, r.to_club) for r in assemble_rumours(a, probs)]


def test_a_loan_return_is_no_move():
    assert _assembled_leaving("Chelsea : Tom Ashworth, de retour de prêt, reste au club.") == []


def test_a_loan_returnee_sold_for_a_fee_is_a_move():
    assert _assembled_leaving("Chelsea : Tom Ashworth, de retour de prêt, a été vendu pour 5 millions d'euros.") \
        == [("Tom Ashworth", None, None)]


def test_a_player_told_of_an_earlier_window_only_is_no_move():
    assert _assembled_leaving("Chelsea : à l'époque, Tom Ashworth n'avait pas convaincu le club.") == []
    assert _assembled_leaving("Chelsea : Tom Ashworth veut partir cet été.") == [("Tom Ashworth", None, None)]
