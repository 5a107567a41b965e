"""Checking an input record before it is coded: text, size, language, date.

Each failed check raises an `InputError` naming the record, so a batch can skip the
record, report where it came from, and go on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..errors import E004, E005, E009, E010, E011, E012, InputError

# The commonest English function words: English news runs at 35-50% of its words.
ENGLISH_WORDS = frozenset(["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "at", "was", "it", "his", "from", "he", "have", "be", "are", "has", "an", "will", "not", "this", "but", "they", "their", "who", "which", "were", "been", "after", "said", "its", "would", "also", "had", "we", "more", "than", "about", "or", "into", "over", "could", "our", "there", "should", "when", "up", "out", "against", "can", "may", "between", "under", "new", "i", "one", "two", "what", "all", "her", "she", "our", "if", "no", "some", "so", "them", "these", "those", "other", "while", "during", "because", "before"])


def _common(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The commonest words of the languages news in Latin script most often comes in besides
# English: French, Spanish, Portuguese, German, Italian, Dutch, Indonesian, Turkish.
OTHER_LANGUAGES = (
    _common("le la les de des du et un une est en que qui dans pour sur au aux par pas ne "
            "se il elle ont été avec ce cette son sa ses"),
    _common("el la los las de del y en que un una es por con para se su sus al lo como "
            "más fue ha han"),
    _common("o a os as de do da dos das e em que um uma para com por não se na no é foi "
            "ao"),
    _common("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine "
            "als auch es an wurde am"),
    _common("il la le di che e per un una del della in con non si è da al alla dei sono "
            "nel"),
    _common("de het een en van in is dat op te zijn met voor niet aan er die maar werd"),
    _common("yang dan di ke dari ini itu dengan untuk pada dalam tidak akan oleh juga "
            "adalah"),
    _common("ve bir bu da de için ile olarak daha çok gibi ama en olan sonra"),
)
MIN_WORDS_FOR_LANGUAGE = 25
MIN_ENGLISH_SHARE = 0.12
MIN_LATIN_SHARE = 0.6
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One article to code, with where it came from (file and line) for messages."""

    text: str
    id: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = "<input>"

    @property
    def where(self) -> str:
        if self.id is not None and str(self.id) not in self.origin:
            return f"{self.origin} (id {self.id})"
        return self.origin


def check_record(record: InputRecord, *, max_chars: int) -> InputRecord:
    """The record, cleaned (date normalised), or an InputError saying what is wrong."""
    where = record.where
    for name in ("id", "date", "title", "source", "url"):
        value = getattr(record, name)
        if value is not None and not isinstance(value, str):
            raise InputError(E012, where=where,
                             problem=f"the field {name!r} must be a string, not "
                             f"{type(value).__name__}")
    if not isinstance(record.text, str):
        raise InputError(E012, where=where, problem="the field 'text' must be a string")
    text = record.text
    if not text.strip():
        raise InputError(E004, where=where)
    if len(text) > max_chars:
        raise InputError(E009, where=where, size=len(text), limit=max_chars)
    reason = binary_reason(text)
    if reason:
        raise InputError(E005, where=where, reason=reason)
    reason = not_english_reason(text)
    if reason:
        raise InputError(E010, where=where, reason=reason)
    date = normalise_date(record.date, where) if record.date else None
    return replace(record, date=date)


def binary_reason(text: str) -> str | None:
    sample = text[:65536]
    if "\x00" in sample:
        return "it contains NUL bytes"
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, len(sample) // 100):
        return f"{controls} control characters in the first {len(sample):,}"
    if sample.count("\ufffd") > max(8, len(sample) // 100):
        return "many undecodable characters (U+FFFD)"
    return None


def not_english_reason(text: str) -> str | None:
    """A cheap check on the first few thousand characters; short texts pass."""
    words = _WORD.findall(text[:6000])
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    letters = "".join(words)
    latin = sum(1 for c in letters if c < "\u0250")
    if latin / len(letters) < MIN_LATIN_SHARE:
        return "most letters are not in the Latin alphabet"
    lowered = [w.lower() for w in words]
    share = sum(1 for w in lowered if w in ENGLISH_WORDS) / len(words)
    if share >= MIN_ENGLISH_SHARE:
        return None
    # a dense English headline-style sentence has few function words too ("Hong Kong
    # police arrested 15 prominent pro-democracy figures ..."): it is another language
    # only when that language's own common words outnumber English ones, or when
    # hardly any English word is there at all
    other = max(sum(1 for w in lowered if w in common) for common in OTHER_LANGUAGES)
    if other / len(words) > share or share < MIN_ENGLISH_SHARE / 2:
        return f"only {share:.0%} of its words are common English words"
    return None


_DATE_FORMATS = (re.compile(r"^(\d{4})-(\d{2})-(\d{2})"),)


def normalise_date(value: str, where: str) -> str:
    """An ISO date (YYYY-MM-DD), also taken from the front of an ISO timestamp."""
    text = value.strip()
    match = _DATE_FORMATS[0].match(text)
    if match:
        rest = text[match.end():]
        if rest == "" or rest[0] in "T ":
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                pass
    raise InputError(E011, where=where, value=value)
