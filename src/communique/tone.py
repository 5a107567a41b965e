"""An article's tone: how positive or negative its words are, on GDELT's scale.

GDELT gives every article an AvgTone; communique gives the same kind of number, measured
with VADER (the `vaderSentiment` package: a lexicon of about 7,500 English words and
emoticons, each rated by people from -4 to +4, with rules for negation, intensifiers,
"but" and capitals). VADER is the field's standard lexicon scorer for news and social
text, it is maintained on PyPI under the MIT licence, and its lexicon ships inside the
package: nothing is downloaded, no model is loaded, the same text always scores the same.

How the number is made (docs/record.md):
- each sentence gets VADER's compound score, -1 (all negative) to +1 (all positive);
  VADER is built and validated on sentences, and its compound score of a long text
  saturates near -1 or +1, so an article is scored sentence by sentence;
- the article's tone is the mean over its sentences, neutral ones included (as GDELT
  counts every word, a sentence of plain facts makes an article less charged), times 10:
  -10 to +10, the range where GDELT's AvgTone (percentage of positive words minus
  percentage of negative words, in principle -100 to +100) nearly always falls;
- a text with no sentence of words has no tone (None).

`vaderSentiment` is imported on first use, so commands that never code text (the store
commands) do not load it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import metadata
from typing import Any

SCALE = 10.0  # compound scores run -1..+1; the tone -10..+10
DIGITS = 3


@functools.cache
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.cache
def method() -> str:
    """What the tone is measured with, as a record gives it: "vader-3.3.2"."""
    try:
        return f"vader-{metadata.version('vaderSentiment')}"
    except metadata.PackageNotFoundError:  # run from a source tree without its metadata
        return "vader"


def sentence_score(sentence: str) -> float:
    """VADER's compound score of one sentence, -1..+1."""
    return float(_analyzer().polarity_scores(sentence)["compound"])


def tone(sentences: Iterable[str]) -> float | None:
    """The tone of a text given as its sentences: the mean compound score times 10,
    -10..+10, rounded to three decimals; None when no sentence has a word."""
    scores = [sentence_score(s) for s in sentences if any(c.isalnum() for c in s)]
    if not scores:
        return None
    return round(SCALE * sum(scores) / len(scores), DIGITS)
