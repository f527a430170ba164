"""Spanish cue words (folded: lowercase, no accents). `*` = any word ending."""

STOPWORDS = ("el la los las de del y en que por para con una un su sus es son lo al se no como mas pero "
             "muy ya esta este estan fue ha han sido desde tambien sobre entre cuando hasta hay")

CAP_STOP = ("el|la|los|las|un|una|unos|unas|de|del|y|en|que|por|para|con|su|sus|es|lo|al|se|no|como|"
            "pero|ya|este|esta|todo|toda|quien|cada|mucho|mas|segun|ahora|hoy|tras|aunque|si|sin|"
            "uno|otro|otra|el|ademas|tambien|entonces|incluso|sera|seria|podria|los|nada|todavia|"
            "llego|interesa|sono|cedidos|plan|crisis|jugadores|fichajes|cesion|cesiones|traspaso|"
            "entrenador|presidente|director|tecnico|jugador|futbolista|delantero|centrocampista|defensa|"
            "portero|lateral|extremo|primer|equipo|club|ofensiva|precio|oferta|clausula|efe")

MOVE = ("fichado|ficho|ha fichado|incorporado|contratado|fichaje|fichajes|fichar|ficha|ficharlo|traspaso|traspasos|traspasado|traspasar|venta|ventas|vender|"
        "venderlo|vendido|cesion|cesiones|cedido|cedidos|ceder|prestamo|a prestamo|interes|interesa|"
        "interesado|interesados|oferta|ofertas|ofrece|ofrecer|ofensiva|negociacion|negociaciones|"
        "negocia*|acuerdo|salida|salir|llegada|llegar|incorporacion|incorporar|reforzar|refuerzo|"
        "suena|sono|sonar|objetivo|mercado|opcion de compra|clausula|renovacion|renovar|renovo|"
        "firmar|firma|firmado|firmo|contratar|fichara|traer|desprenderse|transferibles|precio|comprar|compra|pretende|"
        "quiere|quieren|pujar|puja|colocar*|renegociar|pase|pases|mercado de pases|llegada de|llegadas|bajas|altas y bajas|incorporaciones|contrataciones|contratacion|refuerzos|sustituto|reemplazo|recalar|recala|recalara|recalo|arribo|arribar|arribara|aterrizar|marcharse|se marcha|se marcho|hacer las maletas|hizo las maletas|pretendiente|pretendientes|sondeo*|tantea*|rescindir|rescision|desvincula*|vestir la camiseta|vestira la camiseta|prestamos|cedidos|cedida|cedidas")

TO_CUE = ("fichaje por|fichar por|para fichar por|rumbo al|rumbo a|destino|al|a la|llegar al|llegar a|"
          "reforzar al|reforzar a|interes del|interes de|cedido al|cedido a|prestado al|firmar por|"
          "fichar para el|ficha por|vuelta al|volver al")
FROM_CUE = ("del|de la|desde el|salir del|salida del|dejar el|el jugador del|jugador del|futbolista del|"
            "el futbolista del|propiedad del|contrato con el")
ATTACH = "del|de la|de|en el"
HISTORY = "ex|exjugador|antiguo|ya brillo con|brillo con|llego en|formado en|canterano del"
PAST_TIME = "el verano pasado|la temporada pasada|el ano pasado|en el pasado|hace anos|el pasado verano|en verano de 20*|la pasada temporada"

COACH = "entrenador|tecnico|mister|tecnicos|banquillo|seleccionador|el equipo de|el conjunto de|los de|plantilla de|pupilos de"
EXEC = "presidente|director deportivo|director general|secretario tecnico|dirigente|consejero|propietario|directiva|mandatario"
AGENT = "agente|agentes|representante|representantes|intermediario|entorno"
JOURNALIST = "periodista|informador"
SOURCE = "segun|de acuerdo con"
COACH_AFTER = "sera el nuevo entrenador|es el nuevo entrenador|se sentara en el banquillo|toma las riendas|tomara las riendas|asume el banquillo|dirigira al equipo|fue nombrado entrenador|contara con el|cuenta con el|no cuenta con el|no le esta dando|le esta dando|no le da|le da minutos|le dio minutos|no le dio|lo alineo|lo pidio|ha pedido"
EXEC_AFTER = "dispuesto a pagar|quiere invertir|invertira|pagara"
PLAYER_AFTER = "ficha por|firma por|firmo por|se marcha al|se marcha a|llega al|renueva con|renovo con|marco"
SUITOR_BEFORE = "regalo para|regalo a|refuerzo para|a peticion expresa de|gusto de|del gusto de|peticion de|pupilo de|predilecto de|deseo de|a peticion de"
MANAGER_MOVE = "banquillo|nuevo entrenador|destituido|cesado"
PLAYER_NOUN = ("jugador|futbolista|delantero|atacante|centrocampista|mediocentro|volante|defensa|central|"
               "lateral|extremo|portero|guardameta|media punta|mediapunta|canterano|crack|estrella|"
               "titular|brasileno|croata|portugues|argentino|capitan|interior|pivote")

