"""Money amounts and what they are (fee, option price, loan fee, wage, clause, past fee, bonus).

Why: an article about a transfer usually quotes several numbers; only one of them
is the rumour's fee (conventions: an offer by the buying club, else an agreed fee,
else the asking price/valuation).  This stage finds every amount with its exact
phrase, normalises it to whole currency units (+EUR), and labels it from the cue
words around it, so that `moves` can pick the right one for each rumour.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .fx import to_eur
from .model import Fee

_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_MILLION = r"milioni|milione|millions|million|millones|millon|mln|mio|mil(?=\W)|kilos|kilo|mn|m"
_THOUSAND = r"mila|thousand|k|grand|mille"
_BILLION = r"miliardi|miliardo|billion|bn"
_SCALE = rf"(?:{_BILLION}|{_MILLION}|{_THOUSAND})"
_CURWORD = (r"(?:di |de |d')?(?:euros|euro|eur|sterline|pounds|pound|sterling|libras|livres|gbp|dollari|dollars|"
            r"dolares|usd|franchi|francs|chf)")

_AMOUNT = re.compile(
    rf"(?P<sym>[€£$])\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE})(?![a-z]))?(?:\s?(?P<cur0>{_CURWORD}))?"
    rf"|(?P<num2>{_NUM})\s?(?P<scale2>{_SCALE})?\s?(?P<sym2>[€£$])"
    rf"|(?P<num3>{_NUM})\s*(?P<scale3>{_SCALE})(?![a-z])(?:\s*(?P<cur3>{_CURWORD}))?"
    rf"|(?P<num4>{_NUM})\s*(?P<cur4>{_CURWORD})(?![a-z])"
)
# every amount starts with a currency symbol or a digit: `_amounts` jumps from one such
# character to the next in C instead of trying the four alternatives at every position
_AMOUNT_START = re.compile(r"[€£$\d]")


def _amounts(folded: str):
    """Exactly `_AMOUNT.finditer(folded)` (same matches, same order), several times faster."""
    pos = 0
    search, match = _AMOUNT_START.search, _AMOUNT.match
    while True:
        c = search(folded, pos)
        if c is None:
            return
        p = c.start()
        m = match(folded, p)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


# "entre 15 y 20 kilos", "between £43m and £52m", "€75m-€85m", "5.5-6 milioni"
_RANGE_LOW = re.compile(rf"(?P<low>[€£$]?\s?(?:{_NUM})\s?(?:{_SCALE})?)\s*(?:-|/|y|e|and|to|a|et|o|or)\s*$")
# `(?<![\w.,€£$])\d{1,3}...` with the look-behind after the first digit: the pattern then opens
# with `\d`, and `re` skips to the next digit in C instead of trying the look-behind everywhere
_BARE = re.compile(r"(?P<num>\d(?<![\w.,€£$]\d)\d{0,2}(?:[.,]\d+)?)(?![\w.,%'’]|\s*(?:%|anni|ans|anos|years|gol|goal|"
                   r"partite|presenze|minuti|giorni|punti|volte|mesi|settimane|stagioni|milioni|millones|millions|"
                   r"million|kilos|euro|euros|°|ore|h\b|[-/]\d))")
_BARE_CUE = re.compile(r"(?:riscatto|fissato a|proposti|offerti|offerta da|offerta di|chiede|richiesta di|clausola da|"
                       r"da \d+ a|piu|più|oferta de|ofrece|piden|offre|pour|abbassare)\W*(?:\w+\W+){0,2}$")

KIND_PRIORITY = {"offer": 1, "agreed": 2, "asking": 3, "value": 4, "fee": 3, "clause": 5}


ROLE_OF_SUB = {"offer": "offer", "agreed": "agreed", "asking": "asking", "value": "valuation", "clause": "asking"}


_RX_BILLION = re.compile(_BILLION)
_RX_THOUSAND = re.compile(_THOUSAND)
_RX_YEAR = re.compile(r"(?:19|20)\d\d")
_RX_NUM = re.compile(_NUM)
_RX_SCALE_END = re.compile(rf"\s?({_SCALE})$")
_RX_PCT = re.compile(r"\s*%")
_RX_WAGE_WORD = re.compile(r"(?:ingaggio|stipendio|salary|wages|salario|sueldo|salaire)\W+(?:\w+\W+){0,3}$")
_RX_BONUS_AFTER = re.compile(r"\s*(?:di |de |in |en |d')?(?:bonus|add-ons|add ons|variables|variabili|primes)")
_RX_PLUS_END = re.compile(r"(?:piu|plus|mas|\+)\s*(?:altri|otros|further|another)?\s*$")
_RX_IN_YEAR = re.compile(r"\W*(?:\w+\W+){0,2}(?:in|nel|en|del)\s+(?:19|20)\d\d\b")
_RX_PERMANENTLY = re.compile(r"(?:sign|buy) him (?:permanently|outright)|permanently for|riscatto")


@dataclass
class FeeMention:
    """One amount for the move-linking stage: `fee.kind` says what the number is
    (fee/option/loan_fee/wage/clause/past/bonus), `role` who states it (offer by the buyer,
    agreed fee, seller's asking price, valuation), `sentence` where it is."""
    fee: Fee
    end: int
    sub: str            # offer | agreed | asking | value | fee | clause (for kind == fee/clause)
    sentence: int = -1
    combined: bool = False      # one amount for several players ("25 millones por los dos")
    conversion: bool = False    # the same amount again in another currency, in brackets

    @property
    def role(self) -> str | None:
        """offer | agreed | asking | valuation, or None when no cue says it."""
        return ROLE_OF_SUB.get(self.sub)


def _num(s: str, lang: str, has_scale: bool) -> float:
    s = s.replace(" ", "")
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
        return float(s)
    for sep in ".,":
        if sep in s:
            parts = s.split(sep)
            if all(len(p) == 3 for p in parts[1:]) and not has_scale:
                return float("".join(parts))
            if len(parts) == 2:
                return float(parts[0] + "." + parts[1])
            return float("".join(parts))
    return float(s)


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.strip()
    if _RX_BILLION.fullmatch(w):
        return 1e9
    if _RX_THOUSAND.fullmatch(w):
        return 1e3
    return 1e6


def _currency(sym: str | None, word: str | None, lang: str) -> str:
    if sym:
        return {"€": "EUR", "£": "GBP", "$": "USD"}[sym]
    if word:
        w = word.split()[-1].lstrip("d'")
        if w.startswith(("eur",)):
            return "EUR"
        if w.startswith(("sterl", "pound", "libra", "livre", "gbp")):
            return "GBP"
        if w.startswith(("dolla", "dolar", "usd")):
            return "USD"
        if w.startswith(("franc", "chf")):
            return "CHF"
    return "GBP" if lang == "en" else "EUR"


def find_fees(text: str, folded: str, lang: str, sentence_of, month: str | None = None) -> list[FeeMention]:
    """Every money amount in the text, labelled by kind, in reading order."""
    out: list[FeeMention] = []
    taken: list[tuple[int, int]] = []
    for m in _amounts(folded):
        g = m.groupdict()
        num = g["num"] or g["num2"] or g["num3"] or g["num4"]
        scale_w = g["scale"] or g["scale2"] or g["scale3"]
        sym = g["sym"] or g["sym2"]
        curw = g["cur0"] or g["cur3"] or g["cur4"]
        if scale_w == "m" and not sym and not curw and g["num3"] and folded[m.start(): m.end()].find(" ") >= 0:
            continue                        # "10 m" (metres/minutes), not "10m"
        if g["num4"] and not curw:
            continue
        if scale_w == "mil" and lang != "es":
            continue
        if _RX_YEAR.fullmatch(num) and not scale_w and not sym:
            continue
        try:
            value = _num(num, lang, bool(scale_w)) * _scale(scale_w)
        except ValueError:
            continue
        cur = _currency(sym, curw, lang)
        start, end = m.start(), m.end()
        # trailing space captured by optional groups
        while end > start and folded[end - 1] == " ":
            end -= 1
        low = high = None
        rng = _RANGE_LOW.search(folded[max(0, start - 30):start])
        if rng:
            lm = _RX_NUM.search(rng.group("low"))
            if lm:
                lw = _RX_SCALE_END.search(rng.group("low").strip())
                try:
                    lv = _num(lm.group(0), lang, True) * (_scale(lw.group(1)) if lw else _scale(scale_w))
                    if 0 < lv < value:
                        low, high = lv, value
                        start = max(0, start - 30) + rng.start("low")
                        while folded[start] == " ":
                            start += 1
                except ValueError:
                    pass
        amount = low if low is not None else value
        half = _HALF.search(folded[max(0, start - 16):start])
        if half and low is None:
            amount = value / 2          # "half the £23m he cost": the price asked now
            start = max(0, start - 16) + half.start()
            while folded[start] == " ":
                start += 1
        if low is not None:             # the low end was emitted alone just before: replace it
            while out and out[-1].fee.start >= start:
                out.pop()
        taken.append((start, end))
        kind, sub = classify(folded, start, end, lang)
        if half and low is None and kind == "past":
            kind, sub = "fee", "asking"     # half of what he cost is a price asked now
        fee = Fee(amount=amount, currency=cur, eur=to_eur(amount, cur, month), phrase=text[start:end],
                  start=start, kind=kind, low=low, high=high)
        out.append(FeeMention(fee, end, sub, sentence_of(start)))
    if lang in ("it", "es", "fr"):
        out.extend(_bare_amounts(text, folded, lang, taken, sentence_of, month))
    out.extend(_free_loans(text, folded, sentence_of))
    out.sort(key=lambda f: f.fee.start)
    _attach_bonuses(out)
    for i, f in enumerate(out):
        s = f.fee.start
        if i and _CONVERSION_BEFORE.search(folded[max(0, s - 30):s]) and out[i - 1].end >= s - 30:
            f.conversion = True
            f.fee.kind, f.sub = out[i - 1].fee.kind, out[i - 1].sub
        if _COMBINED_AFTER.match(folded, f.end):
            f.combined = True
    return out


def _free_loans(text: str, folded: str, sentence_of) -> list[FeeMention]:
    """A loan "a titolo gratuito" is a loan fee of 0 (no currency), when the article speaks of loans."""
    out = []
    if not lexicon.has("LOAN", folded) or not _needs(folded, _FREE_LOAN_WORDS):
        return out
    for m in _FREE_LOAN.finditer(folded):
        fee = Fee(amount=0.0, currency=None, eur=0.0, phrase=text[m.start():m.end()], start=m.start(), kind="loan_fee")
        out.append(FeeMention(fee, m.end(), "loan_fee", sentence_of(m.start())))
    return out


def _bare_amounts(text, folded, lang, taken, sentence_of, month) -> list[FeeMention]:
    """Numbers without unit after a price cue: "i 55 proposti", "riscatto fissato a 40"."""
    out = []
    for m in _BARE.finditer(folded):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in taken):
            continue
        before = folded[max(0, s - 40):s]
        after = folded[e:e + 25]
        if not (_BARE_CUE.search(before) or re.match(r"\s*(?:proposti|offerti|di bonus|pattuiti)", after)):
            continue
        v = float(m.group("num").replace(",", "."))
        if not 0.3 <= v <= 300:
            continue
        amount = v * 1e6
        kind, sub = classify(folded, s, e, lang)
        fee = Fee(amount=amount, currency="EUR", eur=to_eur(amount, "EUR", month), phrase=text[s:e],
                  start=s, kind=kind)
        out.append(FeeMention(fee, e, sub, sentence_of(s)))
    return out


