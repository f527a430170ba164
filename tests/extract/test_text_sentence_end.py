"""text._END is written to open with one character set (speed): it must find exactly the matches
of the plain alternation it stands for."""
import random
import re

from extractors.extract.text import _END, split_sentences

_PLAIN = re.compile(r"[.!?;:]+[\"')\]]*\s+(?=[\"'(\[]?[A-ZÀ-ÖØ-Þ0-9\"'«“])|\n+|\s+[-–—]\s+(?=[A-ZÀ-ÖØ-Þ])")


def test_same_matches_as_the_plain_alternation():
    alphabet = ".!?;:\n \t\u00a0-–—\"')]([«“AaZ0Éé\r\x0b"
    rnd = random.Random(7)
    for _ in range(20000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert [m.span() for m in _END.finditer(t)] == [m.span() for m in _PLAIN.finditer(t)], repr(t)


def test_split_sentences_examples():
    text = "Il Milan vuole Rossi. Offerta pronta!\nTitolo - Nuovo paragrafo;  E poi: Fine"
    assert [s.text for s in split_sentences(text)] == ["Il Milan vuole Rossi.", "Offerta pronta!", "Titolo",
                                                       "Nuovo paragrafo;", "E poi:", "Fine"]
