"""French cue words (folded: lowercase, no accents). `*` = any word ending."""

STOPWORDS = ("le la les de des du et en un une est que qui pour dans sur par pas avec au aux il elle ce se "
             "son sa ses a ont ete plus mais ne ou leur cette comme")

CAP_STOP = ("le|la|les|l|de|des|du|d|et|en|un|une|est|que|qui|pour|dans|sur|par|pas|avec|au|aux|il|elle|"
            "ce|se|son|sa|ses|c|apres|avant|pendant|selon|mais|voici|decouvrez|journal|transferts|top|"
            "mise|ligne|taille|texte|email|imprimer|partager|pour|du|lundi|le|ca|il|rendez|media|"
            "entraineur|president|directeur|joueur|attaquant|milieu|defenseur|gardien|ailier|offre|dernier|"
            "derniere|enfin|officiel|exclusif|mercato|transfert|dossier|dossiers|infos|avec")

MOVE = ("recrute|a recrute|accueilli|a accueilli|engage|transfert|transferts|mercato|recrue|recrutement|recruter|signer|signe|signature|arrivee|arriver|"
        "depart|partir|quitter|vente|vendre|cede|ceder|pret|prete|offre|offres|interet|interesse|"
        "pistes|piste|cible|convoite|negociation|negociations|accord|rejoindre|rejoint|tient|"
        "option d'achat|clause|prolongation|prolonger|libre|espere|esperes|met le paquet|cherche|"
        "bouger|imminent|attaquant|le transfert|dossier|arrivees|departs|recrues|priorite|dans le viseur|viseur|courtise|sonde|mettre la main|s'engager|changer d'air|est attendu|s'activent|s'active|se separer|partant|contre-proposition|cede|vendu|prete par|transfert definitif|debarque|interesses|interessee|retente|convoitise|sur les tablettes|pret avec option d'achat|indemnite|renfort|renforts|s'offrir|boucler|finaliser")

TO_CUE = "vers|a|au|a l|pour rejoindre|rejoindre|rejoint|pour|espere au|espere a|piste|interet de|interet du|cible de|cible du|au profit de"
FROM_CUE = "de|du|quitter|quitte|depart de|en provenance de|prete par|libere par|joueur de|joueur du|lacher"
ATTACH = "de|du|de l"
HISTORY = "ex|ancien|passe par|forme a|forme au|ex-"
PAST_TIME = "l'ete dernier|la saison derniere|l'an dernier|l'annee derniere|par le passe|il y a"

COACH = "entraineur|coach|technicien|manager|selectionneur|banc"
EXEC = "president|directeur sportif|dirigeant|dirigeants|proprietaire|conseiller|direction"
AGENT = "agent|agents|representant|entourage|intermediaire"
JOURNALIST = "journaliste|chroniqueur"
SOURCE = "selon|d'apres"
COACH_AFTER = "sera le nouvel entraineur|est le nouvel entraineur|prend les renes|prendra les renes|s'assiera sur le banc|a ete nomme entraineur|nomme entraineur|compte sur lui|lui fait confiance|ne le fait pas jouer|l'a titularise"
EXEC_AFTER = "pret a payer|veut investir|a paye"
PLAYER_AFTER = "rejoint|rejoindra|signe a|signe au|s'engage avec|s'engage pour|prolonge|a prolonge|quitte|va quitter|file a|file au|debarque"
SUITOR_BEFORE = "cadeau pour|cadeau a|renfort pour|protege de|chouchou de|souhait de|a la demande de|les hommes de|l'equipe de|la formation de"
MANAGER_MOVE = "nouvel entraineur|limoge|banc de touche"
PLAYER_NOUN = "joueur|attaquant|milieu|defenseur|gardien|ailier|lateral|avant-centre|international|espoir|meneur de jeu|buteur|footballeur|pepite|le grec|l'attaquant"

DENIED = "tombe a l'eau|tombee a l'eau|avorte|a renonce|renonce|abandonne la piste|piste abandonnee|n'aboutira pas|pas interesse|refus*|rejete|dementi|dement|echec|capote|bloque|aucun contact|pas de contact|ferme la porte|n'est plus|pas question|recale|a recale|coup de froid|s'eloigne|n'est plus d'actualite|ne viendra pas|refroidi"
COMPLETED = "a ete cede|recrute|a recrute|a quitte|ont quitte|est parti|sont partis|a debarque|ont debarque|debarquent|s'engage|a prolonge|a accueilli|a ete transfere|a officialise|a ete officialise|a annonce|annonce la|officiel|officialise|rejoint|a signe|s'est engage|est arrive|tient son|tient enfin|transfert acte|bouclé|boucle|vendu|a ete vendu|a ete prete|ont change d'air|change d'air|paraphe|a paraphe|nouvelle recrue|debarque|transfere|a rejoint|est officiellement|prete par|recrute pour|a ete recrute|sont deja la|est deja la|premiere recrue|nouveau joueur|cede pour|a ete cede|ont ete cedes|transfert definitif|s'est engage|a boucle|ont boucle|a officialise|est arrive|sont arrives|a rejoint"
AGREED = "accord|tombes d'accord|d'accord|accord trouve|accord conclu|a convaincu|feu vert|accepte|accord contractuel|accord de principe|accord verbal|accord total|terrain d'entente"
NEGOTIATING = "negociation*|negocie|imminent|offre|proche|en passe de|discussions|pourparlers|met le paquet|avance|sur le point|cherche|discute|discute avec|se rapprochent|contre-proposition|a propose|proposition|tentent|tente|retente|en embuscade|s'activent|s'active|fonce|passe a l'action|accelere|est attendu|visite medicale|en discussions|en contact|finaliser"

