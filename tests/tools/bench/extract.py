"""Throughput of `extract_text` on one core: python -m tests.tools.bench.extract [-n 1000].

Generates ~1000 synthetic plain-text articles of ~3 KB from templates of our own
(fictional players, real club names from the reference) and prints articles/second:
the best of `--repeat` runs (3) of CPU time, so a busy machine (load printed) disturbs
the figure less than wall time.
"""
from __future__ import annotations

import argparse
import os
import random
import time

from extractors.extract import extract_text
from extractors.extract.clubs import club_index

FIRST = ["Marco", "Luca", "Jamie", "Tomás", "Nikola", "Pierre", "Daniel", "Kevin", "Adrián", "Jonas"]
LAST = ["Bellandi", "Ferrandi", "Holt", "Herrera", "Petrović", "Durand", "Okoro", "van Loon", "Da Silva", "Kowalski"]
TEMPLATES = {
    "it": ["Il {to} ha messo nel mirino {p}, difensore del {frm} classe 19{yy}.",
           "Per {p} il {frm} chiede {n} milioni di euro, ma il {to} non va oltre i {m}.",
           "Secondo i media, {p} potrebbe lasciare il {frm} già a gennaio: la trattativa con il {to} è avviata.",
           "Il giocatore guadagna {w} milioni a stagione e il suo contratto scade nel 2027.",
           "Nessun contatto invece con il {x}, che ha smentito ogni interesse per {p}."],
    "en": ["{to} are keen on {frm} striker {p}, 24, and have made a £{n}m bid.",
           "{frm} want £{m} million for {p}, who earns £{w}0,000 a week.",
           "Talks between {to} and {frm} are advanced, with a loan with an option to buy discussed.",
           "{x} are not interested in signing {p} this summer, according to reports.",
           "The winger joined {frm} for £{m}m in 2019 and has a release clause."],
    "es": ["El {to} quiere fichar a {p}, jugador del {frm}, por una cifra entre {m} y {n} millones.",
           "El {frm} pide {n} millones de euros y el {to} prepara una oferta de {m} kilos.",
           "El {x} descarta el fichaje de {p} por su salario de {w} millones por temporada."],
    "fr": ["Le {to} cible {p}, attaquant du {frm}, pour {n} millions d'euros.",
           "Selon la presse, le {frm} réclame {m} M€ pour {p}, mais le {x} n'est pas intéressé."],
}


def make_corpus(n: int = 1000, size: int = 3000, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    names = [c.short_name or c.name for c in club_index().clubs.values()] or ["Torino", "Chelsea", "Sevilla", "Lyon"]
    docs = []
    for i in range(n):
        lang = rnd.choice(list(TEMPLATES))
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            frm, to, x = rnd.sample(names, 3) if len(names) >= 3 else (names * 3)[:3]
            p = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            parts.append(rnd.choice(TEMPLATES[lang]).format(
                p=p, frm=frm, to=to, x=x, n=rnd.randint(10, 90), m=rnd.randint(5, 60), w=rnd.randint(1, 9),
                yy=rnd.randint(90, 99)))
        docs.append(" ".join(parts) if i % 3 else "\n".join(parts))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="runs over the corpus; the best CPU time counts")
    a = ap.parse_args(argv)
    docs = make_corpus(a.n)
    extract_text(docs[0])                       # warm the caches (reference, lexicons)
    load0 = _load()
    cpus, walls = [], []
    rumours = 0
    for _ in range(max(1, a.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        rumours = 0
        for d in docs:
            rumours += len(extract_text(d).rumours)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    cpu, dt = min(cpus), min(walls)
    kb = sum(len(d) for d in docs) / len(docs) / 1024
    runs = ", ".join(f"{len(docs) / c:.0f}" for c in cpus)
    # CPU time is the one-core figure; wall time also counts waiting for a busy machine
    print(f"{len(docs)} articles of ~{kb:.1f} KB: {len(docs) / cpu:.0f} articles/s of CPU time on one core "
          f"(best of {len(cpus)}: {runs}; wall {dt:.2f}s = {len(docs) / dt:.0f}/s; {rumours} rumours; "
          f"load {load0} -> {_load()} on {os.cpu_count()} cores)")
    return 0


def _load() -> str:
    try:
        return "%.2f" % os.getloadavg()[0]
    except (AttributeError, OSError):
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
