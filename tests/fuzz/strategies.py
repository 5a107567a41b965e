"""What hostile input looks like: any string a Python str can hold, any bytes, broken JSON."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# characters that have broken text pipelines: lone surrogates, controls, bidi marks and
# isolates, zero-width characters, soft hyphens, combining marks, odd spaces, BOMs
NASTY = ["\ud800", "\udfff", "\ud83d", "\x00", "\x01", "\x1b", "\x7f", "\u200b", "\u200d",
         "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\u00ad", "\u0301", "\u0338",
         "\u00a0", "\u2028", "\ufeff", "\ufffd", "\U0001f600", "\U000e0041", "\r", "\n",
         "\t", '"', "\\", "{", "}"]
ENGLISH = ["Russia", "praised", "China", " ", "on", "Monday", ".", "President", "Putin",
           "met", "Xi", "in", "Beijing", "and", "the", "army", "shelled", "Kharkiv", ","]

any_char = st.one_of(st.characters(), st.sampled_from(NASTY))
hostile_text = st.one_of(
    st.text(any_char, max_size=200),
    st.lists(st.one_of(st.sampled_from(ENGLISH), st.sampled_from(NASTY)), max_size=60)
    .map("".join),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "\u0301", " ", ".", "\u200b", "Xi "]),
              st.integers(100, 3000)),
)
json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              hostile_text),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6)
record_mapping = st.fixed_dictionaries(
    {}, optional={"id": st.one_of(st.text(any_char, max_size=12), st.integers(), json_value),
                  "text": st.one_of(hostile_text, json_value),
                  "date": st.one_of(st.text(any_char, max_size=12), st.sampled_from(
                      ["2026-02-04", "2026-02-30", "2026-02-04T10:00:00Z", "0000-00-00"]),
                      json_value),
                  "title": st.one_of(hostile_text, json_value), "url": json_value})


def jsonl_line(value) -> bytes:
    """A JSON line as a scraper may write it: surrogates escaped, as JSON allows."""
    return json.dumps(value).encode("ascii") + b"\n"


jsonl_lines = st.lists(st.one_of(record_mapping.map(jsonl_line), st.binary(max_size=60)
                                 .map(lambda b: b.replace(b"\n", b" ") + b"\n")),
                       min_size=1, max_size=8)
