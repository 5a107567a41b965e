"""A Doc's text read once: the stages and the record all need it."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined from its tokens once and kept on the Doc: spaCy builds
    `Doc.text` anew on every read, which costs a walk over every token each time."""
    text = doc.user_data.get("communique_text")
    if text is None:
        text = doc.text
        doc.user_data["communique_text"] = text
    return text
