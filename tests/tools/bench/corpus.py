"""A synthetic, deterministic corpus of transfer-news pages for the benchmark.

Every page is an article of one of eight invented outlets (two per language:
it, en, es, fr) wrapped in the chrome real news sites carry: head with inline
styles and scripts, JSON-LD, navigation, breadcrumbs, "read also" boxes, a
sidebar with a league table, related-link lists, reader comments and a footer.
The article text has transfer sentences (player, clubs, fee, deal status) so the
extractors have work to do, plus ordinary football prose.

Page ``i`` depends only on ``(seed, i)``: the first N pages of a 10·N corpus are
the N pages of the N corpus. Sizes are log-uniform between 5 KB and 300 KB of
HTML (the article itself stays a few KB; the rest is chrome).

All wording here was written for this benchmark.
"""
from __future__ import annotations

import html as _html
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

MIN_BYTES = 5 * 1024
MAX_BYTES = 300 * 1024
CANONICAL_HOST = "https://bench.mercato.test"


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    language: str


OUTLETS = (
    Outlet("calciomercato-oggi", "Calciomercato Oggi", "it"),
    Outlet("il-pallone-quotidiano", "Il Pallone Quotidiano", "it"),
    Outlet("transfer-desk", "The Transfer Desk", "en"),
    Outlet("north-bank-news", "North Bank News", "en"),
    Outlet("mercado-total", "Mercado Total", "es"),
    Outlet("diario-del-balon", "Diario del Balón", "es"),
    Outlet("mercato-express", "Mercato Express", "fr"),
    Outlet("le-vestiaire", "Le Vestiaire", "fr"),
)

CLUBS = {
    "it": ["Inter", "Milan", "Juventus", "Napoli", "Roma", "Lazio", "Atalanta", "Fiorentina", "Bologna", "Torino"],
    "en": ["Arsenal", "Chelsea", "Liverpool", "Manchester United", "Manchester City", "Tottenham",
           "Newcastle", "Aston Villa", "West Ham", "Everton"],
    "es": ["Real Madrid", "Barcelona", "Atlético de Madrid", "Sevilla", "Valencia", "Villarreal",
           "Real Sociedad", "Athletic Club", "Betis", "Girona"],
    "fr": ["Paris Saint-Germain", "Marseille", "Lyon", "Monaco", "Lille", "Nice", "Lens", "Rennes",
           "Nantes", "Strasbourg"],
}
ALL_CLUBS = [c for cs in CLUBS.values() for c in cs]

# invented players: first and last names combined per page
FIRST = ["Marco", "Luca", "Tomás", "Jules", "Owen", "Diego", "Mateo", "Karim", "Nils", "Andrei",
         "Rafael", "Ilias", "Kofi", "Sander", "Hugo", "Emil", "Bruno", "Yann", "Dario", "Aleksa"]
LAST = ["Ferretti", "Vandermeer", "Okonjo", "Lindqvist", "Barrachina", "Moreau", "Castellani",
        "Petrović", "Dembélé-Sarr", "Holloway", "Quintero", "Brambilla", "Kowalczyk", "Albertsen",
        "Ruiz Ortega", "Delacroix", "Mensah", "Ivanović", "Santacroce", "Fairweather"]

POSITIONS = {
    "it": ["centrocampista", "difensore centrale", "attaccante", "terzino sinistro", "portiere", "esterno"],
    "en": ["midfielder", "centre-back", "striker", "left-back", "goalkeeper", "winger"],
    "es": ["centrocampista", "central", "delantero", "lateral izquierdo", "portero", "extremo"],
    "fr": ["milieu de terrain", "défenseur central", "attaquant", "latéral gauche", "gardien", "ailier"],
}

NATIONS = {
    "it": ["italiano", "spagnolo", "francese", "brasiliano", "serbo", "danese", "nigeriano"],
    "en": ["English", "Spanish", "French", "Brazilian", "Serbian", "Danish", "Nigerian"],
    "es": ["italiano", "español", "francés", "brasileño", "serbio", "danés", "nigeriano"],
    "fr": ["italien", "espagnol", "français", "brésilien", "serbe", "danois", "nigérian"],
}


