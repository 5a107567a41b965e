"""The model's attribute ruler, with its tag map read from a table.

The English pipelines set each word's part of speech and morphology from its tag with an
attribute ruler: some fifty one-word patterns ("TAG is NN: POS NOUN, Number=Sing"), then
a hundred or so exceptions (words, dependencies). spaCy runs all of them through its
Matcher and sets every match one Span at a time, which costs about a tenth of the parse.
This component does the same work in two parts: the tag map becomes a lookup from tag to
(part of speech, morphology) written back in one array call, and the exceptions stay in
a spaCy attribute ruler. The exceptions are matched on the words as they were before the
tag map ran and applied after it, as in the original, so the result is the same, word
for word (see the tests). A ruler whose patterns do not have this shape is left as it is.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

TAG_MAP_ATTRS = frozenset({"POS", "MORPH"})


def _tag_map_entry(pattern: dict[str, Any]) -> list[str] | None:
    """The tags of a one-word pattern that tests the tag alone, else None."""
    if pattern.get("index", 0) != 0 or not set(pattern["attrs"]) <= TAG_MAP_ATTRS:
        return None
    alternatives = pattern["patterns"]
    if len(alternatives) != 1 or len(alternatives[0]) != 1:
        return None
    token = alternatives[0][0]
    if set(token) != {"TAG"}:
        return None
    tag = token["TAG"]
    if isinstance(tag, str):
        return [tag]
    if isinstance(tag, dict) and set(tag) == {"IN"}:
        return list(tag["IN"])
    return None


class TagMapRuler:
    """An attribute ruler split into a tag table and spaCy's ruler for the exceptions."""

    def __init__(self, vocab: Vocab, name: str, patterns: list[dict[str, Any]]) -> None:
        self.name = name
        self.vocab = vocab
        split = 0
        while split < len(patterns) and _tag_map_entry(patterns[split]) is not None:
            split += 1
        strings, morphology = vocab.strings, vocab.morphology
        self.pos: dict[int, int] = {}
        self.morph: dict[int, int] = {}
        for pattern in patterns[:split]:  # later entries win, as in the ruler
            for tag in _tag_map_entry(pattern) or ():
                key = strings.add(tag)
                attrs = pattern["attrs"]
                if "POS" in attrs:
                    self.pos[key] = POS_IDS[attrs["POS"]]
                if "MORPH" in attrs:
                    self.morph[key] = morphology.add(attrs["MORPH"])
        self.exceptions = AttributeRuler(vocab, name=f"{name}_exceptions")
        self.exceptions.add_patterns(patterns[split:])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.exceptions.match(doc)  # on the words as the tagger left them
        if len(doc):
            rows = doc.to_array([TAG, POS, MORPH])
            pos, morph = self.pos, self.morph
            for row in rows:
                tag = int(row[0])
                row[1] = pos.get(tag, row[1])
                row[2] = morph.get(tag, row[2])
            doc.from_array([POS, MORPH], rows[:, 1:])
        self.exceptions.set_annotations(doc, matches)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def use_tag_map(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a tag-map ruler in place of the model's attribute ruler, under the same name
    and in the same place, when the ruler's patterns begin with a tag map."""
    if name not in nlp.pipe_names:
        return False
    original = nlp.get_pipe(name)
    patterns = original.patterns if type(original) is AttributeRuler else []
    if not patterns or _tag_map_entry(patterns[0]) is None:
        return False
    nlp.replace_pipe(name, "communique_tag_map", config={"patterns": patterns})
    return True


__all__ = ["TagMapRuler", "use_tag_map"]