def _attach_bonuses(fees: list[FeeMention]) -> None:
    """A bonus right after an amount ("7 milioni più 1,5 di bonus") is kept apart from it."""
    for i, f in enumerate(fees):
        if f.fee.kind == "bonus" and i > 0 and f.sentence == fees[i - 1].sentence:
            prev = fees[i - 1].fee
            if prev.kind != "bonus" and prev.bonus is None:
                prev.bonus = f.fee.amount


_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)|\n")
# an amount in brackets right after another one is its conversion: "€100m (£83.16m)"
_CONVERSION_BEFORE = re.compile(r"[€£$]?\s?\d[\d.,]*\s?(?:[a-z]{1,8})?\s*[-–]?\s*\(\s*$")
_AGREED_BEFORE = re.compile(r"(?:agreed|agree|accordo|intesa|acuerdo|accord|pattuit\w*|fee of|deal worth|"
                            r"affare da|operazione da|chiuso a|chiusa a|cerrado por|traspaso de|transfert de)"
                            r"\W+(?:\w+\W+){0,3}$")
_AGREED_AFTER = re.compile(r"\W*(?:pattuit\w*|concordat\w*|agreed|acordados|pactados|convenus)\b")
_COMBINED_AFTER = re.compile(r"[^.;!?\n]{0,40}?\b(?:por los dos|por ambos|per entrambi|per i due|per la coppia|"
                             r"for both|for the pair|for the duo|for the two|pour les deux|pour le duo|"
                             r"per tutti e due)\b")