def _fee(lang: str, rng: random.Random) -> str:
    m = rng.choice([8, 12, 15, 18, 20, 22, 25, 28, 30, 35, 40, 45, 50, 55, 60, 70, 80, 95])
    if lang == "it":
        return rng.choice([f"{m} milioni di euro", f"€{m} milioni", f"{m} milioni più {rng.randint(2, 8)} di bonus"])
    if lang == "en":
        return rng.choice([f"£{m}m", f"€{m}m", f"£{m} million plus £{rng.randint(2, 8)}m in add-ons"])
    if lang == "es":
        return rng.choice([f"{m} millones de euros", f"{m} 'kilos'", f"€{m} millones más {rng.randint(2, 8)} en variables"])
    return rng.choice([f"{m} millions d'euros", f"{m} M€", f"{m} millions plus {rng.randint(2, 8)} de bonus"])


# {p} player, {pos} position, {nat} nationality, {a} from club, {b} to club, {f} fee, {y} contract year
TRANSFER = {
    "it": [
        "{b} ha raggiunto l'accordo con {a} per {p}: l'affare si chiude a {f}.",
        "Il {pos} {nat} {p} è a un passo da {b}, che ha messo sul piatto {f} per convincere {a}.",
        "{a} apre alla cessione di {p}: servono almeno {f}, {b} ci pensa.",
        "Fumata bianca tra {a} e {b}: {p} arriva in prestito con diritto di riscatto fissato a {f}.",
        "Visite mediche fissate per domani: {p} sarà un nuovo giocatore di {b}, a {a} vanno {f}.",
        "{b} smentisce i contatti per {p}: «Non c'è nessuna trattativa con {a}».",
        "Per {p} il {a} chiede {f}; il {b} non va oltre una prima offerta più bassa.",
        "Rinnovo in vista per {p} con {a}: contratto fino al {y} e clausola da {f}.",
    ],
    "en": [
        "{b} have agreed a deal with {a} for {p} worth {f}.",
        "{nat} {pos} {p} is closing in on a move to {b} after they offered {a} {f}.",
        "{a} are ready to sell {p} if a club meets their {f} valuation, with {b} monitoring.",
        "{p} will join {b} on loan from {a} with an option to buy set at {f}.",
        "{p} is due to undergo a medical at {b} tomorrow after the {f} fee was agreed with {a}.",
        "{b} have denied any talks with {a} over {p}.",
        "{a} want {f} for {p}, but {b} are not prepared to go that high yet.",
        "{p} is set to sign a new contract at {a} until {y} with a release clause of {f}.",
    ],
    "es": [
        "El {b} ha cerrado el fichaje de {p} por {f}, según ha podido saber este diario.",
        "El {pos} {nat} {p} está muy cerca del {b}, que ofrece {f} al {a}.",
        "El {a} escucha ofertas por {p}: pide {f} y el {b} ya ha preguntado.",
        "{p} llegará cedido al {b} desde el {a} con una opción de compra de {f}.",
        "{p} pasará mañana el reconocimiento médico con el {b}; el {a} recibirá {f}.",
        "El {b} niega cualquier negociación con el {a} por {p}.",
        "El {a} exige {f} por {p} y el {b} no quiere llegar a esa cifra.",
        "{p} renovará con el {a} hasta {y} con una cláusula de {f}.",
    ],
    "fr": [
        "{b} a trouvé un accord avec {a} pour {p}, un transfert estimé à {f}.",
        "Le {pos} {nat} {p} se rapproche de {b}, qui propose {f} à {a}.",
        "{a} est prêt à vendre {p} pour {f}, et {b} surveille la situation.",
        "{p} rejoindra {b} en prêt depuis {a} avec une option d'achat de {f}.",
        "{p} passera sa visite médicale avec {b} demain ; {a} touchera {f}.",
        "{b} dément tout contact avec {a} au sujet de {p}.",
        "{a} réclame {f} pour {p}, une somme que {b} juge trop élevée.",
        "{p} va prolonger à {a} jusqu'en {y} avec une clause de {f}.",
    ],
}

