"""English cue words (folded: lowercase, no accents). `*` = any word ending."""

STOPWORDS = ("the of and to in for on with is are was were be been have has had that this it his their they "
             "from at by as but will would could an not who which after over says said")

CAP_STOP = ("the|a|an|and|but|or|if|as|at|in|on|for|from|to|of|with|by|after|before|while|when|where|who|"
            "what|why|how|there|their|they|he|she|it|his|her|its|we|our|you|your|i|this|that|these|those|"
            "however|meanwhile|therefore|also|although|despite|according|reports|report|news|transfer|"
            "transfers|gossip|live|latest|full|story|published|visit|follow|read|more|leave|reply|click|"
            "twelve|one|two|three|four|five|six|seven|eight|nine|ten|returning|sources|source|sky|"
            "saturday|sunday|monday|tuesday|wednesday|thursday|friday|page|last|next|first|new|old|"
            "tickets|kit|collector|other|and|finally|related|sites|association|image|bosses|boss|manager|"
            "striker|defender|midfielder|winger|forward|keeper|goalkeeper|captain|chairman|owner|coach|"
            "under|then|so|now|still|only|just|even|yet|no|yes|not|all|some|many|any|each|every|both|"
            "dortmund|reds|blues|gunners|spurs|magpies|toffees|hammers|saints|foxes|villans|wolves|"
            "black|cats|red|devils|citizens|premier|outcast|on-loan|welcome|negotiations|pochettino's|"
            "nice|mr|sir|twitter|instagram|headline|photo|picture|getty|images|pa|reuters|ap|afp|england|portuguese")

MOVE = ("transfer*|sign|signs|signed|signing|move|moves|moving|bid|bids|offer|offers|loan|loaned|deal|deals|"
        "linked|link|links|interest|interested|keen|target|targets|targeting|pursue|pursuing|chase|chasing|"
        "swoop|raid|approach|enquiry|enquiries|talks|negotiat*|agreement|agreed|agree|medical|join|joins|"
        "joining|leave|leaving|exit|departure|sell|sale|sold|buy|bought|acquire|land|lure|snap up|"
        "tempted|admirers|admire|want|wants|wanted|plotting|lining up|eyeing|eye|monitor*|scout*|"
        "swap|exchange|fee|release clause|asking price|contract|extension|renew*|free agent|free transfer|"
        "out of contract|switch|return|bring|secure|recall|poach|battling|battle|race|shortlist|"
        "set to|close to|on the verge|verge|breakthrough|completed|completes|confirmed|unveil*")

TO_CUE = ("to|move to|switch to|join|joining|joins|transfer to|loan to|loan at|return to|back to|"
          "linked with|interest from|wanted by|targeted by|bid from|offer from|bound for|heading to|"
          "closing in on a move to|move for|rejoin|head to")
FROM_CUE = ("from|leave|leaving|quit|exit from|depart|departure from|on loan from|loan from|prised away from|"
            "prise from|contract at|contracted to|currently at|out of contract at")
ATTACH = "of|from|at"
HISTORY = "former|ex|formerly|previously|once|used to play|spell at|spells at|spell with|started his career|came through"
PAST_TIME = "last summer|last year|last season|last january|in the past|previously|years ago|previous window"

COACH = "manager|boss|head coach|coach|coaching staff|assistant manager|gaffer|tactician|bosses|caretaker"
EXEC = ("chairman|owner|president|chief executive|ceo|director|sporting director|director of football|"
        "executive|board|vice-chairman|co-owner|technical director|general manager")