DENIED = ("se rompe|se rompio|se ha roto|se enfria|se enfrio|enfriad*|se frustro|se ha caido|cayo|no fructifico|abandona la operacion|abandona la idea|no parece dispuesto|descart*|rechaz*|desmient*|desmentido|no hay interes|ningun contacto|"
          "sin contacto|no interesa|bloque*|se cae|se cayo|fracas*|no abonaran|no ejercera|"
          "no ejercer|no se contempla|niega|negado|frustrad*|no llega|dan por caido|por caido|tampoco vendra|no jugara en|se queda sin|se aleja|se alejo")
COMPLETED = ("jugara cedido|ha renovado|renueva|ha llegado|se marcha cedido|ya es oficial|hecho oficial|hace oficial|ha cerrado el fichaje|ha cedido|llega procedente|llego procedente|ha sido cedido|ha sido traspasado|se ha marchado|ha firmado por|firma por|ha anunciado|anuncio|oficial|oficialmente|ya es|ha fichado|fichado|cerrado|cedido al|cedido a|esta cedido|"
             "estan cedidas|a prestamo|se embolsaron|anunciado|presentado|firmo|ha firmado|llego|se ha hecho con|se hace con|ha incorporado|incorporado|traspasado|ha vendido|vendido|aterriza|nuevo jugador|fichaje oficial|llega cedido|firmado|conseguir la cesion|arribo|llego de|llego libre|se incorporo|ya entrena con|fue presentado|hizo las maletas|se marcho|cerro la incorporacion|ha cerrado la incorporacion|primer refuerzo|nuevo refuerzo|se une a|se unio a|recalo")
AGREED = ("acuerdo|acuerdo cerrado|principio de acuerdo|han cerrado|cerrado|todo hecho|pacto|pactado|"
          "aceptado|acepta|luz verde|atado|amarrado|todo listo|acuerdo total|acuerdo verbal|principio de acuerdo")
NEGOTIATING = ("negociando|en conversaciones|acelera|acelerado|sondeo|sondeado|tanteo|ha preguntado|pregunto por|ultiman|ultimando|trabaja en|trabaja por|en la recta final|contraoferta|negocia*|oferta|ofrece|ofrecido|ofensiva|conversaciones|contactos|cerca|a punto|"
               "inminente|puja|pujar|propuesta|reunion|estaria interesado en pagar|dispuesto a pagar|"
               "le ofrece|estudiando|a un paso|sondea|sondean|sondeos|tantea*|en contacto|conversa*|trabado|estancad*|en la recta final|negociar|tratando de cerrar|apuran|apura")

LOAN = "cesion|cedido|cedidos|prestamo|a prestamo|cedida"
OPTION = "opcion de compra|opcion|derecho de compra"
OBLIGATION = "obligacion de compra|obligacion|compra obligatoria"
FREE = "libre|agente libre|a coste cero|gratis|sin coste|carta de libertad|final de contrato|fin de contrato|gratuito"
RENEWAL = "renovacion|renovar|renueva|renovado|renovo|ampliar su contrato|ampliacion|extender su vinculo|prolongar"
PERMANENT = "traspaso|en propiedad|definitivo|venta|vender|compra definitiva|totalidad de sus derechos"