PROSE = {
    "it": [
        "La squadra ha ripreso gli allenamenti al centro sportivo dopo due giorni di riposo.",
        "L'allenatore ha chiesto rinforzi soprattutto a centrocampo e sulle fasce.",
        "Nelle ultime {n} partite il rendimento è stato altalenante, con troppi gol subiti.",
        "Il direttore sportivo vuole chiudere le operazioni in entrata prima del ritiro estivo.",
        "I tifosi aspettano un colpo importante dopo una stagione chiusa al {n}° posto.",
        "La dirigenza valuta anche profili più giovani, con un occhio al bilancio.",
        "Secondo fonti vicine al club, la decisione definitiva arriverà entro {n} giorni.",
        "Il mercato resterà aperto fino alla fine del mese e le trattative potrebbero accelerare.",
        "In conferenza stampa il tecnico ha evitato domande sui singoli giocatori.",
        "Lo scorso anno il giocatore ha segnato {n} gol in campionato e servito diversi assist.",
    ],
    "en": [
        "The squad returned to training on Monday after two days off.",
        "The manager has asked for reinforcements in midfield and out wide.",
        "Results over the last {n} games have been mixed, with too many goals conceded.",
        "The sporting director wants incoming deals done before pre-season starts.",
        "Supporters are waiting for a big signing after finishing {n}th last season.",
        "The board is also looking at younger profiles with one eye on the accounts.",
        "Sources close to the club say a final decision will come within {n} days.",
        "The window stays open until the end of the month and talks could speed up.",
        "At his press conference the head coach refused to discuss individual players.",
        "Last season the player scored {n} league goals and added several assists.",
    ],
    "es": [
        "La plantilla volvió a los entrenamientos tras dos días de descanso.",
        "El entrenador ha pedido refuerzos en el centro del campo y en las bandas.",
        "En los últimos {n} partidos el rendimiento ha sido irregular, con demasiados goles encajados.",
        "El director deportivo quiere cerrar las llegadas antes de la pretemporada.",
        "La afición espera un gran fichaje después de terminar en el puesto {n}.",
        "La directiva también estudia perfiles jóvenes pensando en las cuentas.",
        "Fuentes cercanas al club aseguran que la decisión llegará en {n} días.",
        "El mercado sigue abierto hasta final de mes y las negociaciones podrían acelerarse.",
        "En rueda de prensa el técnico evitó hablar de jugadores concretos.",
        "La temporada pasada el jugador marcó {n} goles en liga y dio varias asistencias.",
    ],
    "fr": [
        "Le groupe a repris l'entraînement lundi après deux jours de repos.",
        "L'entraîneur réclame des renforts au milieu de terrain et sur les côtés.",
        "Sur les {n} derniers matchs, les résultats ont été irréguliers, avec trop de buts encaissés.",
        "Le directeur sportif veut boucler les arrivées avant la reprise.",
        "Les supporters attendent une grosse recrue après une {n}e place la saison dernière.",
        "La direction étudie aussi des profils plus jeunes, en surveillant les comptes.",
        "Selon des sources proches du club, la décision tombera d'ici {n} jours.",
        "Le mercato reste ouvert jusqu'à la fin du mois et les discussions pourraient s'accélérer.",
        "En conférence de presse, le coach a refusé de parler des cas individuels.",
        "La saison dernière, le joueur a marqué {n} buts en championnat et délivré plusieurs passes décisives.",
    ],
}