AGENT = "agent|agents|representative|representatives|intermediary|advisor|adviser|camp|super-agent"
JOURNALIST = "reporter|journalist|correspondent|columnist|pundit|insider|broadcaster|transfer expert"
SOURCE = "according to|reported by|as per"
COACH_AFTER = "was appointed|has been appointed|is appointed|was named manager|was named head coach|has been named manager|takes charge|will take charge|has taken charge|takes over as|took over as|is the new manager|is the new head coach|has frozen out|froze out|dropped him|picked him|gave him|gives him|wants to bring|wants to sign|is keen to sign|is keen to bring|wants to add|has managed|who managed|who coached|was sacked|has been sacked|took charge|takes charge|was appointed"
EXEC_AFTER = "is ready to pay|is willing to pay|is prepared to pay|will pay|is ready to spend|has sanctioned|sanctioned"
PLAYER_AFTER = "joins|has joined|joined|signs for|has signed for|completes move|completed a move|scored|has scored|moves to|is set to join|will join|would join|could join|rejoins"
SUITOR_BEFORE = "a gift for|a present for|a boost for|reinforcement for|favourite of|a favourite of|wanted by|signed by|brought in by|target for|protege of"
# after a possessive: "X's side" (coach), "X's eye" (the one who wants a player), "X's agent" (player)
POSS_COACH = "side|squad|team|men|set-up|setup|charges|tactics|system|assistant|number two|deputy|predecessor|successor|coaching staff|backroom staff|reign|tenure|eye|radar|attention|wishlist|shortlist|plans|transfer plans|first team|first-team"
POSS_PLAYER = "agent|release clause|buy-out clause|playing career|contract runs|contract expires|current deal|goals|debut"
# a word that ends a club name, never a surname: "Cardiff City", "Bristol Rovers"
CLUB_SUFFIX = "city|united|town|county|rovers|wanderers|albion|hotspur|rangers|athletic|argyle|orient|borough|alexandra|academicals"
# a person moving to/from a bench: manager stories are not player rumours
MANAGER_MOVE = "as manager|as boss|as head coach|new manager|new boss|next manager|managerial|replace .* as manager|appointed|sacked|sacking|in charge|vacancy"
PLAYER_NOUN = ("player|footballer|striker|forward|winger|midfielder|defender|centre-back|center-back|"
               "full-back|fullback|left-back|right-back|wing-back|goalkeeper|keeper|playmaker|attacker|"
               "youngster|teenager|prodigy|captain|international|star|superstar|talent|wonderkid|"
               "year-old|-year-old|academy graduate|signing|target|frontman|no9|number nine|centre-forward|"
               "team-mate|teammate")

DENIED = ("lost out|beaten to|missed out|walked away|pulled the plug|cooled their interest|cooled interest|ended their interest|no longer pursuing|broke down|broken down|talks ended|not interested|no interest|no longer interested|turned down|turn down|rejected|rejects|reject|"
          "refused|refuses|blocked|block|denied|denies|deny|ruled out|rules out|snub|snubbed|pulled out|"
          "collapsed|collapse|fell through|off|failed|failed bid|bid failed|no contact|no talks|"
          "no chance|not for sale|will not be sold|committed to|distanced|dismissed|lost out|called off|"
          "no plans to leave|happy at the club|happy at")
COMPLETED = ("renews|has renewed|has extended|signed a new|put pen to paper|penned|completes move|completes a move|completes his move|has completed his move|swooped|have confirmed|has confirmed|completed|completes|complete the signing|has signed|have signed|signed for|official|officially|"
             "confirmed the signing|announced|unveiled|joined|has joined|done deal|sealed|finalised the|"
             "have completed|has completed|on loan at|is on loan|currently on loan|has sold|have sold|'s sale to|seal|seals|secured|secured the services|snapped up|snap up|latest signing|new signing|has moved|have moved|joins|has arrived|arrived at|confirmed|loan move to|completed a move|completed his move|moved to")
AGREED = ("agreed|agreement|agree|outline agreement|verbal agreement|personal terms|terms agreed|"
          "deal agreed|fee agreed|broad agreement|accepted|accepts|awaiting|green light|reached an agreement|"
          "reached agreement|here we go|deal in place|everything else in place|final confirmation")
NEGOTIATING = ("talks|negotiat*|bid|bids|offer|offered|close to|closing in|set to|on the verge|verge|"
               "imminent|medical|advanced|discussions|discussing|in contact|approach|approached|"
               "submitted|tabled|made an offer|made a bid|stalled|stall|holding talks|"
               "proposed|being discussed|on the table|gathering pace|swoop|in negotiations")

LOAN = "loan|on loan|loaned|season-long loan|loan deal|loan spell|borrow|borrowing"
OPTION = "option to buy|option to sign|buy option|purchase option|option|buy-back|buy him"
OBLIGATION = "obligation to buy|obligation|obligatory|mandatory|permanent deal|will buy"
FREE = "free transfer|free agent|on a free|out of contract|bosman|for free|free"
RENEWAL = "new contract|contract extension|extension|renew|renewal|renewed|extend|extended|new deal|fresh deal|sign a new"
PERMANENT = "permanent|permanently|permanent deal|outright|fee|club-record"

