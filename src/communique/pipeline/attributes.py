"""The model's attribute ruler, with its tag map read from a table.

The English pipelines set each word's part of speech and morphology from its tag with an
attribute ruler: some fifty one-word patterns ("TAG is NN: POS NOUN, Number=Sing"), then
a hundred or so exceptions (words, dependencies). spaCy runs all of them through its
Matcher and sets every match one Span at a time, which costs about a tenth of the parse.
This component does the same work in three parts: the tag map becomes a lookup from tag
to (part of speech, morphology) written back in one array call; exceptions for one word
that test only its form, tag and dependency ("you" as a subject, "'s" as a verb) are
looked up by the word; the rest (regular expressions, two-word patterns, spaces) stay in
a spaCy attribute ruler. Every exception is matched on the words as they were before any
of them was applied, and they are applied in the ruler's order, after the tag map, as in
the original, so the result is the same, word for word (see the tests). A ruler whose
patterns do not begin with a tag map is left as it is.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

TAG_MAP_ATTRS = frozenset({"POS", "MORPH"})
WORD_TESTS = frozenset({"LOWER", "TAG", "DEP"})
Test = tuple[str, frozenset[str], bool]  # attribute, values, whether the value must be in


def _word_entry(pattern: dict[str, Any]) -> tuple[list[str], list[Test]] | None:
    """For an exception of one word tested by its lower-case form (and perhaps its tag
    and dependency): the forms and the other tests, one entry per alternative; else
    None."""
    if pattern.get("index", 0) != 0:
        return None
    entries = []
    for alternative in pattern["patterns"]:
        if len(alternative) != 1 or not set(alternative[0]) <= WORD_TESTS \
                or "LOWER" not in alternative[0]:
            return None
        tests: list[Test] = []
        forms: list[str] = []
        for attr, value in alternative[0].items():
            if isinstance(value, str):
                values, inside = frozenset([value]), True
            elif isinstance(value, dict) and len(value) == 1 and (
                    set(value) <= {"IN", "NOT_IN"}):
                (how, listed), = value.items()
                values, inside = frozenset(listed), how == "IN"
            else:
                return None  # a regular expression, a number test: left to spaCy
            if attr == "LOWER":
                if not inside:
                    return None
                forms = sorted(values)
            else:
                tests.append((attr, values, inside))
        entries.append((forms, tests))
    return entries


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
        # exceptions: by the word where they can be, else in a spaCy ruler; each keeps
        # its place in the ruler's order
        self.words: dict[str, list[tuple[int, list[Test], dict]]] = {}
        others: list[dict[str, Any]] = []
        self.other_order: list[int] = []
        for order, pattern in enumerate(patterns[split:], start=split):
            entries = _word_entry(pattern)
            if entries is None:
                others.append(pattern)
                self.other_order.append(order)
                continue
            attrs = normalize_token_attrs(vocab, pattern["attrs"])
            for forms, tests in entries:
                for form in forms:
                    self.words.setdefault(form, []).append((order, tests, attrs))
        self.exceptions = AttributeRuler(vocab, name=f"{name}_exceptions")
        self.exceptions.add_patterns(others)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        matches = self._exceptions(doc)  # on the words as the tagger left them
        rows = doc.to_array([TAG, POS, MORPH])
        pos, morph = self.pos, self.morph
        for row in rows:
            tag = int(row[0])
            row[1] = pos.get(tag, row[1])
            row[2] = morph.get(tag, row[2])
        doc.from_array([POS, MORPH], rows[:, 1:])
        for _, _, token, attrs in sorted(matches, key=lambda m: (m[0], m[1])):
            set_token_attrs(token, attrs)
        return doc

    def _exceptions(self, doc: Doc) -> list[tuple[int, int, Any, dict]]:
        """(order in the ruler, position, token, attributes) of every exception that
        applies, found before any is applied."""
        found = []
        words = self.words
        strings = self.vocab.strings
        rows = doc.to_array([LOWER, TAG, DEP]).tolist()
        for i, (lower, tag, dep) in enumerate(rows):
            entries = words.get(strings[lower])
            if not entries:
                continue
            values = {"TAG": strings[tag] if tag else "", "DEP": strings[dep] if dep else ""}
            for order, tests, attrs in entries:
                if all((values[attr] in allowed) == inside for attr, allowed, inside in tests):
                    found.append((order, i, doc[i], attrs))
        ruler = self.exceptions
        for attr_id, _, start, end in ruler.match(doc):
            token = Span(doc, start, end)[ruler.indices[attr_id]]
            found.append((self.other_order[attr_id], start, token, ruler.attrs[attr_id]))
        return found

    # No `pipe` method: spaCy then calls the ruler one Doc at a time through the
    # pipeline's error handler, so a fault on one article skips that article only.


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