_HALF = re.compile(r"(?:\bhalf|\bla meta d\w*|\bla mitad d\w*|\bla moitie d\w*)\s*(?:the|of the|of|de|del|dei|des|los)?\s*$")
_FREE_LOAN = re.compile(r"\b(?:a titolo gratuito|prestito gratuito|in prestito gratuito|free loan|cesion gratuita|"
                        r"cedido gratis|pret gratuit)\b")


# every alternative of _FREE_LOAN contains one of these: most articles are spared the scan
_FREE_LOAN_WORDS = ("gratui", "gratis", "free loan")
_OPTION_KINDS = ("OPTION", "OBLIGATION")
# cheap necessary conditions: every alternative of the regex contains one of these strings
_WAGE_WORDS = ("ingaggio", "stipendio", "salary", "wages", "salario", "sueldo", "salaire")     # _RX_WAGE_WORD
_PLUS_WORDS = ("piu", "plus", "mas", "+")                                                       # _RX_PLUS_END
_PERMANENTLY_WORDS = (" him ", "permanently", "riscatto")                                       # _RX_PERMANENTLY
_AGREED_WORDS = ("agree", "accord", "intesa", "acuerdo", "pattuit", "fee of", "deal worth", "affare da",
                 "operazione da", "chius", "cerrado por", "traspaso de", "transfert de")       # _AGREED_BEFORE


