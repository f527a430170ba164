"""Italian cue words (folded: lowercase, no accents). `*` = any word ending."""

STOPWORDS = ("il lo la i gli le di del della dei degli delle dal dalla dai dagli nel nella nei negli sul sulla "
             "per con che non una uno un ma anche come piu sono stato stata e gia ancora questo questa quello "
             "quella dopo perche tra fra se ha hanno era essere al alla ai agli all dell nell sull cui poi")

# capitalised words that start sentences/headlines but are never names
CAP_STOP = ("il|lo|la|i|gli|le|un|una|uno|di|del|della|dal|dalla|nel|nella|per|con|che|non|ma|anche|come|"
            "dopo|prima|ora|oggi|ieri|domani|secondo|sempre|infine|inoltre|intanto|quindi|pero|tuttavia|"
            "nonostante|mentre|oltre|finora|magari|certo|ecco|esclusivo|ufficiale|calciomercato|ultime|"
            "notizie|ultimissime|possibile|colpo|tutto|tutti|tra|fra|su|se|al|alla|contratto|leggi|anche|"
            "classe|chi|cosa|come|dove|quando|perche|qui|li|la|questo|questa|quello|quella|difficile|"
            "giovani|diversi|molti|alcuni|ci|c|l|d|un|nell|dell|all|sull|e|o|ed|ad|ne|si|mi|da|a|in|"
            "presidente|mister|tecnico|allenatore|direttore|dirigenza|societa|tifosi|padre|madre|fratello|"
            "sarebbe|sara|sarebbero|potrebbe|e'|ok|bingo|almeno|chiariamoci|incoraggiato|parallelamente|"
            "giocatore|calciatore|difensore|attaccante|centrocampista|portiere|terzino|esterno|vice|nuovo|"
            "nuova|gran|grande|primo|prima|ultimo|ultima|rinnovo|stallo|trattativa|visite|mediche")

MOVE = ("mercato|calciomercato|trasferiment*|acquist*|cession*|ceder*|cedut*|vender*|vendut*|colpo|colpacci*|"
        "obiettiv*|mirino|interess*|pista|trattativ*|trattare|offert*|proposta|riscatt*|prestit*|"
        "arrivo|arrivato|l'ultimo arrivato|in arrivo|approdo|approdare|firma|firmare|firmato|tesserar*|chiudere per|"
        "rinforz*|innesto|piace|piacciono|sondat*|sondaggio|contatti|contatto|accordo|intesa|scambio|"
        "partente|in uscita|addio|salutare|lasciare|lascera|rinnov*|prolung*|svincolat*|parametro zero|"
        "parametri zero|gratis|riportare|strappare|soffiare|assalto|blitz|visite mediche|"
        "ufficializzat*|valutando|pallino|nel mirino|"
        "concorrenza|corte di|in direzione|destinazione|"
        "clausola|indennizzo|operazione|affare|asta|duello|sfuma*|saltat*|saltasse|trasferiment*|"
        "in entrata|rimpiazzare|sostituire|puntare su|puntare|tentativo|regalo|vuole|vogliono|volere|"
        "corteggia|corteggiano|corteggiat*|insegue|inseguono|seguono con attenzione|accostat*|"
        "cercano|sulle tracce|bussare|bussa|chiesto informazioni|richiesta")

# words just before a club naming the destination ("nel mirino del Milan")
TO_CUE = ("mirino del|mirino della|mirino dei|mirino dell|interesse del|interesse della|interesse dell|"
          "interesse dei|al|alla|all|allo|ai|verso il|verso la|verso l|in direzione|direzione|"
          "trasferimento al|trasferimento alla|passaggio al|passaggio alla|approdo al|approdare al|"
          "approdare alla|firmare con il|firmare con la|tornare al|tornare alla|ritorno al|corte del|"
          "vicino al|vicino alla|vicinissimo al|promesso sposo del|obiettivo del|obiettivo della")