WAGE = "a week|per week|a year|per year|per season|a season|per annum|wages|salary|pay packet|weekly|p/w|pw|a month|per month|earn|earning|earns"
PAST_FEE = "he cost|it cost|costed|paid|spent|spending|joined|bought|signed for|signed him|club-record|fee paid|cost him|when bought|signed one"
BONUS = "add-ons|add ons|addons|bonus|bonuses|performance-related|variables|potential add-ons|plus add-ons|incentives"
OFFER = "offer|bid|bids|offering|willing to pay|willing to part with|prepared to pay|ready to pay|to offer|table|tabled|part with|up to|cut-price"
ASKING = "asking price|valued|valuation|demand|demands|want|wants|price tag|priced|in excess of|accept|would accept|willing to accept|worth"
VALUATION = "rated|-rated|market value|value|valued at|worth"
CLAUSE = "release clause|buy-out clause|buyout clause|clause|release"
AGREED_FEE = "agreed|deal is worth|worth|fee|for|deal for|deal|costing|cost"
LOAN_FEE = "loan fee|initial loan|loan|for the loan"

SCALE_MILLION = "million|millions|mln|m|mn|mil"
SCALE_THOUSAND = "thousand|k|grand"
SCALE_BILLION = "billion|bn"
CUR_EUR = "euro|euros|eur"
CUR_GBP = "pound|pounds|sterling|gbp"
CUR_USD = "dollar|dollars|usd"

DEMONYM = ("italian|uruguayan|brazilian|argentine|argentinian|frenchman|spaniard|portuguese|dutchman|dutch|belgian|"
           "german|englishman|croatian|croat|serbian|serb|pole|swede|norwegian|dane|turk|greek|georgian|nigerian|"
           "senegalese|moroccan|ivorian|cameroonian|colombian|chilean|mexican|american|japanese|korean|swiss|"
           "austrian|czech|slovakian|slovak|slovenian|hungarian|romanian|albanian|bosnian|montenegrin|kosovan|"
           "icelander|finn|scot|scotsman|welshman|irishman|ukrainian|russian|egyptian|algerian|tunisian|ghanaian|"
           "ecuadorian|paraguayan|peruvian|venezuelan|canadian|australian|malian|guinean|gabonese|congolese|"
           "frontman|marksman|hitman|centre-forward|centre-half|playmaker|schemer|stopper|shot-stopper|"
           "wide man|wide player|full-back|wing-back|left-back|right-back|centre-back|number nine|no 9|"
           "teenager|youngster|prodigy|wonderkid|talent|star|superstar|veteran|international|academy graduate|"
           "forward|striker|winger|midfielder|defender|goalkeeper|keeper|attacker|player|captain")
ANAPHOR = "the player|the striker|the defender|the midfielder|the winger|the forward|the keeper|the goalkeeper|him|he|his|the youngster|the international"
NEG = "not|no|never|n't|nor|without"

# cues read only for the reported status (deal.outcome_of), not for the pair model's features
OUTCOME_COMPLETED = "sign|signs|signing of|have signed|completed the signing|is now a|latest arrival|new arrival|moves from|have been confirmed|has been confirmed|already-departed|departed"
OUTCOME_DENIED = "said no|has said no|turned his back on|opted against|will stay at"
OUTCOME_NEGOTIATING = "finishing touches|stalls|stalled|in advanced talks|agreeing terms|personal terms being"

# back at his club when a loan ends: read for the output only (assemble._loan_return)
LOAN_RETURN = ("returned from loan|returned from his loan|returns from his loan|returns from loan|back from loan|"
               "back from his loan|end of his loan|loan spell ended|loan spell came to an end|returned to their parent clubs|"
               "returned to his parent club|returns to his parent club")

# match events and injuries: a report of a game, not of a move
MATCH = ("injury|injured|injuries|hamstring|sent off|red card|yellow card|equaliser|equalizer|first half|second half|"
         "half-time|half time|stoppage time|minute|substituted|stretchered off|goalless|sidelined")
