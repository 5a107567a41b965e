"""A Doc's text read once: the stages and the record all need it; and the tokens with
one value of an attribute, found without making a Token for every word."""

from __future__ import annotations

import numpy
from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined from its tokens once and kept on the Doc: spaCy builds
    `Doc.text` anew on every read, which costs a walk over every token each time."""
    text = doc.user_data.get("communique_text")
    if text is None:
        text = doc.text
        doc.user_data["communique_text"] = text
    return text


def indices_where(doc: Doc, attr: int, *values: int) -> list[int]:
    """The indices of the Doc's tokens whose attribute (a spaCy attribute id such as
    `LOWER` or `POS`) has one of the values (a string's hash, a part of speech's id), in
    order, read from one array: a pass that makes a Token for every word, to look at one
    in ten, costs more than the work done on that one."""
    if not len(doc):
        return []
    column = doc.to_array(attr)
    hits = column == values[0] if len(values) == 1 else numpy.isin(column, values)
    return numpy.flatnonzero(hits).tolist()
