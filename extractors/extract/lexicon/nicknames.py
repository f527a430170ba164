"""Club nicknames and demonyms, which need article context to resolve.

Format: nickname (folded; lowercase = matched in any case) -> candidate canonical club
names (as in clubs.csv `name`), most likely first.  A nickname resolves to the first
candidate already named in the article; if none is named it resolves to the first
candidate only when STRONG (the nickname is unambiguous on its own, e.g. "rossoneri").
"""

NICKNAMES: dict[str, tuple[str, ...]] = {
    # Italy
    "rossoneri": ("AC Milan",), "rossonero": ("AC Milan",), "rossonera": ("AC Milan",), "rossonere": ("AC Milan",),
    "diavolo": ("AC Milan",),
    "nerazzurri": ("Inter Milan", "Atalanta", "Pisa"), "nerazzurro": ("Inter Milan", "Atalanta", "Pisa"),
    "nerazzurra": ("Inter Milan", "Atalanta", "Pisa"), "nerazzurre": ("Inter Milan", "Atalanta", "Pisa"),
    "interista": ("Inter Milan",), "interisti": ("Inter Milan",), "biscione": ("Inter Milan",),
    "bianconeri": ("Juventus", "Udinese", "Ascoli"), "bianconero": ("Juventus", "Udinese", "Ascoli"),
    "bianconera": ("Juventus", "Udinese", "Ascoli"), "juventini": ("Juventus",), "juventino": ("Juventus",),
    "vecchia signora": ("Juventus",), "old lady": ("Juventus",),
    "azzurri": ("Napoli",), "azzurro": ("Napoli",), "azzurra": ("Napoli",), "partenopei": ("Napoli",), "partenopeo": ("Napoli",), "partenopea": ("Napoli",),
    "giallorossi": ("AS Roma", "Lecce"), "giallorossa": ("AS Roma", "Lecce"), "giallorosso": ("AS Roma", "Lecce"),
    "biancocelesti": ("Lazio",), "biancoceleste": ("Lazio",), "aquile": ("Lazio",),
    "viola": ("Fiorentina",), "gigliati": ("Fiorentina",),
    "scaligeri": ("Hellas Verona",), "gialloblu": ("Hellas Verona", "Parma"),
    "orobici": ("Atalanta",), "dea": ("Atalanta",), "granata": ("Torino", "Salernitana"),
    "blucerchiati": ("Sampdoria",), "grifone": ("Genoa",), "felsinei": ("Bologna",),
    "friulani": ("Udinese",), "grigiorossi": ("Cremonese",),
    # Spain
    "blancos": ("Real Madrid",), "merengues": ("Real Madrid",), "merengue": ("Real Madrid",),
    "madridistas": ("Real Madrid",), "madridista": ("Real Madrid",),
    "cules": ("Barcelona",), "blaugrana": ("Barcelona",), "azulgrana": ("Barcelona",), "azulgranas": ("Barcelona",),
    "colchoneros": ("Atlético Madrid",), "colchonero": ("Atlético Madrid",), "rojiblancos": ("Atlético Madrid", "Athletic Club"),
    "sevillistas": ("Sevilla",), "beticos": ("Real Betis",), "verdiblancos": ("Real Betis",),
    "azulones": ("Getafe",), "azulon": ("Getafe",), "che": ("Valencia",), "txuri-urdin": ("Real Sociedad",),
    "celestes": ("Celta Vigo",), "gallegos": ("Celta Vigo", "Deportivo La Coruña"),
    "bavaros": ("Bayern Munich",), "bavarois": ("Bayern Munich",), "bavaresi": ("Bayern Munich",),
    # England (capitalised: must be written with a capital)
    "Gunners": ("Arsenal",), "Red Devils": ("Manchester United",), "Spurs": ("Tottenham Hotspur",),
    "Reds": ("Liverpool", "Nottingham Forest"), "Blues": ("Chelsea", "Everton", "Birmingham City"),
    "Citizens": ("Manchester City",), "Cityzens": ("Manchester City",), "Toffees": ("Everton",),
    "Magpies": ("Newcastle United",), "Hammers": ("West Ham United",), "Irons": ("West Ham United",),
    "Black Cats": ("Sunderland",), "Foxes": ("Leicester City",), "Saints": ("Southampton",),
    "Eagles": ("Crystal Palace",), "Villans": ("Aston Villa",), "Seagulls": ("Brighton & Hove Albion",),
    "Cherries": ("Bournemouth",), "Canaries": ("Norwich City",), "Baggies": ("West Bromwich Albion",),
    "Hornets": ("Watford",), "Cottagers": ("Fulham",), "Bees": ("Brentford",), "Blades": ("Sheffield United",),
    "Owls": ("Sheffield Wednesday",), "Whites": ("Leeds United", "Fulham"),
    # common words that the reference lists as aliases ("Pacific Gas & Electric" is no club)
    "Gas": ("Bristol Rovers",), "Pirates": ("Bristol Rovers",),
    # France / others
    "phoceens": ("Olympique de Marseille",), "olympiens": ("Olympique de Marseille", "Lyon"),
    "marseillaise": ("Olympique de Marseille",), "marseillais": ("Olympique de Marseille",),
    "parisiens": ("Paris Saint-Germain",), "gones": ("Lyon",), "lyonnais": ("Lyon",), "dogues": ("Lille",),
    "monegasques": ("Monaco",), "canaris": ("Nantes",), "verts": ("Saint-Étienne",),
    "aguias": ("Benfica",), "encarnados": ("Benfica",), "dragoes": ("Porto",), "leoes": ("Sporting CP",),
    # Spain, the rest of LaLiga and Segunda: supporters' names and demonyms the Spanish press writes
    "sevillista": ("Sevilla",), "valencianista": ("Valencia",), "blanquinegros": ("Valencia",),
    "barcelonista": ("Barcelona",), "barcelonistas": ("Barcelona",), "colchonera": ("Atlético Madrid",),
    "betico": ("Real Betis",), "verdiblanco": ("Real Betis", "Racing Santander", "Elche"),
    "donostiarras": ("Real Sociedad",), "txuri urdin": ("Real Sociedad",),
    "leones": ("Athletic Club",), "bilbainos": ("Athletic Club",),
    "deportivistas": ("Deportivo La Coruña",), "deportivista": ("Deportivo La Coruña",),
    "blanquiazules": ("Espanyol", "Deportivo La Coruña", "Tenerife"), "espanyolistas": ("Espanyol",),
    "celtista": ("Celta Vigo",), "vigueses": ("Celta Vigo",), "olivicos": ("Celta Vigo",),
    "mallorquinistas": ("Mallorca",), "gironistas": ("Girona",), "blanquivermells": ("Girona",),
    "vallecanos": ("Rayo Vallecano",), "blanquivioletas": ("Real Valladolid",), "Pucela": ("Real Valladolid",),
    "gaditanos": ("Cádiz",), "nazaries": ("Granada",), "zaragocistas": ("Real Zaragoza",),
    "blanquillos": ("Real Zaragoza",), "sportinguistas": ("Sporting Gijón",), "oviedistas": ("Real Oviedo",),
    "malaguistas": ("Málaga",), "boquerones": ("Málaga",), "racinguistas": ("Racing Santander", "Racing Club"),
    "tinerfenos": ("Tenerife",), "chicharreros": ("Tenerife",), "amarillos": ("Villarreal", "Las Palmas", "Cádiz"),
    "canarios": ("Las Palmas", "Tenerife"), "Lega": ("Leganés",), "babazorros": ("Deportivo Alavés",),
    "vitorianos": ("Deportivo Alavés",), "albiazules": ("Deportivo Alavés",), "rojillo": ("Osasuna",),
    "granota": ("Levante",), "pepinero": ("Leganés",), "armero": ("Eibar",),
    # Argentina, Mexico and the rest of Latin America
    "millonarios": ("River Plate", "Millonarios"), "riverplatense": ("River Plate",),
    "cementeros": ("Cruz Azul",), "cementero": ("Cruz Azul",), "cementera": ("Cruz Azul",),
    "La Maquina": ("Cruz Azul",), "azulcremas": ("Club América",), "azulcrema": ("Club América",),
    "americanistas": ("Club América",), "Aguilas": ("Club América",), "rebano": ("Chivas",),
    "auriazules": ("Pumas UNAM", "Tigres UANL"), "felinos": ("Tigres UANL", "Pumas UNAM"),
    "Tuzos": ("Pachuca",), "Diablos Rojos": ("Toluca", "Independiente"), "choriceros": ("Toluca",),
    "Xolos": ("Club Tijuana",), "Gallos Blancos": ("Querétaro",), "Rojinegros": ("Atlas FC",),
    "leprosos": ("Newell's Old Boys",), "Lepra": ("Newell's Old Boys",), "canallas": ("Rosario Central",),
    "pincharratas": ("Estudiantes",), "pinchas": ("Estudiantes",), "cuervos": ("San Lorenzo",),
    "Ciclon": ("San Lorenzo",), "Fortin": ("Vélez Sarsfield",), "fortineros": ("Vélez Sarsfield",),
    "quemeros": ("Huracán",), "Globo": ("Huracán",), "taladros": ("Banfield",), "granates": ("Lanús",),
    "tatengues": ("Unión Santa Fe",), "albos": ("Colo-Colo",), "verdolagas": ("Atlético Nacional",),
    "tiburones rojos": ("Atlético Junior",),
    # France: the clubs of Ligue 1 and Ligue 2 by their demonyms and nicknames
    "lillois": ("Lille",), "lilloise": ("Lille",), "lilloises": ("Lille",), "losciens": ("Lille",),
    "rennais": ("Rennes",), "rennaise": ("Rennes",), "rennaises": ("Rennes",), "rouge et noir": ("Rennes",),
    "brestois": ("Brest",), "brestoise": ("Brest",), "Ty-Zefs": ("Brest",), "SB29": ("Brest",),
    "lensois": ("Lens",), "lensoise": ("Lens",), "sang et or": ("Lens",), "artesiens": ("Lens",),
    "nicois": ("Nice",), "aiglons": ("Nice",), "monegasque": ("Monaco",), "ASM": ("Monaco",),
    "nantais": ("Nantes",), "nantaise": ("Nantes",), "FCN": ("Nantes",),
    "stephanois": ("Saint-Étienne",), "stephanoise": ("Saint-Étienne",),
    "girondins": ("Bordeaux",), "bordelais": ("Bordeaux",), "bordelaise": ("Bordeaux",),
    "toulousains": ("Toulouse",), "toulousain": ("Toulouse",), "violets": ("Toulouse",),
    "strasbourgeois": ("Strasbourg",), "strasbourgeoise": ("Strasbourg",),
    "montpellierains": ("Montpellier",), "montpellierain": ("Montpellier",), "pailladins": ("Montpellier",),
    "remois": ("Reims",), "remoise": ("Reims",), "lorientais": ("Lorient",), "merlus": ("Lorient",),
    "messins": ("Metz",), "messin": ("Metz",), "havrais": ("Le Havre",), "havraise": ("Le Havre",),
    "angevins": ("Angers",), "angevin": ("Angers",), "auxerrois": ("Auxerre",), "AJA": ("Auxerre",),
    "caennais": ("Caen",), "malherbistes": ("Caen",), "guingampais": ("Guingamp",),
    "clermontois": ("Clermont Foot",), "troyens": ("Troyes",), "ajacciens": ("Ajaccio",),
    "bastiais": ("Bastia",), "sochaliens": ("Sochaux",), "lionceaux": ("Sochaux",),
    "lyonnaise": ("Lyon",), "lyonnaises": ("Lyon",), "rhodaniens": ("Lyon",), "SRFC": ("Rennes",),
    "marseillaises": ("Olympique de Marseille",), "olympien": ("Olympique de Marseille", "Lyon"),
    "phoceen": ("Olympique de Marseille",), "phoceenne": ("Olympique de Marseille",),
    "parisienne": ("Paris Saint-Germain",), "franciliens": ("Paris Saint-Germain", "Paris FC"),
}