UI = {
    "it": dict(home="Home", sections=["Serie A", "Calciomercato", "Coppe", "Nazionale", "Video", "Classifiche"],
               read_also="Leggi anche", related="Articoli correlati", most_read="I più letti",
               comments="Commenti", table="Classifica", by="di", cookie="Usiamo i cookie per migliorare il servizio.",
               rights="Tutti i diritti riservati."),
    "en": dict(home="Home", sections=["Premier League", "Transfers", "Europe", "International", "Video", "Tables"],
               read_also="Read more", related="Related stories", most_read="Most read",
               comments="Comments", table="Table", by="By", cookie="We use cookies to improve this site.",
               rights="All rights reserved."),
    "es": dict(home="Inicio", sections=["LaLiga", "Fichajes", "Europa", "Selección", "Vídeos", "Clasificación"],
               read_also="Te puede interesar", related="Noticias relacionadas", most_read="Lo más leído",
               comments="Comentarios", table="Clasificación", by="Por", cookie="Usamos cookies para mejorar el servicio.",
               rights="Todos los derechos reservados."),
    "fr": dict(home="Accueil", sections=["Ligue 1", "Mercato", "Coupes d'Europe", "Équipe de France", "Vidéos", "Classements"],
               read_also="À lire aussi", related="Articles liés", most_read="Les plus lus",
               comments="Commentaires", table="Classement", by="Par", cookie="Nous utilisons des cookies pour améliorer le site.",
               rights="Tous droits réservés."),
}

COMMENTS = {
    "it": ["Finalmente un acquisto serio!", "Troppi soldi per uno che ha giocato poco.", "Speriamo bene, forza ragazzi.",
           "Il solito mercato fatto di chiacchiere.", "Meglio puntare sui giovani del vivaio."],
    "en": ["Finally a proper signing!", "Way too much money for a squad player.", "Let's hope he settles quickly.",
           "Same old window, all talk.", "I'd rather see the academy lads get a chance."],
    "es": ["¡Por fin un fichaje de verdad!", "Demasiado dinero para un suplente.", "Ojalá se adapte rápido.",
           "El mismo mercado de siempre, mucho humo.", "Prefiero que suban los de la cantera."],
    "fr": ["Enfin une vraie recrue !", "Beaucoup trop cher pour un remplaçant.", "Espérons qu'il s'adapte vite.",
           "Toujours le même mercato, que des rumeurs.", "Je préfère qu'on fasse confiance aux jeunes du centre."],
}
USERS = ["ultra_1987", "bomber77", "curva_sud", "gooner_jim", "el_mister", "allez_les_bleus", "tifoso_doc",
         "mr_tactics", "la_grada", "vieux_briscard", "nordic_fan", "capitano10"]

STYLE_RULES = [".{c}{{margin:0 {a}px;padding:{b}px {a}px;font-size:{d}px;line-height:1.{e}}}",
               ".{c} a{{color:#{h};text-decoration:none}}", "@media (max-width:{w}px){{.{c}{{display:none}}}}",
               ".{c}>li{{display:inline-block;border-bottom:{b}px solid #{h}}}"]
SCRIPT_LINES = ["window.__cfg=window.__cfg||{{}};__cfg['{c}']={{slot:'{c}-{a}',sizes:[[{w},{b}],[{d},{e}]]}};",
                "(function(w,d){{var s=d.createElement('script');s.async=true;s.src='/static/{c}.{h}.js';d.head.appendChild(s)}})(window,document);",
                "dataLayer.push({{event:'view',section:'{c}',position:{a},variant:'{h}'}});",
                "if(document.cookie.indexOf('consent_{c}')<0){{console.debug('{c}',{w});}}"]


def _slugify(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "-" for ch in text)
    return "-".join(filter(None, out.split("-")))[:80]


def _rand_token(rng: random.Random, k: int = 6) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(k))


def _style_block(rng: random.Random, rules: int) -> str:
    parts = []
    for _ in range(rules):
        parts.append(rng.choice(STYLE_RULES).format(
            c=_rand_token(rng, 5), a=rng.randint(0, 40), b=rng.randint(0, 20), d=rng.randint(10, 22),
            e=rng.randint(1, 9), h=f"{rng.randrange(16**6):06x}", w=rng.choice([480, 768, 1024, 1280])))
    return "<style>" + "\n".join(parts) + "</style>"


