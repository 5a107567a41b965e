"""A view of a parsed article for the quotes stage: tokens by offset, sentences,
paragraphs, the mention on each token and the subject a verb of saying has.

Everything here is computed once per article, so that attributing each quote looks
things up instead of walking the article again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..tables import vocabulary as shared_words
from .marks import normalise, paragraphs
from .offices import office_holder
from .vocabulary import Vocabulary

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A verb that hangs off another takes its subject from it: "and said", "adding that".
SHARES_SUBJECT = frozenset({"conj", "advcl", "xcomp", "pcomp", "acl"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "mine", "ours", "myself",
                              "ourselves"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})
NOUN_CUE_PREPS = frozenset({"from", "by", "of"})
HONORIFICS = shared_words.words("honorifics")


@dataclass(slots=True)
class Speaker:
    actor: str | None
    name: str | None
    token: int | None = None  # the word that names the speaker

    def plain(self) -> dict | None:
        if self.actor is None and not self.name:
            return None
        return {"actor": self.actor, "name": self.name}


def _name_words(name: str) -> set[str]:
    """The words of a name, and the parts of hyphenated ones ("al-Sudani": "sudani")."""
    words = set(name.lower().split())
    return words | {part for word in words for part in word.split("-") if len(part) > 2}


class Reading:
    """One article, ready for looking up who said what."""

    def __init__(self, doc: Doc, vocabulary: Vocabulary, *,
                 titles: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.titles = titles  # the last words of roles of persons: "minister", "senator"
        # built from the tokens on each call: read it once; ``...'' as curly marks
        self.text = normalise(doc_text(doc))
        self.vocabulary = vocabulary
        # whole columns at once: making a Token object per word would cost more than all
        # the rest of the stage on a long article
        columns = doc.to_array([IDX, SENT_START, LEMMA, LOWER]).astype(numpy.int64)
        self.starts: list[int] = columns[:, 0].tolist()
        opens = columns[:, 1] == 1
        if len(doc):
            opens[0] = True
        self.sent_starts: list[int] = numpy.flatnonzero(opens).tolist()
        self.sent_of: list[int] = (numpy.cumsum(opens) - 1).tolist()
        self._lemmas = columns[:, 2]
        self._lowers = columns[:, 3]
        self._candidates: list[int] | None = None
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.mentions: list[dict] = doc._.communique_mentions or []
        self.actors: dict[str, dict] = {a["id"]: a for a in doc._.communique_actors or []}
        self.mention_at: dict[int, int] = {}
        for index, mention in enumerate(self.mentions):
            for i in range(mention["start"], mention["end"]):
                self.mention_at.setdefault(i, index)
        self.quoted = [False] * len(doc)  # tokens inside quote marks
        self.direct = [False] * len(doc)  # tokens inside direct quotes
        self.mention_starts = [m["start"] for m in self.mentions]  # in text order
        self.named_at: dict[str, list[int]] = {}  # actor id -> first tokens of its mentions
        for mention in self.mentions:
            if mention.get("actor") and mention["kind"] != "pronoun":
                self.named_at.setdefault(mention["actor"], []).append(mention["start"])

    def reporting_candidates(self) -> list[int]:
        """Tokens whose lemma is a reporting verb, and every "according": the only ones
        the search for indirect quotes need look at."""
        if self._candidates is None:
            self._candidates = self._find_candidates()
        return self._candidates

    def _find_candidates(self) -> list[int]:
        strings = self.doc.vocab.strings
        lemmas = numpy.array([strings[w] for w in self.vocabulary.reporting],
                             dtype=numpy.uint64).astype(numpy.int64)
        according = numpy.array([strings["according"]], dtype=numpy.uint64).astype(numpy.int64)
        found = numpy.isin(self._lemmas, lemmas) | numpy.isin(self._lowers, according)
        return numpy.flatnonzero(found).tolist()

    # -- where things are --------------------------------------------------------------
    def token_at(self, char: int) -> int:
        """Index of the token holding (or first after) a character offset."""
        index = max(bisect_right(self.starts, char) - 1, 0)
        token = self.doc[index]
        if token.idx + len(token.text) <= char and index + 1 < len(self.doc):
            index += 1
        return index

    def token_after(self, char: int) -> int:
        """Index of the first token starting at or after a character offset (after a
        closing mark of two characters, the token after it)."""
        index = self.token_at(char)
        while index + 1 < len(self.doc) and self.doc[index].idx < char:
            index += 1
        return index

    def paragraph_of(self, char: int) -> int:
        return max(bisect_right(self.paragraph_starts, char) - 1, 0)

    def sentence_span(self, i: int) -> tuple[int, int]:
        number = self.sent_of[i]
        end = self.sent_starts[number + 1] if number + 1 < len(self.sent_starts) \
            else len(self.doc)
        return self.sent_starts[number], end

    # -- words of saying ---------------------------------------------------------------
    def is_cue_word(self, token: Token, *, manner: bool = True, naming: bool = False
                    ) -> bool:
        """A verb of saying: reporting ("said"), of manner ("laughed", when asked) or of
        naming ("called", when asked); a phrasal one only with its particle."""
        if token.pos_ not in {"VERB", "AUX"} or token.dep_ == "amod":
            return False
        if token.i >= 2 and token.nbor(-1).text == "-":
            return False  # "so-called", "well-said"
        lemma = token.lemma_.lower()
        vocabulary = self.vocabulary
        if not (lemma in vocabulary.reporting or (manner and lemma in vocabulary.manner)
                or (naming and (lemma in vocabulary.naming or lemma in vocabulary.name_giving))):
            return False
        particle = vocabulary.particles.get(lemma)
        return particle is None or any(c.dep_ == "prt" and c.lower_ == particle
                                       for c in token.children)

    def is_cue(self, token: Token, *, manner: bool = True, naming: bool = False) -> bool:
        """A verb of saying outside quote marks."""
        return not self.quoted[token.i] and self.is_cue_word(token, manner=manner,
                                                               naming=naming)

    def is_reporting(self, token: Token) -> bool:
        """A verb that reports a clause: "said (that) ...", "warned that ..."."""
        return self.is_cue_word(token, manner=False)

    def is_noun_cue(self, token: Token) -> bool:
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.vocabulary.nouns

    @staticmethod
    def according_to(token: Token) -> Token | None:
        """The object of "according to", if the token is "according"."""
        if token.lower_ != "according" or token.i + 1 >= len(token.doc):
            return None
        to = token.doc[token.i + 1]
        if to.lower_ != "to":
            return None
        return next((c for c in to.children if c.dep_ == "pobj"), None)

    # -- who -----------------------------------------------------------------------------
    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb of saying, taken from the verb it hangs off if it has none:
        "X thanked Canada and said", "X said ..., adding that". Never a word inside the
        quote or in another paragraph (the parser sometimes reaches over both)."""
        token = verb
        paragraph = self.paragraph_of(verb.idx)
        for _ in range(6):
            subjects = [c for c in token.children if c.dep_ in SUBJECTS and not self.quoted[c.i]
                        and self.paragraph_of(c.idx) == paragraph]
            if subjects:
                subject = next((c for c in subjects if c.i in self.mention_at or any(
                    g.dep_ == "appos" for g in c.children)), subjects[-1])
                if subject.lower_ in RELATIVE and token.dep_ == "relcl":
                    return token.head
                return subject
            if any(c.dep_ in SUBJECTS and self.paragraph_of(c.idx) != paragraph
                   for c in token.children):
                # the parser ran a headline into the sentence and took its subject from
                # there: the person named first in the verb's own paragraph, before it
                found = self._first_person_before(verb, paragraph)
                if found is not None:
                    return found
            if token.dep_ not in SHARES_SUBJECT or token.head.i == token.i:
                return self._left_neighbour(verb)
            if token.dep_ == "advcl" and token.tag_ == "VBG" and token.i < token.head.i:
                # "Noting that ..., President Xi said ..., a report said": an opening
                # participle belongs to the first clause after it, wherever it hangs
                following = self._first_subject(token.right_edge.i + 1, token.head.i)
                if following is not None:
                    return following
            token = token.head
            if token.dep_ == "prep" and token.head.i != token.i:
                token = token.head  # "was quoted as saying": the one quoted
            if token.dep_ == "ccomp" and verb.tag_ == "VBG" and self.is_reporting(token.head):
                # "said the cases had fallen, adding that ...": the parser hangs "adding"
                # on the reported clause; the one adding is the one who said it
                token = token.head
        return None

    def _first_person_before(self, verb: Token, paragraph: int) -> Token | None:
        start = self.paragraphs[paragraph][0]
        for index in range(bisect_left(self.mention_starts, verb.i) - 1, -1, -1):
            mention = self.mentions[index]
            if self.doc[mention["start"]].idx < start:
                break
        else:
            index = -1
        for mention in self.mentions[index + 1:]:
            if mention["start"] >= verb.i:
                break
            if self._person_at(mention["head"]) and not self.quoted[mention["head"]]:
                return self.doc[mention["head"]]
        return None

    def _first_subject(self, start: int, end: int) -> Token | None:
        for i in range(start, end):
            token = self.doc[i]
            if token.dep_ in SUBJECTS and not self.quoted[i] and token.head.i <= end:
                return token
        return None

    def _left_neighbour(self, verb: Token) -> Token | None:
        """A name right before a verb of saying is its subject, even where the parser,
        misled by a line break or an abbreviation, hung it elsewhere ("... on X.\nThe
        African Union said")."""
        if verb.i == 0:
            return None
        left = verb.nbor(-1)
        while left.i > 0 and left.dep_ in {"aux", "neg"} and left.head.i == verb.i:
            left = left.nbor(-1)  # "Lord Cameron, has said"
        if left.text == "," and left.i > 0 and left.nbor(-1).dep_ == "appos":
            # "the foreign secretary, Lord Cameron, has said": the parser hangs the name
            # on the words before it
            left = left.nbor(-1)
        paragraph = self.paragraph_of(verb.idx)
        misread = self.paragraph_of(left.head.idx) != paragraph  # hung over a line break
        if left.pos_ in {"NOUN", "PROPN"} and not self.quoted[left.i] and \
                left.i in self.mention_at and \
                (left.dep_ not in {"dobj", "dative", "pobj"} or misread) and \
                self.paragraph_of(left.idx) == paragraph:
            return left
        return None

    def inverted_subject(self, verb: Token, end: int) -> Token | None:
        """'..., said Marta Gomez': the speaker named after the verb, before `end`."""
        for child in verb.rights:
            if child.i >= end:
                break
            if child.dep_ in {"dobj", "attr", "npadvmod", "appos", "oprd", "nsubj"} and \
                    child.pos_ in {"PROPN", "NOUN", "PRON"}:
                return child
        for i in range(verb.i + 1, min(end, verb.i + 6)):
            if i in self.mention_at:
                return self.doc[self.mentions[self.mention_at[i]]["head"]]
        return None

    def noun_cue_speaker(self, noun: Token) -> Token | None:
        """'the message from X', 'X's remarks', 'with those words, X ...'."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in NOUN_CUE_PREPS:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        if noun.dep_ in {"pobj", "dobj"}:
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            if verb.pos_ in {"VERB", "AUX"}:
                return self.subject_of(verb)
        if noun.dep_ in {"nsubj", "nsubjpass"}:
            # "The words came from X", "the remarks were made by X"
            for prep in noun.head.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in NOUN_CUE_PREPS:
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
        return None

    def speaker(self, token: Token | None, fallback: Speaker | None = None) -> Speaker | None:
        """The actor a word names, else the words themselves. For "he" or "she", see
        `pronoun_speaker`; `fallback` is the last speaker, for a pronoun with no actor.
        A bare title ("the minister", or "he" for one) is the person it titles."""
        found = self._speaker(token, fallback)
        if found is None or token is None:
            return found
        return self.titled_person(found, token.i) or self.fuller_name(found)

    def fuller_name(self, speaker: Speaker) -> Speaker:
        """The person named in full for a speaker known by one word of the name: "Mr.
        Li" is Li Qiang, "Sudani" Mohammed Shia al-Sudani, an actor "Plas" Caroline van
        der Plas, where the article names one such person only."""
        name = speaker.name or ""
        actor = self.actors.get(speaker.actor) if speaker.actor else None
        if actor is not None and actor["kind"] != "person":
            return speaker
        # "Kenya's Ruto" of a headline is Ruto: a possessive before a name is no part of it
        words = [w for w in name.lower().replace("\u2019", "'").split()
                 if w not in HONORIFICS and not w.endswith("'s")]
        if len(words) != 1 or not name[:1].isupper():
            return speaker
        fuller: dict[str, str] = {}  # actor id -> the name in full
        for other in self.actors.values():
            if other["kind"] == "person" and other["id"] != speaker.actor and \
                    len(other["name"].split()) > 1 and words[0] in _name_words(other["name"]):
                fuller[other["id"]] = other["name"]
        for mention in self.mentions:
            # the actors stage may have named the person otherwise ("Li Qiang" is a
            # mention of an actor it named from a headline)
            other = mention.get("actor")
            if other in self.actors and other != speaker.actor and other not in fuller and \
                    "person" in {self.actors[other]["kind"], mention["kind"]}:
                name = self._proper_name(mention)
                if name and len(name.split()) > 1 and words[0] in _name_words(name):
                    fuller[other] = name
        if not fuller:
            # a name the actors stage made no person of ("Kemi Badenoch, the Conservative
            # leader"): capitalised names before the word, where the text has one only
            names = {name for name in map(self._name_ending,
                                                 (t.i for t in self.doc if t.lower_ == words[0]))
                     if name}
            if len(names) == 1:
                return Speaker(speaker.actor, names.pop(), speaker.token)
        if len(fuller) != 1:
            return speaker
        [(actor_id, full)] = fuller.items()
        return Speaker(actor_id, full, speaker.token)

    def _name_ending(self, i: int) -> str | None:
        """"Kemi Badenoch" for the "Badenoch" at `i`: the capitalised words before it that
        are no title (at most three), outside quotes."""
        doc = self.doc
        if self.quoted[i] or doc[i].pos_ != "PROPN":
            return None
        start = i
        while start > 0 and i - start < 3:
            token = doc[start - 1]
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or \
                    token.lower_ in self.titles or token.lower_ in HONORIFICS or \
                    self.quoted[token.i] or token.is_upper:
                break
            start -= 1
        return doc[start:i + 1].text if start < i else None

    def _proper_name(self, mention: dict) -> str:
        """The last run of capitalised words of a mention that are no title: "Li Qiang"
        of "China's premier, Li Qiang"."""
        run: list[str] = []
        best: list[str] = []
        for token in self.doc[mention["start"]:mention["end"]]:
            if token.text[:1].isupper() and token.lower_ not in self.titles and \
                    token.lower_ not in HONORIFICS and token.pos_ == "PROPN":
                run.append(token.text)
            else:
                best, run = (run or best), []
        return " ".join(run or best)

    def titled_person(self, speaker: Speaker, at: int) -> Speaker | None:
        """The named person a bare title stands for: "the minister said" after "Foreign
        Minister Hossein Karimi", "the interior minister, Kithure Kindiki" or "Ihor Terekhov
        has been mayor of Kharkiv"; the nearest such person before `at`, else (where no
        one was given the title before) the first one after it; where the article gives
        no one the title, the person who held the office on its date (`offices`)."""
        actor = self.actors.get(speaker.actor) if speaker.actor else None
        named = actor["name"] if actor else speaker.name
        title = self._bare_title(named)
        if title is None:
            return None
        before = bisect_left(self.mention_starts, at)
        for index in range(before - 1, -1, -1):
            found = self._titled_speaker(self.mentions[index], title, speaker)
            if found is not None:
                return found
        name = self._titled_name(title, at)
        if name:
            return Speaker(speaker.actor, name, speaker.token)
        # no one given the title before: a headline or a lead names the person later
        # ("Indonesia's president says ..." before "President Prabowo Subianto said")
        for mention in self.mentions[before:]:
            found = self._titled_speaker(mention, title, speaker)
            if found is not None:
                return found
        # no one given the title at all: whoever held the office that day
        return office_holder(self, Speaker(speaker.actor, named, speaker.token), title)

    def _titled_speaker(self, mention: dict, title: str, speaker: Speaker
                        ) -> Speaker | None:
        other = self.actors.get(mention.get("actor"))
        if other is None or other["id"] == speaker.actor or other["kind"] != "person" or \
                mention["kind"] == "pronoun" or self.quoted[mention["start"]] or \
                self._bare_title(other["name"]) is not None or not self._titled(mention, title):
            return None
        return Speaker(other["id"], other["name"], speaker.token)

    def _titled_name(self, title: str, at: int) -> str | None:
        """A name the text gives a title before `at` where the actors stage made no
        person of it: "Governor Abba Yusuf", "the rural affairs minister, Huw Price"."""
        doc = self.doc
        for i in range(min(at, len(doc) - 1), -1, -1):
            token = doc[i]
            if self.quoted[i] or token.lemma_.lower() != title or (token.pos_ == "PROPN" \
                    and token.text.lower() != title) or self._in_headline(token.idx):
                continue
            j = i + 1
            if j < len(doc) and doc[j].text == ",":
                j += 1
            k = j
            while k < len(doc) and k - j < 4 and doc[k].pos_ == "PROPN" and \
                    doc[k].text[:1].isupper() and doc[k].lower_ not in self.titles:
                k += 1
            if k - j >= 2:
                return doc[j:k].text
        return None

    def _bare_title(self, name: str | None) -> str | None:
        """The title word of a name made only of a role ("minister", "rural affairs
        minister", "Venezuela's oil minister"), else None."""
        if not name:
            return None
        words = name.replace("\u2019", "'").split()
        last = words[-1].lower()
        if last not in self.titles:
            return None
        for word in words[:-1]:
            if word[:1].isupper() and not word.endswith("'s") and word.lower() != "the":
                return None
        return last

    def _in_headline(self, char: int) -> bool:
        """In a short paragraph whose words are capitalised: a headline."""
        start, end = self.paragraphs[self.paragraph_of(char)]
        words = [w for w in self.text[start:end].split() if w[:1].isalpha()]
        return 0 < len(words) <= 14 and \
            sum(w[:1].isupper() for w in words) >= 0.7 * len(words)

    def _titled(self, mention: dict, title: str) -> bool:
        """The title stands by the mention: before it ("Governor Abba Yusuf", "the
        interior minister, Kithure Kindiki"), after it (", the minister") or as what the
        person is ("Ihor Terekhov has been mayor")."""
        doc = self.doc
        start, end = mention["start"], mention["end"]
        sentence_start, sentence_end = self.sentence_span(start)
        if any(t.lower_ == title or t.lemma_.lower() == title
               for t in doc[start:end]):
            return True
        for i in range(start - 1, max(sentence_start, start - 7) - 1, -1):
            token = doc[i]
            if token.pos_ in {"VERB", "AUX"} or (token.is_punct and token.text != ","):
                break
            if token.lower_ == title or token.lemma_.lower() == title:
                return True
        if end < sentence_end and doc[end].text == ",":
            for i in range(end + 1, min(sentence_end, end + 7)):
                token = doc[i]
                if token.pos_ in {"VERB", "AUX"} or token.is_punct:
                    break
                if token.lower_ == title or token.lemma_.lower() == title:
                    return True
        head = doc[mention["head"]]
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            return any(c.dep_ == "attr" and c.lemma_.lower() == title
                       for c in head.head.children)
        return False

    def _speaker(self, token: Token | None, fallback: Speaker | None = None
                 ) -> Speaker | None:
        if token is None:
            return None
        if token.pos_ == "PRON":
            return self.pronoun_speaker(token, fallback)
        for child in token.children:
            # "the ELN's commander, Pablo Beltran": the person, not the role
            if child.dep_ == "appos" and self._person_at(child.i):
                return self._from_mention(self.mention_at[child.i], child)
            if child.dep_ == "appos" and child.pos_ == "PROPN" and \
                    child.i not in self.mention_at and child.ent_type_ == "PERSON":
                # "A spokeswoman for Ford, Jessica Enoch": a name the actors stage missed
                index = self.mention_at.get(token.i)
                actor = self.mentions[index].get("actor") if index is not None else None
                return Speaker(actor, self.doc[child.left_edge.i:child.i + 1].text, child.i)
        index = self.mention_at.get(token.i)
        if index is not None:
            mention = self.mentions[index]
            if mention["kind"] in {"country", "capital", "place"} or (
                    mention["kind"] == "organization" and token.is_lower):
                # "Greenpeace Poland": the organisation, not the country it works in;
                # "the Likud party": the party named, not the bare noun
                for child in token.lefts:
                    other = self.mention_at.get(child.i)
                    if child.dep_ == "compound" and other is not None and \
                            self.mentions[other]["kind"] == "organization":
                        return self._from_mention(other, child)
            found = self._from_mention(index, token)
            if found is not None:
                return found
        return Speaker(None, self.phrase(token), token.i)

    def pronoun_speaker(self, token: Token, fallback: Speaker | None) -> Speaker | None:
        """Who "he said" is. Journalists name a speaker in the sentence before the quote
        ("Moussa Kane agreed. “...,” he said."), so a person who is the subject there comes
        first; then the actors stage's reading, unless the actor it chose is only named
        inside quotes; then the last person named in the paragraph; then the last speaker."""
        personal = token.lower_ in {"he", "she"}
        if personal:
            before = self.previous_subject(token)
            if before is not None:
                return before
        index = self.mention_at.get(token.i)
        actor_id = self.mentions[index].get("actor") if index is not None else None
        if actor_id in self.actors and any(
                i < token.i and not self.quoted[i] for i in self.named_at.get(actor_id, ())):
            return Speaker(actor_id, self.actors[actor_id]["name"], token.i)
        if not personal:
            return None
        nearest = self.last_person(token)
        if nearest is not None:
            return nearest
        return Speaker(fallback.actor, fallback.name, token.i) if fallback else None

    def previous_subject(self, token: Token) -> Speaker | None:
        """The person who is the subject of the sentence before, in the same paragraph,
        when that sentence has no direct quote of its own (a partial quote is the
        subject's own words: "X said his side had made “painful concessions”.")."""
        start, _ = self.sentence_span(token.i)
        if start == 0:
            return None
        prev_start, prev_end = self.sentence_span(start - 1)
        if self.paragraph_of(self.doc[prev_start].idx) != self.paragraph_of(token.idx):
            return None
        if any(self.direct[i] for i in range(prev_start, prev_end)):
            return None
        root = next((t for t in self.doc[prev_start:prev_end] if t.dep_ == "ROOT"), None)
        subject = self.subject_of(root) if root is not None else None
        if subject is None or subject.pos_ == "PRON":
            return None
        found = self.speaker(subject)
        if found is None or found.actor is None:
            return None
        if self.actors[found.actor]["kind"] != "person" and not self._person_at(subject.i):
            return None
        return found

    def last_person(self, token: Token) -> Speaker | None:
        """The last person named outside quotes before a word, in its paragraph."""
        paragraph_start = self.paragraphs[self.paragraph_of(token.idx)][0]
        for index in range(bisect_left(self.mention_starts, token.i) - 1, -1, -1):
            mention = self.mentions[index]
            if self.doc[mention["start"]].idx < paragraph_start:
                break
            actor = self.actors.get(mention.get("actor"))
            if actor is None or mention["kind"] == "pronoun" or self.quoted[mention["start"]]:
                continue
            if actor["kind"] == "person":
                return Speaker(actor["id"], actor["name"], mention["head"])
        return None

    def named(self, name: str, *, any_kind: bool = False) -> Speaker:
        """The person a bare name stands for ("Otieno" is William Otieno), else the name.
        With `any_kind`, an actor of any kind ("Mr Orlov" is a person, whatever the
        actors stage made of "Dmitry Orlov")."""
        wanted = set(name.lower().split()) - HONORIFICS
        for actor in self.actors.values():
            if wanted and (any_kind or actor["kind"] == "person") and \
                    wanted <= set(actor["name"].lower().split()):
                return Speaker(actor["id"], actor["name"])
        return Speaker(None, name)

    def _person_at(self, i: int) -> bool:
        index = self.mention_at.get(i)
        if index is None:
            return False
        mention = self.mentions[index]
        actor = self.actors.get(mention.get("actor"))
        return mention["kind"] == "person" or (actor is not None and actor["kind"] == "person")

    def _from_mention(self, index: int, token: Token) -> Speaker | None:
        mention = self.mentions[index]
        actor_id = mention.get("actor")
        if actor_id in self.actors:
            return Speaker(actor_id, self.actors[actor_id]["name"], token.i)
        if mention["kind"] == "pronoun":
            return None
        words = self.doc[mention["start"]:mention["end"]].text
        titled = words.split()[0].lower() in HONORIFICS
        if mention["kind"] == "person" or titled:
            # "Mr Orlov" left unlinked: the person of that name named before
            found = self.named(words, any_kind=titled)
            if found.actor is not None:
                return Speaker(found.actor, found.name, token.i)
        return Speaker(None, words, token.i)

    def phrase(self, token: Token) -> str:
        """The noun phrase a word heads, without relative clauses and appositions:
        'a senior Mexican diplomat', 'one of them', 'the head of the agency'."""
        start = token.left_edge.i
        end = token.i + 1
        for child in token.rights:
            if (child.dep_ == "prep" and child.lower_ in {"of", "for", "from", "at", "in"}) or child.dep_ in {"compound", "amod", "nummod"}:
                end = child.right_edge.i + 1
            else:
                break
        words = self.doc[start:end]
        return words.text.strip(" ,")
