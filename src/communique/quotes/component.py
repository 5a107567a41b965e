"""The `communique_quotes` pipeline component: quoted passages and who said them.

Runs after the actors stage and before the events stage: inside a quote, "I" and "we"
are the speaker and "you" is whom the speaker addresses, and the events stage needs to
know that ("I would like to assure you of firm support").
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..tables import Knowledge
from .marks import Passage, find_passages

CUE_EXTRA = frozenset({"according"})
PARTIAL_WORDS = 4  # a fragment shorter than this inside a sentence is a scare quote


class QuoteTagger:
    """Writes `doc._.communique_quotes` and resolves first-person pronouns in quotes."""

    def __init__(self, nlp: Language, name: str, knowledge: Knowledge) -> None:
        self.name = name
        self.speech_verbs = knowledge.grammar.speech_verbs | {"tell", "add", "insist", "ask"}

    def __call__(self, doc: Doc) -> Doc:
        quotes = self.match(doc)
        self.set_annotations(doc, quotes)
        return doc

    def match(self, doc: Doc) -> list[dict]:
        text = doc.text
        starts = [t.idx for t in doc]
        mentions = doc._.communique_mentions or []
        mention_at = {}
        for index, mention in enumerate(mentions):
            for i in range(mention["start"], mention["end"]):
                mention_at[i] = index
        quotes: list[dict] = []
        previous_speaker: tuple[str | None, str | None] | None = None
        previous_end = -1
        for passage in find_passages(text):
            first = _token_at(doc, starts, passage.start)
            last = _token_at(doc, starts, max(passage.start, passage.end - 1))
            if first is None or last is None:
                continue
            inside = range(first.i, last.i + 1)
            cue, speaker_token = self.cue(doc, first, last, inside)
            speaker = self.speaker(doc, speaker_token, mention_at, mentions)
            continued = len(passage.pieces) > 1 or (
                previous_speaker is not None and _adjacent(text, previous_end, passage.start))
            if speaker == (None, None) and continued and previous_speaker is not None:
                speaker = previous_speaker
            kind = self.kind(doc, first, last, passage, cue)
            quote_text = " ".join(text[s:e].strip() for s, e in passage.pieces)
            quotes.append({
                "text": quote_text, "start": passage.start, "end": passage.end,
                "kind": kind, "cue": cue.text if cue is not None else None,
                "speaker": {"actor": speaker[0], "name": speaker[1]}
                if speaker != (None, None) else None,
                "tokens": [first.i, last.i + 1],
            })
            if kind == "direct":
                previous_speaker, previous_end = speaker, passage.end
        return quotes

    def cue(self, doc: Doc, first: Token, last: Token, inside: range
            ) -> tuple[Token | None, Token | None]:
        """The verb of saying that attributes the passage, and the word naming the speaker."""
        sentences = {first.sent.start: first.sent, last.sent.start: last.sent}
        candidates: list[Token] = []
        for sent in sentences.values():
            for token in sent:
                if token.i in inside:
                    continue
                lemma = token.lemma_.lower()
                if (token.pos_ in {"VERB", "AUX"} and lemma in self.speech_verbs) or (lemma in CUE_EXTRA and token.nbor(1).lower_ == "to" \
                        if token.i + 1 < len(doc) else False):
                    candidates.append(token)
        if not candidates:
            before = first.i - 2
            if (before >= 0 and doc[first.i - 1].text == ":") or (
                    before >= 0 and doc[first.i - 1].is_quote and doc[before].text == ":"):
                sent = doc[max(before, 0)].sent
                candidates = [t for t in sent if t.lemma_.lower() in self.speech_verbs]
        if not candidates:
            return None, None
        cue = min(candidates, key=lambda t: min(abs(t.i - first.i), abs(t.i - last.i)))
        if cue.lemma_.lower() == "according":
            for obj in cue.subtree:
                if obj.dep_ == "pobj":
                    return cue, obj
            return cue, None
        for child in cue.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return cue, child
        head = cue
        while head.dep_ in {"conj", "advcl", "xcomp"} and head.head.i != head.i:
            head = head.head
            for child in head.children:
                if child.dep_ == "nsubj":
                    return cue, child
        return cue, None

    @staticmethod
    def speaker(doc: Doc, token: Token | None, mention_at: dict[int, int],
                mentions: list[dict]) -> tuple[str | None, str | None]:
        if token is None:
            return None, None
        index = mention_at.get(token.i)
        if index is None:
            span = doc[token.left_edge.i:token.right_edge.i + 1]
            return None, span.text
        mention = mentions[index]
        actor_id = mention.get("actor")
        actors = {a["id"]: a for a in doc._.communique_actors or []}
        if actor_id in actors:
            return actor_id, actors[actor_id]["name"]
        return None, mention["name"]

    @staticmethod
    def kind(doc: Doc, first: Token, last: Token, passage: Passage, cue: Token | None) -> str:
        before = doc[first.i - 2] if first.i >= 2 else None
        opener = doc[first.i - 1] if first.i >= 1 else None
        words = [t for t in doc[first.i:last.i + 1] if not t.is_punct]
        at_start = opener is None or before is None or opener.is_sent_start or \
            before.text in {":", ",", "\n"} or before.is_space or \
            (before.lower_ == "that" and cue is not None) or first.is_sent_start
        has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
        if len(passage.pieces) > 1 or (at_start and has_verb and len(words) >= PARTIAL_WORDS):
            return "direct"
        return "partial"

    @staticmethod
    def set_annotations(doc: Doc, quotes: list[dict]) -> None:
        doc._.communique_quotes = quotes
        resolve_quoted_pronouns(doc, quotes)


def resolve_quoted_pronouns(doc: Doc, quotes: list[dict]) -> None:
    """Inside a quote, 'I', 'we' and 'my' are the speaker; 'you' is the one addressed,
    read as the speaker's most recent counterpart from another country."""
    mentions = doc._.communique_mentions or []
    actors = {a["id"]: a for a in doc._.communique_actors or []}
    if not mentions or not quotes:
        return
    firsts = [m["start"] for m in mentions]
    for quote in quotes:
        speaker = (quote.get("speaker") or {}).get("actor")
        if speaker is None or speaker not in actors or quote["kind"] != "direct":
            continue
        start, end = quote["tokens"]
        addressee = _addressee(doc, mentions, actors, speaker, start)
        for index in range(bisect_right(firsts, start - 1), len(mentions)):
            mention = mentions[index]
            if mention["start"] >= end:
                break
            if mention["kind"] != "pronoun" or mention.get("actor"):
                continue
            if mention["pronoun"] == "speaker" and doc[mention["head"]].lower_ in {
                    "i", "me", "my", "we", "us"}:
                _attach(doc, mention, actors[speaker])
            elif mention["pronoun"] == "addressee" and addressee is not None:
                _attach(doc, mention, actors[addressee])


