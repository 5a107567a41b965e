"""Which language an article is in, by lingua's detector (its models ship in the wheel).

communique codes English. An article in another language is refused with the language
named ("it reads as Spanish"), short texts included: a two-line Spanish item otherwise
comes out as junk actors and no events. The detectors are built on first use, so
commands that code nothing never load them: lingua's low-accuracy detector of all its
languages (letter trigrams; 0.25 s and about 55 MB), and for a text it takes for
another language, a high-accuracy detector of English and that language (0.25 s and
about 90 MB the first time). The high-accuracy models of all languages would take 1 GB.
"""

from __future__ import annotations

import functools
import re
from typing import Any

SAMPLE_CHARS = 600  # the front of an article tells its language (about 1 ms to judge)
MIN_LETTERS = 12  # fewer letters than this ("Xi, Putin meet") are not judged
# nor are strings of names ("Brazilian President Luiz Inacio Lula da Silva"): a sentence
# in any language of Latin script has lower-case words between its names
MIN_LOWER_WORDS = 3
# English is kept when the detector gives it at least this share, or when no other
# language clearly leads: news in English is full of foreign names, and a wrongly
# refused English article is worse than a foreign one let through.
MIN_ENGLISH_CONFIDENCE = 0.2
MIN_OTHER_CONFIDENCE = 0.5
# English words that no other language of Latin script writes as a common word of its
# own ("in", "is", "was", "a", "an", "on", "her" are Dutch, German, French or Spanish too).
# News in English has one in five of its words from this list (at least one in eight in
# the benchmark corpus); a text in another language has next to none. Where at least one
# in eight of a long enough sample is from it, the text is English and the detector is
# not asked (it costs about 1.6 ms an article, a tenth of the parse).
ENGLISH_ONLY_WORDS = frozenset({
    "the", "of", "and", "to", "that", "with", "for", "said", "were", "has", "from", "by",
    "will", "would", "their", "which", "this", "its", "been", "are", "but", "who", "after",
    "they", "his", "she", "it", "not"})
PLAINLY_ENGLISH_SHARE = 0.12
PLAINLY_ENGLISH_WORDS = 30  # a sample shorter than this is left to the detector
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def detector() -> Any:
    from lingua import LanguageDetectorBuilder

    return (LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()
            .build())


def identify(text: str) -> list[tuple[str, float]]:
    """The languages the text may be in, likeliest first, with the detector's confidence
    (0-1): [("English", 0.93), ("Tagalog", 0.04), ...]; empty when the text has too
    few letters to tell."""
    return [(_name(value.language), value.value) for value in _ranked(text)]


def _ranked(text: str) -> list[Any]:
    sample = text[:SAMPLE_CHARS]
    if len(_NOT_LETTERS.sub("", sample)) < MIN_LETTERS:
        return []
    values = detector().compute_language_confidence_values(sample)
    return [value for value in values if value.value > 0]


def _name(language: Any) -> str:
    return language.name.title()


@functools.cache
def _pair(language: Any) -> Any:
    """A high-accuracy detector choosing between English and one other language."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, language).build()


def not_english_reason(text: str) -> str | None:
    """Why the text is not English ("it reads as Spanish (89%)"), or None."""
    if plainly_english(text[:SAMPLE_CHARS]):
        return None
    ranked = _ranked(text)
    if not ranked:
        return None
    language, confidence = ranked[0].language, ranked[0].value
    if _name(language) == "English" or confidence < MIN_OTHER_CONFIDENCE:
        return None
    sample = text[:SAMPLE_CHARS]
    if _cased(sample) and _lower_words(sample) < MIN_LOWER_WORDS:
        return None
    # the letter trigrams alone mistake short English full of names for another
    # language; the leader is then weighed against English on all its n-gram models
    values = {_name(v.language): v.value
              for v in _pair(language).compute_language_confidence_values(sample)}
    if values.get("English", 0.0) >= MIN_ENGLISH_CONFIDENCE:
        return None
    return f"it reads as {_name(language)} ({values[_name(language)]:.0%} sure)"


def plainly_english(sample: str) -> bool:
    """Whether the sample is long and full of words only English writes: then it is
    English without asking the detector."""
    words = _WORD.findall(sample)
    if len(words) < PLAINLY_ENGLISH_WORDS:
        return False
    english = sum(1 for word in words if word.lower() in ENGLISH_ONLY_WORDS)
    return english >= PLAINLY_ENGLISH_SHARE * len(words)


def _cased(sample: str) -> bool:
    """Whether the text is mostly in a script with capitals (Latin, Cyrillic, Greek)."""
    letters = [c for c in sample[:500] if c.isalpha()]
    return sum(1 for c in letters if c.lower() != c.upper()) > len(letters) / 2


def _lower_words(sample: str) -> int:
    return sum(1 for word in _WORD.findall(sample) if word[0].islower())