FROM_CUE = ("dal|dalla|dall|dallo|dai|in uscita dal|in uscita dalla|lasciare il|lasciare la|lascia il|"
            "lascia la|addio al|addio alla|in forza al|in forza alla|sotto contratto con il|"
            "sotto contratto con la|di proprieta del|di proprieta della|giocatore del|giocatore della|"
            "calciatore del|calciatore della|cartellino del|in prestito al|in prestito alla")
ATTACH = "del|della|dell|dello|dei|in forza al|in forza alla|di proprieta del|di proprieta della|gioiello del|gioiello della"
HISTORY = "ex|l'ex|gia visto al|cresciuto nel|cresciuto nell|cresciuto nella|passato dal|arrivato dal|arrivato dalla"
PAST_TIME = "la scorsa estate|l'estate scorsa|estate scorsa|scorsa estate|la scorsa stagione|lo scorso anno|l'anno scorso|in passato|anni fa|la scorsa sessione"

COACH = ("allenatore|tecnico|mister|l'allenatore|"
         "il tecnico|la squadra allenata da|allenata da|allenato da|panchina|commissario tecnico|ct")
EXEC = ("presidente|patron|proprietario|direttore sportivo|ds|direttore generale|dg|amministratore delegato|"
        "ad|dirigente|dirigenti|vicepresidente|numero uno|chief|societa del presidente|dirigenza|"
        "direttore dell'area tecnica|responsabile dell'area tecnica|capo scouting")
AGENT = "agente|procuratore|agenti|procuratori|entourage|intermediario|manager del giocatore"
JOURNALIST = "giornalista|esperto di mercato|firma di|collega|opinionista"
SOURCE = "secondo|come riferisce|come riporta"
# cues right after a name: "X non lo vede" (coach), "X pronto a pagare" (executive), "X passa al" (player)
COACH_AFTER = "siedera sulla panchina|si siedera sulla panchina|e il nuovo allenatore|sara il nuovo allenatore|guidera la squadra|prende in mano la squadra|nominato allenatore|e stato nominato allenatore|non lo vede|lo vede|gli da spazio|non gli da spazio|lo schiera|ha chiesto un|ha chiesto il|chiede un rinforzo|conta su di lui|ha voluto fortemente"
EXEC_AFTER = "pronto a pagare|pronta a pagare|vuole investire|e pronto a investire|investira|ha ceduto|ha venduto"
PLAYER_AFTER = "passa al|passa alla|si trasferisce|ha firmato|firma con|firmera|va al|vola al|vola a|sbarca al|rinnova con|ha rinnovato|ha segnato|segna"
# cues right before a name that make it the one who wants a player: "pupillo di X", "pallino di X"
SUITOR_BEFORE = "regalo a|regalo per|primo regalo a|rinforzo per|richiesta di|pupillo di|pallino di|gradito a|gradimento di|richiesto da|voluto da|chiesto da|fedelissimo di|rosa di|ragazzi di|i giocatori di|alla corte di"
MANAGER_MOVE = "panchina|nuovo allenatore|esonerato|esonero|sulla panchina"
PLAYER_NOUN = ("giocatore|calciatore|difensore|centrale|terzino|esterno|centrocampista|mediano|regista|"
               "trequartista|attaccante|punta|centravanti|portiere|ala|bomber|fantasista|mezzala|"
               "laterale|capitano|talento|gioiello|classe|fuoriclasse|bomber|numero dieci|jolly|"
               "giovane attaccante|giovane difensore|promessa|baby")

DENIED = ("arenat*|si e arenata|fumata nera|in frenata|raffreddat*|interesse raffreddato|trattativa interrotta|interrott*|nessun contatto|nessuna trattativa|zero contatti|mai stato|nessun interesse|non e interessat*|"
          "smentisc*|smentit*|smentita|rifiutat*|rifiuta|rifiuto|no del|ha detto no|detto no|"
          "salta|saltato|saltata|salto|saltasse|sfumat*|sfuma|bloccat*|bloccato la cessione|"
          "hanno bloccato|nulla di fatto|allontanato|allontanata|tramontat*|naufragat*|"
          "risponderebbe picche|picche|non se ne fa nulla|strappato alla concorrenza|battut* la concorrenza|"
          "non ha intenzione|non ha assolutamente intenzione|respint*")