def _addressee(doc: Doc, mentions: list[dict], actors: dict[str, dict], speaker: str,
               before: int) -> str | None:
    country = actors[speaker]["country"]
    best = None
    for mention in mentions:
        if mention["start"] >= before:
            break
        actor_id = mention.get("actor")
        actor = actors.get(actor_id)
        if actor is None or actor_id == speaker or actor["kind"] != "person":
            continue
        if actor["country"] and actor["country"] != country and actor["sector"] in {"GOV", None}:
            best = actor_id
    return best


def _attach(doc: Doc, mention: dict, actor: dict) -> None:
    mention["actor"] = actor["id"]
    span = doc[mention["start"]:mention["end"]]
    actor["mentions"].append({"start": span.start_char, "end": span.end_char,
                              "text": span.text})
    actor["mentions"].sort(key=lambda m: m["start"])


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    index = bisect_right(starts, char) - 1
    if index < 0:
        return None
    token = doc[index]
    if token.is_quote and index + 1 < len(doc) and token.idx + len(token.text) <= char:
        return doc[index + 1]
    return token


def _adjacent(text: str, previous_end: int, start: int) -> bool:
    if previous_end < 0:
        return False
    between = text[previous_end:start]
    return len(between) < 6 and "\n" in between


__all__ = ["QuoteTagger", "Span"]