WAGE = "por temporada|al ano|anuales|salario|sueldo|ficha|netos|brutos|por ano|mensuales"
PAST_FEE = "llego en|costo|pago|pagaron|pagado|ya abonaron|invirtio|desembolso|fichado por|llego por"
BONUS = "variables|en variables|bonus|incentivos|mas variables"
OFFER = "oferta|ofrece|ofrecer|ofensiva|ofrecido|dispuesto a pagar|interesado en pagar|pagar|puja|propuesta|pone sobre la mesa"
ASKING = "piden|pide|precio|exige|exigen|valoran|tasan|cifra|en torno a|reclaman|pretende|pretenden|salga por|por unos"
VALUATION = "valor de mercado|valor|vale|valorado|tasado"
CLAUSE = "clausula|clausula de rescision|clausula de salida"
AGREED_FEE = "acuerdo|por|traspasado por|cerrado por"
LOAN_FEE = "tarifa de su cesion|por su cesion|cesion|prestamo"

SCALE_MILLION = "millones|millon|kilos|kilo|mill|mll|mdd"
SCALE_THOUSAND = "mil"
CUR_EUR = "euros|de euros|euro"
CUR_GBP = "libras|de libras|libras esterlinas"
CUR_USD = "dolares|de dolares"

DEMONYM = ("italian*|uruguay*|brasilen*|argentin*|frances*|espanol*|portugues*|holandes*|neerlandes*|belga|aleman*|"
           "ingles*|croata|serbi*|polac*|suec*|norueg*|danes*|turc*|grieg*|georgian*|nigerian*|senegales*|marroqui|"
           "marfilen*|cameruhes*|camerunes*|colombian*|chilen*|mexican*|estadounidense|japones*|corean*|suiz*|"
           "austriac*|chec*|eslovac*|esloven*|hungar*|ruman*|albanes*|bosni*|montenegrin*|kosovar*|islandes*|"
           "finlandes*|escoces*|gales|irlandes*|ucranian*|rus*|egipci*|argelin*|tunecin*|ghanes*|ecuatorian*|"
           "paraguay*|peruan*|venezolan*|canadiense|australian*|malien*|guinean*|gabones*|congoles*|"
           "crack|estrella|atacante|goleador|ariete|mediocentro|volante|pivote|interior|carrilero|lateral|"
           "central|zaguero|extremo|media punta|mediapunta|canterano|internacional|joven|chaval|capitan|"
           "galo|charrua|cafetero|tulipan|luso|germano|nipon|azzurro")
ANAPHOR = "el jugador|el futbolista|el delantero|el centrocampista|el defensa|el brasileno|el croata|el portugues|el lateral|el extremo|el canterano|el"
NEG = "no|ningun|ninguna|nunca|sin|tampoco|ni"

# cues read only for the reported status (deal.outcome_of), not for the pair model's features
OUTCOME_COMPLETED = "se queda con|tras su fichaje por|su fichaje por|nuevo fichaje|ha sido presentado|renovado|pagaron|han dejado|se marcho|fichado por"
OUTCOME_DENIED = ("ha dicho que no|dijo que no|no vendra|desmiente los rumores|zanjar los rumores|zanja los rumores|zanjo los rumores|ha zanjado los rumores|"
                  "cierra la puerta|cerro la puerta|no esta en venta|intransferible|no ha habido ningun contacto")
OUTCOME_NEGOTIATING = "en negociaciones|ultimando|a falta de flecos"

# back at his club when a loan ends: read for the output only (assemble._loan_return)
LOAN_RETURN = ("tras finalizar sus prestamos|tras finalizar su prestamo|tras finalizar su cesion|tras acabar su cesion|"
               "volvieron a sus respectivos clubes|vuelven a sus respectivos clubes|regresan a sus clubes|"
               "vuelve de su cesion|regresa de su cesion|de vuelta de su cesion|fin de su cesion|fin de su prestamo|"
               "termino su cesion|finalizo su cesion|acabo su cesion")

# an earlier window: read for the output only (assemble._history_only)
HISTORY_TIME = ("en su dia|en su momento|por aquel entonces|en aquel entonces|en aquella epoca|anos atras|hace un ano|"
                "hace dos anos|hace unos anos|la campana pasada|el curso pasado|el invierno pasado|la temporada anterior|"
                "en este tiempo|en anteriores mercados")

# match events and injuries: a report of a game, not of a move
MATCH = ("lesion|lesionado|lesionada|lesiones|lesionados|se lesiono|expulsion|expulsado|tarjeta roja|tarjeta amarilla|"
         "el marcador|abrio el marcador|empate|empato|minuto|descanso|primera parte|segunda parte|segundo tiempo|"
         "primer tiempo|golazo|marco el gol|enfermeria|baja por lesion|molestias")