# nicknames safe to resolve even when the club is not named elsewhere in the article
STRONG = {"rossoneri", "rossonero", "rossonera", "rossonere", "diavolo", "interista", "interisti",
          "juventini", "juventino", "vecchia signora", "partenopei", "partenopeo", "partenopea",
          "biancocelesti", "biancoceleste", "blancos", "merengues", "merengue", "madridistas", "madridista",
          "cules", "blaugrana", "azulgrana", "azulgranas", "colchoneros", "colchonero", "Gunners",
          "Red Devils", "Spurs", "Toffees", "Magpies", "Hammers", "Black Cats", "Villans", "Cherries",
          "Baggies", "phoceens", "parisiens", "bavaros", "bavarois", "bavaresi", "scaligeri", "orobici",
          "blucerchiati", "sevillistas", "beticos", "verdiblancos", "gigliati", "Citizens", "Cityzens",
          "Foxes", "Seagulls", "Canaries", "Cottagers",
          # Spanish and French supporters' names and demonyms, of one club only
          "sevillista", "valencianista", "barcelonista", "barcelonistas", "colchonera", "betico", "donostiarras",
          "deportivistas", "deportivista", "espanyolistas", "celtista", "vigueses", "olivicos", "mallorquinistas",
          "gironistas", "blanquivermells", "vallecanos", "blanquivioletas", "gaditanos", "nazaries",
          "zaragocistas", "sportinguistas", "oviedistas", "malaguistas", "tinerfenos", "chicharreros",
          "babazorros", "vitorianos", "rojillo", "granota", "azulon", "pepinero", "riverplatense", "cementeros",
          "cementero", "cementera", "azulcremas", "azulcrema", "americanistas", "Tuzos", "Xolos", "leprosos",
          "canallas", "pincharratas", "fortineros", "quemeros", "lillois", "lilloise", "lilloises", "losciens",
          "rennais", "rennaise", "rennaises", "brestois", "brestoise", "SB29", "lensois", "lensoise", "nicois",
          "aiglons", "monegasque", "nantais", "nantaise", "stephanois", "stephanoise", "girondins", "toulousains",
          "toulousain", "strasbourgeois", "strasbourgeoise", "montpellierains", "montpellierain", "pailladins",
          "remois", "remoise", "lorientais", "messins", "messin", "havrais", "havraise", "angevins", "angevin",
          "auxerrois", "caennais", "malherbistes", "guingampais", "clermontois", "ajacciens", "sochaliens",
          "lyonnaise", "lyonnaises", "rhodaniens", "SRFC", "marseillaises", "phoceen", "phoceenne", "lyonnais",
          "marseillais", "marseillaise", "gones", "dogues", "monegasques"}