def _script_block(rng: random.Random, lines: int) -> str:
    parts = []
    for _ in range(lines):
        parts.append(rng.choice(SCRIPT_LINES).format(
            c=_rand_token(rng, 6), a=rng.randint(0, 99), b=rng.randint(50, 600), d=rng.randint(100, 970),
            e=rng.randint(50, 250), h=f"{rng.randrange(16**8):08x}", w=rng.randint(0, 99999)))
    return "<script>" + "\n".join(parts) + "</script>"


class _Writer:
    def __init__(self, lang: str, rng: random.Random):
        self.lang, self.rng = lang, rng
        self.ui = UI[lang]

    def headline(self, player: str, to_club: str) -> str:
        lang = self.lang
        return {
            "it": f"{to_club}, assalto a {player}: le cifre dell'operazione",
            "en": f"{to_club} step up pursuit of {player}: the numbers behind the deal",
            "es": f"El {to_club} acelera por {player}: las cifras de la operación",
            "fr": f"{to_club} accélère pour {player} : les chiffres du dossier",
        }[lang]

    def transfer_sentence(self, **kw) -> str:
        s = self.rng.choice(TRANSFER[self.lang]).format(**kw)
        return s[0].upper() + s[1:]

    def prose(self) -> str:
        return self.rng.choice(PROSE[self.lang]).format(n=self.rng.randint(3, 18))

    def link_list(self, cls: str, title: str, count: int, outlet: Outlet) -> str:
        rng = self.rng
        items = []
        for _ in range(count):
            p = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            c = rng.choice(CLUBS[self.lang])
            text = self.headline(p, c)
            items.append(f'<li><a href="/{outlet.slug}/{_slugify(text)}-{rng.randrange(10**6)}.html">'
                         f'{_html.escape(text)}</a> <span class="ts">{rng.randint(1, 23)}h</span></li>')
        return f'<section class="{cls}"><h3>{_html.escape(title)}</h3><ul>{"".join(items)}</ul></section>'

    def comments(self, count: int) -> str:
        rng, out = self.rng, []
        for k in range(count):
            out.append(f'<li class="comment" id="c{rng.randrange(10**7)}"><div class="meta"><b>{rng.choice(USERS)}</b>'
                       f' <time>{rng.randint(1, 59)} min</time></div><p>{_html.escape(rng.choice(COMMENTS[self.lang]))}</p>'
                       f'<button class="like">{rng.randint(0, 300)}</button><button class="reply">↩</button></li>')
        return (f'<section id="comments" class="comments"><h3>{self.ui["comments"]} ({count})</h3>'
                f'<ol>{"".join(out)}</ol></section>')

    def league_table(self) -> str:
        rng = self.rng
        clubs = CLUBS[self.lang][:]
        rng.shuffle(clubs)
        rows = "".join(f"<tr><td>{i + 1}</td><td><a href='/team/{_slugify(c)}'>{_html.escape(c)}</a></td>"
                       f"<td>{rng.randint(0, 40)}</td><td>{rng.randint(0, 20)}</td></tr>"
                       for i, c in enumerate(clubs))
        return f'<aside class="standings"><h3>{self.ui["table"]}</h3><table><tbody>{rows}</tbody></table></aside>'

    def nav(self, outlet: Outlet, teams: int = 12) -> str:
        rng = self.rng
        sections = "".join(f'<li><a href="/{outlet.slug}/{_slugify(s)}/">{_html.escape(s)}</a></li>' for s in self.ui["sections"])
        teams = "".join(f'<li><a href="/{outlet.slug}/team/{_slugify(c)}/">{_html.escape(c)}</a></li>'
                        for c in rng.sample(ALL_CLUBS, teams))
        return (f'<header class="site"><a class="logo" href="/{outlet.slug}/">{_html.escape(outlet.name)}</a>'
                f'<nav class="main"><ul>{sections}</ul></nav><nav class="teams"><ul>{teams}</ul></nav>'
                f'<form class="search"><input name="q" placeholder="…"></form></header>')

    def footer(self, outlet: Outlet, columns: int = 4) -> str:
        rng = self.rng
        cols = "".join(
            "<ul>" + "".join(f'<li><a href="/{outlet.slug}/info/{_rand_token(rng, 7)}">{_rand_token(rng, rng.randint(4, 10)).title()}</a></li>'
                             for _ in range(8)) + "</ul>" for _ in range(columns))
        return (f'<footer class="site"><div class="cols">{cols}</div><p class="legal">© {outlet.name} — '
                f'{self.ui["rights"]} P.IVA {rng.randrange(10**10):010d}</p>'
                f'<div class="cookie-banner">{self.ui["cookie"]} <button>OK</button></div></footer>')


