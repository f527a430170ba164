"""lexicon.has answers exactly `cue_regex(kind).search(text) is not None`, on ASCII-only text (read
through an explicit set of separators) and on any other text alike."""
import random

from extractors.extract import lexicon


def test_has_agrees_with_the_cue_regex():
    rnd = random.Random(3)
    kinds = ["LOAN", "PAST_TIME", "MOVE", "FREE", ("DENIED", "COMPLETED", "AGREED", "NEGOTIATING")]
    seps = [" ", "  ", ",", ".", "'", "-", "\n", "(", "€", "…", "\u00a0", "é", "x", "_", "3", "»", "ж"]
    for kind in kinds:
        kinds_ = kind if isinstance(kind, tuple) else (kind,)
        phrases = [p.rstrip("*") for k in kinds_ for p in lexicon._phrases(k)]
        rx = lexicon.any_regex(kind) if isinstance(kind, tuple) else lexicon.cue_regex(kind)
        for _ in range(3000):
            parts = []
            for _ in range(rnd.randint(1, 4)):
                p = rnd.choice(phrases)
                if rnd.random() < 0.3:
                    p = p[1:] if rnd.random() < 0.5 else p[:-1]
                parts.append(p)
                parts.append(rnd.choice(seps))
            if rnd.random() < 0.5:
                parts.insert(0, rnd.choice(seps))
            s = "".join(parts)
            assert lexicon.has(kind, s) == (rx.search(s) is not None), (kind, s)
