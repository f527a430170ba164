"""Language-independent word lists used to reject false person names.

These are general lexicons (countries, nationalities, competitions, media, months,
titles), never names of players.
"""

# Capitalised words that are never part of a person's name.
NOT_NAME = (
    "italia|italy|inghilterra|england|spagna|spain|espana|francia|france|germania|germany|alemania|allemagne|"
    "portogallo|portugal|olanda|netherlands|holland|belgio|belgium|belgique|brasile|brazil|brasil|bresil|argentina|"
    "uruguay|croazia|croatia|serbia|polonia|poland|svezia|sweden|suecia|norvegia|norway|danimarca|denmark|"
    "scotland|scozia|wales|galles|ireland|irlanda|turchia|turkey|turquia|grecia|greece|grece|russia|ucraina|ukraine|"
    "georgia|nigeria|ghana|senegal|marocco|morocco|marruecos|maroc|egitto|egypt|algeria|algerie|tunisia|camerun|"
    "cameroon|colombia|cile|chile|mexico|messico|usa|america|stati|uniti|states|united|arabia|saudita|saudi|qatar|"
    "cina|china|chine|giappone|japan|corea|korea|australia|canada|svizzera|switzerland|suiza|suisse|austria|"
    "europa|europe|european|europeo|europea|europei|africa|asia|mondo|world|mondial|mundial|"
    "roma|milano|milan|torino|napoli|firenze|bergamo|vinovo|genova|bologna|verona|londra|london|londres|madrid|"
    "barcellona|barcelona|siviglia|sevilla|lisbona|lisbon|lisboa|parigi|paris|marsiglia|manchester|liverpool|"
    "merseyside|turin|turin|monaco|munich|baviera|milanello|trigoria|appiano|coverciano|marbella|"
    "lega|pro|serie|premier|league|liga|ligue|bundesliga|eredivisie|championship|champions|conference|coppa|copa|coupe|cup|"
    "supercoppa|supercopa|trophy|scudetto|mls|uefa|fifa|var|euro|mondiali|mundial|fa|efl|carabao|"
    "sky|sport|sports|bbc|espn|dazn|marca|as|mundo|deportivo|sport|telegraph|mirror|mail|express|sun|guardian|times|"
    "independent|athletic|standard|star|record|ojogo|jogo|bild|kicker|equipe|gazzetta|corriere|tuttosport|"
    "tuttomercatoweb|tmw|calciomercato|calciomercato.com|goal|nieuwsblad|sportske|talksport|insider|chronicle|"
    "news|reports|report|transfer|transfers|mercato|gossip|live|update|updated|football|calcio|futbol|"
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    "lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|monday|tuesday|wednesday|thursday|friday|saturday|"
    "sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    "sir|mr|mrs|dr|san|santo|saint|st|via|viale|piazza|stadio|stadium|estadio|arena|park|road|allianz|"
    "academy|primavera|under|club|team|squadra|equipo|fc|ac|as|cf|sc|ssc|afc|ogc|ltd|plc|spa|"
    "leggi|anche|read|more|follow|share|email|published|full|story|external|thumbnail|click|here|"
    "covid|coronavirus|instagram|twitter|facebook|youtube|tiktok|whatsapp"
)

# nationality adjectives / demonyms capitalised in English and German
NATIONALITY = (
    "english|italian|spanish|french|german|portuguese|dutch|belgian|brazilian|argentine|argentinian|uruguayan|"
    "croatian|serbian|polish|swedish|norwegian|danish|scottish|welsh|irish|turkish|greek|russian|ukrainian|"
    "georgian|nigerian|ghanaian|senegalese|moroccan|egyptian|algerian|ivorian|cameroonian|colombian|chilean|"
    "mexican|american|japanese|korean|australian|canadian|swiss|austrian|czech|slovak|slovenian|hungarian|"
    "romanian|bulgarian|albanian|bosnian|montenegrin|kosovan|icelandic|finnish|iranian|iraqi|saudi|chinese|"
    "portuguese|spaniard|frenchman|italiano|argentino|brasileno|portugues|croata|grec|grec|catalan|basque|"
    "premier|european|south|north|east|west|central|latin"
)
