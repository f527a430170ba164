"""Deal type and status of a rumour from the cue words of its evidence sentences.

Why: both are closed vocabularies decided by a few words ("prestito con diritto di
riscatto", "agreed a fee", "nessun contatto").  Keeping them apart from move
detection lets each be tested with one sentence.  Negated interest ("not interested",
"nessun contatto", "turned down") wins over every other status.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

STATUS_ORDER = ("denied", "completed", "agreed", "negotiating")
# "no se descarta", "non si esclude", "not ruled out", "n'est pas exclu": a denial negated is no denial
_NEGATED_DENIAL = re.compile(r"(?:\bno|\bnon|\bnot|n't|\bpas|\bnunca|\bnever)\s+(?:(?:se|si|been|be|yet|have|has|e|es|stato)\s+){0,2}$")
_HYPOTHETICAL_BID = re.compile(r"(?:bid|bids|offer|swoop|approach|tentativo|offerta|oferta|offre|puja|ofensiva)$")
_HYPOTHETICAL = re.compile(r"\b(?:could|may|might|would|plan|plans|planning|lining up|line up|weighing|weigh up|"
                           r"considering|consider|ready to|prepared to|linked with|mulling|eyeing|potential|possible|"
                           r"preparing|prepares|prepare|prepara|preparano|preparando|prepare|preparent|"
                           r"studia|studiando|estudia|estudiando|pensa|piensa|envisage|"
                           r"potrebbe|potrebbero|possibile|eventuale|ipotesi|podria|podrian|posible|eventual|"
                           r"pourrait|pourraient|eventuelle|possible)\b")
# a completion only in prospect: "could be ready to swoop", "set to complete", "in caso di cessione di",
# "in attesa della possibile cessione", "once he is confirmed", "annuncera l'acquisto"
_NOT_YET = re.compile(_HYPOTHETICAL.pattern[:-3] + r"|set to|close to|closing in on|once|if|in caso di|in attesa|"
                      r"nell'attesa|qualora|vicin\w*|pronto a|pronti a|vuole|vogliono|cerca di|en caso de|a la espera|"
                      r"en cas de|annuncer\w*|ufficializzer\w*|anunciara|annoncera|will|to be|diventera|sara|saranno|sera|seront|"
                      r"deviendra|se convertira|presto|a breve|soon|bientot|pronto sera)\b"
                      r"(?:(?!\b(?:ma|but|pero|mais)\b).)*$")
# "want to sign", "will join", "could seal", "not signed": an infinitive or a modal right before the cue
_INFINITIVE = re.compile(r"\b(?:to|will|would|could|can|cannot|may|might|must|not|never|non|no|pas)\s+$")
_IDIOM_AFTER = re.compile(r"\s+(?:tempo|time|tiempo|temps)\b")
# "cannot rule out", "non possono escludere": a denial cue made impossible is no denial
_CANNOT_BEFORE = re.compile(r"(?:cannot|can't|could not|couldn't|non puo|non possono|no puede|ne peut)\s+(?:\w+\s+)?$")
_NEGATED_AGREEMENT = re.compile(r"(?:non|not|no|sin|pas|senza|without)\s+(?:\w+\s+){0,2}(?:accordo|agreement|acuerdo|accord)")


_STATUS_KINDS = ("DENIED", "COMPLETED", "AGREED", "NEGOTIATING")


@lru_cache(maxsize=8192)
def status_of(folded_sentence: str) -> str | None:
    """The strongest status cue in one sentence (None when it has none).

    The raw cue reading: the pair model's st_* features and the rules' own rumours (rule_status)
    are read with it, so the trained model does not move when the reported status is refined."""
    return _status(folded_sentence, False)


@lru_cache(maxsize=8192)
def outcome_of(folded_sentence: str) -> str | None:
    """The status a sentence reports: `status_of`, except that a completion cue only in prospect
    ("set to complete", "in caso di cessione di", "annuncera l'acquisto") is no completion."""
    if status_of(folded_sentence) is None and not lexicon.has_any(_OUTCOME_ONLY, folded_sentence):
        return None         # its filters only ever drop cues that status_of keeps: nothing to read
    # a cue of a status kind (status_of found one) or an OUTCOME_ one is there: `_status` need not look again
    return _status(folded_sentence, True, True)


# cues read only for the reported status (lexicon OUTCOME_*): kept out of the pair model's features
_RAW = {k: (k,) for k in ("DENIED", "COMPLETED", "AGREED", "NEGOTIATING")}
_OUTCOME = {k: (k, "OUTCOME_" + k) for k in _RAW}
_OUTCOME_ONLY = tuple("OUTCOME_" + k for k in _STATUS_KINDS)
_OUTCOME_KINDS = _STATUS_KINDS + _OUTCOME_ONLY


def _cues(kinds: tuple[str, ...], s: str):
    if len(kinds) == 1:
        return lexicon.cue_regex(kinds[0]).finditer(s) if lexicon.has(kinds[0], s) else ()
    return lexicon.any_regex(kinds).finditer(s) if lexicon.has_any(kinds, s) else ()


def _status(s: str, prospects: bool, cue_known: bool = False) -> str | None:
    kinds = _OUTCOME if prospects else _RAW
    if not cue_known and not lexicon.has_any(_OUTCOME_KINDS if prospects else _STATUS_KINDS, s):
        return None         # no cue of any status kind (one pass instead of four)
    for m in _cues(kinds["DENIED"], s):
        pre = s[max(0, m.start() - 25):m.start()]
        if not _CANNOT_BEFORE.search(pre) and not _NEGATED_DENIAL.search(pre):
            return "denied"
    for m in _cues(kinds["COMPLETED"], s):
        if prospects and _IDIOM_AFTER.match(s, m.end()):
            continue        # "ha preso tempo", "took time": no move
        if not prospects or not (_NOT_YET.search(s[max(0, m.start() - 40):m.start()])
                                 or _INFINITIVE.search(s[max(0, m.start() - 12):m.start()])):
            return "completed"
    if lexicon.has_any(kinds["AGREED"], s) and not _NEGATED_AGREEMENT.search(s) \
            and not (prospects and _agreement_in_prospect(kinds["AGREED"], s)):
        return "agreed"
    for m in _cues(kinds["NEGOTIATING"], s):
        if _HYPOTHETICAL_BID.match(m.group(0)) and _HYPOTHETICAL.search(s[max(0, m.start() - 45):m.start()]):
            continue        # "could swoop", "lining up a bid", "linked with a bid": interest, not a bid made
        return "negotiating"
    return None


# an agreement still to reach: "close to an agreement", "proche d'un accord", "cerca de un acuerdo",
# "reste a trouver un accord", "vicino all'accordo" (talks, by the conventions' "close to")
_AGREE_PROSPECT = re.compile(
    r"\b(?:close to|closing in on|near|nearing|edging (?:closer )?towards|to reach|reach|to strike|to find|"
    r"proche d'|proche de|pres d'|en passe de trouver|trouver|chercher|en quete d'|"
    r"cerca de|a punto de (?:cerrar|alcanzar|llegar a)|alcanzar|buscar|buscan|busca|llegar a|hacia|"
    r"vicino a|vicini a|vicino all'|vicini all'|trovare|raggiungere|cercare)\s*"
    r"(?:(?:un|une|an|a|el|l'|the|la|le|lo|un')\s*)?(?:\w+\s+)?$")


def _agreement_in_prospect(kinds: tuple[str, ...], s: str) -> bool:
    """Every agreement cue of the sentence is one still to reach."""
    return all(_AGREE_PROSPECT.search(s[max(0, m.start() - 36):m.start()]) for m in _cues(kinds, s))


# a formality still to come: the deal is agreed, not yet completed (conventions: medical, awaiting the announcement)
_PENDING = re.compile(
    r"\b(?:manca solo|mancano solo|manca soltanto|mancano soltanto|manca solo la firma|in attesa dell'ufficialita|"
    r"attende(?:re)? l'ufficialita|visite mediche (?:previste|fissate|in programma|rimandate)|"
    r"awaiting|subject to a medical|pending a medical|medical (?:is )?(?:scheduled|booked|planned)|"
    r"yet to be announced|before the official announcement|"
    r"a falta de|pendiente de|solo falta|falta el anuncio|falta la firma|reconocimiento medico (?:previsto|programado)|"
    r"en attente de|reste (?:a|plus qu'a) (?:officialiser|passer la visite)|visite medicale (?:prevue|programmee))")


def status_for(sentences: list[str], read=status_of) -> str:
    """Status of a rumour: the first evidence sentence with a cue decides; a denial anywhere wins;
    a completion with a formality still pending ("only the medical is missing") is agreed.
    `read` is the per-sentence reader: `status_of` (raw cues, the model's features) or `outcome_of`."""
    found = [read(s) for s in sentences]
    if "denied" in found:
        return "denied"
    for st in found:
        if st:
            if st == "completed" and any(_PENDING.search(s) for s in sentences):
                return "agreed"
            return st
    return "rumour"


_WITHOUT_OPTION = re.compile(r"(?:sin|senza|without|sans|no)\s+(?:\w+\s+)?(?:opcion|opzione|option|diritto)")
_OUTRIGHT = re.compile(r"\b(?:permanently|outright|a titolo definitivo|en propiedad)\b")


def deal_type_for(sentences: list[str], fee_kind: str | None, renewal: bool, has=lexicon.has) -> str | None:
    """permanent | loan | loan_with_option | loan_with_obligation | free | renewal | None.

    `has` answers `lexicon.has(kind, text)` (the caller may pass a per-article memo of it)."""
    if renewal:
        return "renewal"
    text = " ".join(sentences)
    loan = has("LOAN", text)
    if loan and has("OBLIGATION", text):
        return "loan_with_obligation"
    if loan and (has("OPTION", text) or fee_kind == "option"):
        if _WITHOUT_OPTION.search(text):
            return "loan"
        return "loan_with_option"
    if loan and _OUTRIGHT.search(text):
        return "permanent"
    if loan:
        return "loan"
    if has("FREE", text):
        return "free"
    if fee_kind in ("fee", "clause") or has("PERMANENT", text):
        return "permanent"
    return None