# "il Diavolo" must be capitalised to mean the club (lowercase "diavolo" is a common word)
NEED_CAPITAL = {"diavolo", "dea", "che", "aquile", "verts", "celestes", "blancos",
                # common words of Spanish, French or English as well
                "leones", "canarios", "amarillos", "albos", "cuervos", "granates", "felinos", "violets", "merlus",
                "rebano", "boquerones", "pinchas", "taladros", "blanquillos", "canallas", "leprosos", "lionceaux",
                "aiglons", "olympien", "auriazules", "millonarios", "verdiblanco", "blanquinegros", "albiazules"}

# aliases that are also city names: "a Roma" is the city, "la Roma" the club
CITY_ALIASES = {"roma", "milan", "napoli", "torino", "bologna", "verona", "genova", "firenze", "madrid",
                "barcelona", "valencia", "sevilla", "liverpool", "manchester", "marseille", "lyon", "lille",
                "nice", "monaco", "porto", "paris", "lisbona", "lisboa", "lisbon", "empoli", "bergamo",
                "cagliari", "lecce", "parma", "udine", "como", "venezia", "leeds", "newcastle", "birmingham",
                "southampton", "brighton", "norwich", "bilbao", "getafe", "villarreal", "girona", "rennes",
                "nantes", "bordeaux", "lens", "basel", "basilea", "amsterdam", "dortmund", "leverkusen",
                "sunderland", "fulham", "everton", "chelsea", "westerlo", "vigo", "sheffield"}
# a bare preposition before a city alias means the place
CITY_PREPOSITIONS = {"a", "in", "en", "at", "di", "da", "verso", "around", "near", "per", "to"}
# English clubs often go after "to"/"at" ("move to Milan"): for English text only "in"/"around" mark a place
CITY_PREPOSITIONS_EN = {"in", "around", "near"}

# short forms that name a club only when a single club containing them is named elsewhere
CONTEXT_TOKENS = {"real", "city", "united", "madrid", "atletico", "borussia", "olympique", "athletic",
                  "sporting", "hotspur", "wanderers", "albion", "rovers", "villa", "palace", "bayer"}