def _needs(window: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if w in window:
            return True
    return False


def classify(folded: str, start: int, end: int, lang: str) -> tuple[str, str]:
    """(kind, sub-kind) of the amount at [start, end) from the words around it."""
    before = _CLAUSE_END.split(folded[max(0, start - 70):start])[-1]
    after = _CLAUSE_END.split(folded[end:end + 45])[0]
    near_b, near_a = before[-32:], after[:28]
    # a bracketed conversion "(£62m)" reads its cue past the bracket
    if near_a.lstrip().startswith("("):
        close = after.find(")")
        if close >= 0:
            after = after[close + 1:] + folded[end + 45:end + 45 + close + 1]
            near_a = after[:28]
    if _RX_PCT.match(after):
        return "past", "other"
    if lexicon.has("WAGE", near_a) or (_needs(before, _WAGE_WORDS) and _RX_WAGE_WORD.search(before)):
        return "wage", "wage"
    if _RX_BONUS_AFTER.match(after) \
            or _needs(near_b, _PLUS_WORDS) and _RX_PLUS_END.search(near_b) and lexicon.has("BONUS", near_a):
        return "bonus", "bonus"
    if _RX_IN_YEAR.match(after[:25]):
        return "past", "past"
    if lexicon.has("PAST_FEE", near_b) and not lexicon.has("OFFER", near_b):
        return "past", "past"
    if lexicon.has_any(_OPTION_KINDS, before[-90:]) \
            or _needs(before[-60:], _PERMANENTLY_WORDS) and _RX_PERMANENTLY.search(before[-60:]):
        return "option", "option"
    if lexicon.has("CLAUSE", before[-45:]) or lexicon.has("CLAUSE", near_a):
        return "clause", "clause"
    if lexicon.has("LOAN_FEE", near_b + " " + near_a):
        return "loan_fee", "loan_fee"
    if lexicon.has("OFFER", before[-40:]) or lexicon.has("OFFER", near_a[:15]):
        return "fee", "offer"
    if (_needs(before[-45:], _AGREED_WORDS) and _AGREED_BEFORE.search(before[-45:])) or _AGREED_AFTER.match(after):
        return "fee", "agreed"
    if lexicon.has("VALUATION", near_b + " " + near_a):
        return "fee", "value"
    if lexicon.has("ASKING", before[-40:]):
        return "fee", "asking"
    return "fee", "fee"