COMPLETED = ("si accasa|si e accasato|approda|si aggiudica|si e aggiudicato|si lega|si e legato|si trasferisce|da in prestito|danno in prestito|girato in prestito|cessione in prestito|ha rinnovato|ha prolungato|preso a parametro zero|ha ufficializzato|e stato presentato|ha prelevato|ha ingaggiato|ha girato|girato al|girato alla|ufficiale|ufficialmente|ufficializzat*|ufficialita|ha firmato|ha messo a segno|e arrivato|"
             "l'ultimo arrivato|ultimo arrivato|acquistato|ceduto|tesserato|nuovo giocatore|"
             "e stato acquistato|e passato|ha ceduto|in prestito al|in prestito alla|in prestito in|"
             "e un nuovo|dopo l'addio|l'acquisto di|cessione di|ricavo dal prestito|addio di|e arrivata|prelevato|ha preso|ha acquistato|riporta in|ufficializzazione|porre la firma|posto la firma|nero su bianco|ingaggiato|si e trasferito|e stato ceduto|e stato venduto|approdato|e sbarcato|sbarcato")
AGREED = ("tutto a posto|accordo raggiunto|raggiunto l'accordo|raggiunto un accordo|intesa raggiunta|"
          "trovato l'accordo|definito i termini|termini dell'accordo|c'e l'accordo|e fatta|fatta|"
          "chiuso l'operazione|virtualmente chiuso|chiuso|manca solo la firma|manca la firma|"
          "visite mediche|accordo e per|l'accordo|accordo totale|raggiunto un'intesa|va in prestito|torna al|"
          "torna alla|sara poi ceduto|accordo tra|accordo con")
NEGOTIATING = ("vicina|vicini|vicine|lavora per|lavorano per|lavorare su|continua a lavorare|in pressing|preme per|premono per|accelerata|accelera|accelerano|vuole chiudere|vogliono chiudere|passi spediti|diretto al|diretto alla|dirittura d'arrivo|sondaggio|sondaggi|ha chiesto informazioni|richiesta|rilanciato|trattativa|trattative|trattare|stallo|offerta|offerto|offerti|proposta|rilancio|"
               "contatti|contatto|vicino|vicinissimo|a un passo|ad un passo|in chiusura|in arrivo|"
               "proposti|incontro|summit|negoziat*|si tratta|al lavoro per|tentativo|assalto|"
               "pronto a pagare|pronto a chiudere|lavorando|sta per chiudere|sta per")

LOAN = "prestito|in prestito|prestito secco|prestito oneroso|cessione temporanea|titolo temporaneo"
OPTION = "diritto di riscatto|opzione|riscatto|con diritto"
OBLIGATION = "obbligo di riscatto|obbligo|riscatto obbligatorio"
FREE = "parametro zero|parametri zero|svincolato|svincolati|svincolat*|a zero|gratis|si liberera|scadenza di contratto|in scadenza|a titolo gratuito"
RENEWAL = "rinnovo|rinnova|rinnovare|rinnovera|rinnovato|prolungamento|prolungher*|prolunga|prolungare"
PERMANENT = "titolo definitivo|a titolo definito|definitivo|cartellino|a titolo definitivo|acquisto a titolo"

WAGE = ("a stagione|all'anno|annui|l'anno|netti|ingaggio|stipendio|a settimana|al mese|contratto da|"
        "quadriennale da|quinquennale da|triennale da|ingaggi")