def page_size(seed: int, i: int) -> int:
    """Target HTML size of page ``i``: log-uniform between MIN_BYTES and MAX_BYTES."""
    rng = random.Random(f"{seed}:{i}:size")
    return int(math.exp(rng.uniform(math.log(MIN_BYTES), math.log(MAX_BYTES))))


def outlet_of(i: int) -> Outlet:
    return OUTLETS[i % len(OUTLETS)]


def page_path(i: int) -> str:
    """URL path of page ``i`` on the bench site."""
    o = outlet_of(i)
    return f"/{o.slug}/{i // 1000:03d}/{i:07d}.html"


def render_page(seed: int, i: int, day: date = date(2026, 8, 1)) -> str:
    """The HTML of page ``i``; the same (seed, i) always gives the same bytes."""
    rng = random.Random(f"{seed}:{i}")
    outlet = outlet_of(i)
    lang = outlet.language
    w = _Writer(lang, rng)
    target = page_size(seed, i)
    lite = target < 16 * 1024          # small pages: a lighter head, nav and footer
    head_rules = (1, 4) if lite else (10, 30)

    player = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    a, b = rng.sample(CLUBS[lang] + rng.sample(ALL_CLUBS, 4), 2)
    title = w.headline(player, b)
    published = datetime.combine(day, datetime.min.time(), timezone.utc) + timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    canonical = CANONICAL_HOST + page_path(i)

    # article body: a lead with page-unique numbers, transfer sentences mixed with prose
    kw = dict(p=player, pos=rng.choice(POSITIONS[lang]), nat=rng.choice(NATIONS[lang]), a=a, b=b,
              f=_fee(lang, rng), y=rng.randint(2027, 2031))
    lead = {
        "it": f"Il {kw['pos']} {player}, {rng.randint(19, 33)} anni e {rng.randint(5, 60)} presenze nell'ultima stagione, è il nome caldo per {b} (rif. {i}).",
        "en": f"{player}, {rng.randint(19, 33)}, made {rng.randint(5, 60)} appearances last season and is now the top target for {b} (ref. {i}).",
        "es": f"{player}, de {rng.randint(19, 33)} años y {rng.randint(5, 60)} partidos la pasada temporada, es el objetivo prioritario del {b} (ref. {i}).",
        "fr": f"{player}, {rng.randint(19, 33)} ans et {rng.randint(5, 60)} matchs la saison passée, est la priorité de {b} (réf. {i}).",
    }[lang]
    paragraphs = [lead]
    for _ in range(rng.randint(2, 4) if lite else rng.randint(2, 9)):
        sents = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.45:
                other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                oa, ob = rng.sample(ALL_CLUBS, 2)
                sents.append(w.transfer_sentence(**{**kw, "p": rng.choice([player, other]),
                                                    "a": rng.choice([a, oa]), "b": rng.choice([b, ob]),
                                                    "f": _fee(lang, rng)}))
            else:
                sents.append(w.prose())
        paragraphs.append(" ".join(sents))
    body_parts = []
    read_also_at = rng.randint(1, len(paragraphs) - 1)
    for k, par in enumerate(paragraphs):
        if k == read_also_at:
            body_parts.append(f'<div class="read-also">{w.link_list("inline", w.ui["read_also"], 3, outlet)}</div>')
        if k == 2 and rng.random() < 0.5:
            body_parts.append(f'<blockquote><p>«{_html.escape(w.prose())}»</p></blockquote>')
        body_parts.append(f"<p>{_html.escape(par)}</p>")

    jsonld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
              f'"headline":"{_html.escape(title)}","datePublished":"{published.isoformat()}",'
              f'"author":{{"@type":"Person","name":"{author}"}},'
              f'"publisher":{{"@type":"Organization","name":"{outlet.name}"}},"inLanguage":"{lang}"}}</script>')
    head = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{_html.escape(title)} | {_html.escape(outlet.name)}</title>"
            f'<meta name="description" content="{_html.escape(lead[:150])}">'
            f'<link rel="canonical" href="{canonical}">'
            f'<meta property="og:title" content="{_html.escape(title)}">'
            f'<meta property="og:site_name" content="{_html.escape(outlet.name)}">'
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            f'<meta name="author" content="{author}">{jsonld}'
            f"{_style_block(rng, rng.randint(*head_rules))}{_script_block(rng, rng.randint(*head_rules) // 2)}</head>")
    article = (f'<main><nav class="breadcrumb"><a href="/{outlet.slug}/">{w.ui["home"]}</a> › '
               f'<a href="/{outlet.slug}/mercato/">{_html.escape(w.ui["sections"][1])}</a></nav>'
               f'<article class="story"><h1>{_html.escape(title)}</h1>'
               f'<p class="byline">{w.ui["by"]} <a rel="author" href="/{outlet.slug}/author/{_slugify(author)}">{author}</a>'
               f' <time datetime="{published.isoformat()}">{published:%d/%m/%Y %H:%M}</time></p>'
               f'<div class="article-body">{"".join(body_parts)}</div></article>')
    top = head + f'<body class="{lang}">' + w.nav(outlet, 3 if lite else 12) + article
    bottom = "</main>" + w.footer(outlet, 1 if lite else 4) + _script_block(rng, 1 if lite else 3) + "</body></html>"

    # chrome until the page reaches its target size: sidebars, related lists, comments, scripts, styles
    chrome = [] if lite else [w.league_table(), w.link_list("most-read", w.ui["most_read"], 8, outlet)]
    size = len(top) + len(bottom) + sum(map(len, chrome))
    fillers = (lambda: w.link_list("related", w.ui["related"], rng.randint(5, 15), outlet),
               lambda: w.comments(rng.randint(5, 25)),
               lambda: _script_block(rng, rng.randint(20, 60)),
               lambda: _style_block(rng, rng.randint(20, 60)),
               lambda: f'<aside class="ad"><div id="adv-{_rand_token(rng)}" data-slot="{rng.randint(1, 9)}"></div></aside>'
                       + w.link_list("promo", w.ui["most_read"], 6, outlet))
    while size < target:
        block = rng.choice(fillers)()
        if size + len(block) > target + 2048 and size > MIN_BYTES:
            break
        chrome.append(block)
        size += len(block)
    rng.shuffle(chrome)
    split = rng.randint(0, len(chrome))   # some chrome in a sidebar next to the article, the rest below it
    side = f'<aside class="sidebar">{"".join(chrome[:split])}</aside>'
    return top + side + f'<div class="below">{"".join(chrome[split:])}</div>' + bottom


def write_site(root: Path, seed: int, start: int, stop: int, groups: dict[str, range] | None = None) -> dict:
    """Write pages ``start..stop-1`` under ``root`` (paths from ``page_path``).

    Sitemaps are written separately by ``write_sitemaps`` once the server's URL
    is known. Returns {"pages": count, "bytes": total HTML bytes}."""
    root = Path(root)
    total = 0
    for i in range(start, stop):
        html = render_page(seed, i).encode("utf-8")
        path = root / page_path(i).lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html)
        total += len(html)
    return {"pages": stop - start, "bytes": total}


def write_sitemap(root: Path, name: str, base_url: str, indices) -> str:
    """A sitemap listing pages ``indices`` at ``<root>/<name>.xml``; returns its URL."""
    locs = "".join(f"<url><loc>{base_url}{page_path(i)}</loc></url>" for i in indices)
    xml = ('<?xml version="1.0" encoding="UTF-8"?>'
           f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>')
    path = Path(root) / "sitemaps" / f"{name}.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, "utf-8")
    return f"{base_url}/sitemaps/{name}.xml"