LOAN = "pret|prete|en pret|pret payant"
OPTION = "option d'achat|option"
OBLIGATION = "obligation d'achat|obligation"
FREE = "libre|gratuitement|fin de contrat|libre de tout contrat|gratuit"
RENEWAL = "prolongation|prolonge|prolonger|renouvele|nouveau contrat"
PERMANENT = "transfert definitif|definitif|achat|acheter|transfert"

WAGE = "par mois|par an|salaire|annuel|brut|net par|par saison"
PAST_FEE = "avait coute|coute|paye|depense|achete"
BONUS = "bonus|de bonus|primes|incitatifs"
OFFER = "offre|offert|propose|proposition|derniere offre|met le paquet|pour"
ASKING = "demandes|demande|reclame|exige|prix|estime|valeur"
VALUATION = "valeur marchande|valorise|estime|value"
CLAUSE = "clause liberatoire|clause|clause de depart"
AGREED_FEE = "accord|pour|montant|transfert de"
LOAN_FEE = "pret payant|prix du pret|pret"

SCALE_MILLION = "millions|million|m|me|mln|mio"
SCALE_THOUSAND = "mille|k"
CUR_EUR = "euros|d'euros|euro|de euros"
CUR_GBP = "livres|de livres|livres sterling"
CUR_USD = "dollars|de dollars"

DEMONYM = ("italien*|uruguayen*|bresilien*|argentin*|francais*|espagnol*|portugais*|neerlandais*|belge|allemand*|"
           "anglais*|croate|serbe|polonais*|suedois*|norvegien*|danois*|turc*|grec*|georgien*|nigerian*|senegalais*|"
           "marocain*|ivoirien*|camerounais*|colombien*|chilien*|mexicain*|americain*|japonais*|coreen*|suisse|"
           "autrichien*|tcheque|slovaque|slovene|hongrois*|roumain*|albanais*|bosnien*|montenegrin*|kosovar*|"
           "islandais*|finlandais*|ecossais*|gallois*|irlandais*|ukrainien*|russe|egyptien*|algerien*|tunisien*|"
           "ghaneen*|equatorien*|paraguayen*|peruvien*|venezuelien*|canadien*|australien*|malien*|guineen*|"
           "gabonais*|congolais*|buteur|avant-centre|meneur de jeu|latéral|lateral|ailier|milieu|defenseur|"
           "attaquant|gardien|joueur|international|jeune|espoir|pepite|prodige|capitaine|"
           "numero 10|numero 9|gaucher|droitier")
ANAPHOR = "le joueur|l'attaquant|le milieu|le defenseur|le grec|lui|il"
NEG = "ne|pas|aucun|aucune|jamais|sans|plus"

# cues read only for the reported status (deal.outcome_of), not for the pair model's features
OUTCOME_COMPLETED = "nouvelle recrue|a paraphe|est officiellement|s'est officiellement"
OUTCOME_DENIED = ("a dit non|ne viendra pas|n'ira pas|coupe court aux rumeurs|a coupe court|met fin aux rumeurs|n'est pas a vendre|intransferable|"
                  "pas de contact|aucune discussion|n'y a eu aucun contact")

# back at his club when a loan ends: read for the output only (assemble._loan_return)
LOAN_RETURN = ("de retour de pret|retour de pret|revenu de pret|revient de pret|rentre de pret|fin de son pret|"
               "a la fin de son pret|au terme de son pret|sont rentres de pret|retournent dans leur club")

# an earlier window: read for the output only (assemble._history_only)
HISTORY_TIME = ("l'hiver dernier|l'ete passe|la saison passee|l'an passe|a l'epoque|a cette epoque|"
                "lors du dernier mercato|la saison precedente")

# match events and injuries: a report of a game, not of a move
MATCH = ("blesse|blessee|blessure|blessures|s'est blesse|a quitte le terrain|quitter le terrain|quitte le terrain|civiere|"
         "expulse|carton rouge|carton jaune|match nul|mi-temps|minute|ouvert le score|egalise|egalisation|a marque|"
         "infirmerie|touche a la cuisse|touche a la cheville|indisponible|forfait")