PAST_FEE = "costato|pagato|speso|spesi|acquistato nel|arrivato per|pagata|sborsat*|investit*"
BONUS = "bonus|di bonus|variabili|premi|bonus legati"
OFFER = "offerta|offerti|offerto|offre|proposta|proposti|propone|rilancio|mette sul piatto|pronto a pagare|pronta a pagare|investire"
ASKING = "chiede|chiedere|richiesta|richiesti|pretende|valutazione|valutato|valuta|prezzo|cifra|non meno di|non inferiore|almeno"
VALUATION = "valore di mercato|valore|vale|quotato"
CLAUSE = "clausola rescissoria|clausola|clausola di rescissione|clausola di risoluzione"
AGREED_FEE = "pattuiti|pattuito|accordo|indennizzo|affare|operazione da|per"
LOAN_FEE = "prestito oneroso|ricavo dal prestito|prestito|per il prestito|dal prestito"

SCALE_MILLION = "milioni|milione|mln|mln.|mio|ml"
SCALE_THOUSAND = "mila"
CUR_EUR = "euro|di euro|euri"
CUR_GBP = "sterline|di sterline"
CUR_USD = "dollari|di dollari"

# demonyms used as a noun for a player already named ("l'uruguaiano", "il brasiliano"); `*` = any ending
DEMONYM = ("italian*|uruguaian*|uruguagi*|brasilian*|argentin*|frances*|spagnol*|portoghes*|olandes*|belg*|tedesc*|"
           "ingles*|croat*|serb*|polacc*|svedes*|norveges*|danes*|turc*|grec*|georgian*|nigerian*|senegales*|"
           "marocchin*|ivorian*|camerunens*|colombian*|cilen*|messican*|american*|giappones*|corean*|svizzer*|"
           "austriac*|cec*|slovacc*|sloven*|ungheres*|rumen*|albanes*|bosniac*|montenegrin*|kosovar*|islandes*|"
           "finlandes*|scozzes*|galles*|irlandes*|ucrain*|russ*|egizian*|algerin*|tunisin*|ghanes*|ecuadorian*|"
           "paraguaian*|peruvian*|venezuelan*|canades*|australian*|maliano|guineano|gabonese|congolese|"
           "fuoriclasse|bomber|talento|gioiello|campione|centravanti|mediano|regista|trequartista|fantasista|"
           "mezzala|laterale|ragazzo|giovane|baby|numero dieci|numero nove|nazionale|jolly|capitano")
ANAPHOR = "il giocatore|il calciatore|il difensore|il centrocampista|l'attaccante|il portiere|il classe|lui|lo|l'esterno|il terzino|il ragazzo|il centrale"
NEG = "non|nessun|nessuna|mai|zero|ne"

# cues read only for the reported status (deal.outcome_of), not for the pair model's features
OUTCOME_COMPLETED = ("passato al|passato alla|passato all'|passato ai|neo giocatore|neoacquisto|nuovo acquisto|"
                     "gli arrivi di|arrivi di|gli acquisti di|acquisti del|acquisti di|le cessioni|ultime cessioni|"
                     "riscattato|ha riscattato|riscattati|riscattata|aver acquistato|ha annunciato|"
                     "rinnovato il contratto|aver rinnovato|prendono|ha chiuso per|e approdato|si e unito|svincolato|svincolata|svincolati|ha comunicato|si e trasferito|e passato")
OUTCOME_DENIED = "tramonta|mancato arrivo|non apre|resta bloccato|non se ne fara nulla"
OUTCOME_AGREED = "chiusa la questione|cosa fatta|aspettano solo|aspetta solo"
OUTCOME_NEGOTIATING = ("passi sempre piu spediti|prova a chiudere|ben avviato|si lavora al|si lavora per|pista calda|"
                       "incontra l'agente|incontra l'entourage|distanza tra|ancora distanza")

# match events and injuries: a report of a game, not of a move
MATCH = ("infortunio|infortunat*|lesione|espulso|espulsione|cartellino rosso|ammonito|pareggio|al minuto|"
         "primo tempo|secondo tempo|ha segnato|doppietta|infermeria|risentimento|affaticamento")
