"""Who said a quoted passage, with which words, and whether it is a statement.

The rules, tried in order for each passage:

1. **The parse.** A verb of saying (or of naming, for words inside a sentence) that
   governs the quoted words: "“We are ready,” Lavrov said", "called the plan “a
   disgrace”", "said Moscow had “nothing to hide”". Its subject is the speaker.
2. **Right after the quote.** ", he said", "said Mr Orlov", ", according to X",
   and in a headline "‘We will not be lectured’: Hungary rejects ...".
3. **Right before it.** "X said: “...”", "..., adding: “...”", "He went on: “...”", and
   in a headline "Otieno: “...”".

A passage that starts a sentence (or runs over paragraphs, or follows a colon or an
attribution and a comma) is a direct quote; words inside a reporter's sentence are a
partial quote, kept only when a verb of saying or naming attributes them (so a scare
quote, a title or a slogan is not reported as anyone's statement).

A direct quote with no speaker yet is then read with its neighbours:

4. **The next sentence** that points back at it: "“...” That was the message from X",
   "“...” X said this on Tuesday", "“...” With those words, X ...".
5. **The quotes before it**: a quote right after another in the same paragraph, or a
   paragraph that is only a quote after one ending in a quote, goes on in the same
   voice; and "X was blunter still. “...”" gives the subject of the sentence before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .marks import ANSWER_LABELS, QUESTION_LABELS, Passage, label_words
from .reading import DEMONSTRATIVES, HONORIFICS, Reading, Speaker

SENTENCE_ENDS = frozenset({".", "!", "?"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
ANCESTOR_STEPS = 12
WINDOW = 30  # tokens read after or before a quote for its attribution
BEFORE_WINDOW = 12  # "X told reporters in Riyadh on Tuesday: “...”"
HEADLINE_NAME = 4  # words of a name before a colon: "Lavrov: “...”"


@dataclass(slots=True)
class Attributed:
    """A passage with its tokens, cue, speaker and kind."""

    passage: Passage
    first: int  # first token of the quoted words
    last: int  # last token of the quoted words
    paragraph: int
    cue: Token | None = None
    speaker: Speaker | None = None
    kind: str = "partial"
    addressee_hint: Token | None = None  # "told X: ..." -> X is who "you" is

    @property
    def tokens(self) -> range:
        return range(self.first, self.last + 1)


class Attributor:
    """Reads cue, speaker and kind of each passage of one article."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.doc = reading.doc
        self.text = reading.text
        self.last_speaker: Speaker | None = None
        self.labels: list[tuple[frozenset[str], Speaker | None]] = []  # transcript labels

    def read(self, passages: list[Passage]) -> list[Attributed]:
        items = [self.locate(p) for p in passages]
        for item in items:
            for i in item.tokens:
                self.reading.quoted[i] = True
        done: list[Attributed] = []
        for index, item in enumerate(items):
            if item.passage.label is not None:
                item.kind = "direct"
                item.speaker = self.labelled(item.passage.label, item.first)
                for i in item.tokens:
                    self.reading.direct[i] = True
                done.append(item)
                continue
            following = items[index + 1] if index + 1 < len(items) else None
            self.attribute(item, following)
            item.kind = self.kind(item)
            if item.kind == "direct" and item.speaker is None:
                self.from_neighbours(item, done)
            if item.kind == "partial" and item.cue is None and item.speaker is None:
                continue  # a scare quote, a title or a slogan: nobody's statement
            self.remember(item)
            if item.kind == "direct":
                for i in item.tokens:
                    self.reading.direct[i] = True
            done.append(item)
        return done

    def labelled(self, label: str, at: int) -> Speaker | None:
        """Who a transcript label is: nobody named for "Q", the article's first person
        for "A", else the person of that name ("KERRY" is John Kerry, "PRESIDENT
        ZELENSKY" Volodymyr Zelensky); a label that repeats some words of an earlier
        one ("KUENSSBERG" after "LAURA KUENSSBERG") is the same person."""
        reading = self.reading
        upper = label.upper()
        if upper in QUESTION_LABELS:
            return None
        if upper in ANSWER_LABELS:
            person = next((a for a in reading.actors.values() if a["kind"] == "person"),
                          None)
            if person is None:
                return None
            found = Speaker(person["id"], person["name"])
            return reading.titled_person(found, at) or found
        words = label_words(label, reading.titles | HONORIFICS)
        for earlier, speaker in self.labels:
            if words <= earlier:
                return speaker
        parts = label.lower().split()
        if len(parts) > 1 and parts[0] == "the" and parts[-1] in reading.titles:
            # "THE PRESIDENT", "THE PRIME MINISTER": a title only; the person given it
            speaker = reading.titled_person(Speaker(None, " ".join(parts[1:])), at)
        else:
            name = " ".join(w for w in label.split() if w.strip(".").lower() in words)
            speaker = reading.fuller_name(
                reading.named(name.title() if name.isupper() else name))
            if speaker.actor is not None:
                speaker = reading.titled_person(speaker, at) or speaker
        self.labels.append((words, speaker))
        return speaker

    def locate(self, passage: Passage) -> Attributed:
        reading = self.reading
        first = reading.token_at(passage.start)
        last = max(first, reading.token_at(max(passage.start, passage.end - 1)))
        return Attributed(passage, first, last, reading.paragraph_of(passage.start))

    # -- 1-3: the cue ----------------------------------------------------------------
    def attribute(self, item: Attributed, following: Attributed | None) -> None:
        cue = self.governing_cue(item)
        if cue is not None:
            if not self.gives_a_name(cue):
                self.set_cue(item, cue)
            return
        if self.after(item, following):
            return
        self.before(item)

    def governing_cue(self, item: Attributed) -> Token | None:
        """A verb of saying or naming above the quoted words in the parse."""
        doc = self.doc
        reading = self.reading
        low, high = self.bounds(item)
        for i in item.tokens:
            token = doc[i]
            if token.head.i in item.tokens:
                continue
            head = token.head
            for _ in range(ANCESTOR_STEPS):
                if head.i < low or head.i >= high or reading.quoted[head.i]:
                    break
                if reading.is_cue(head, manner=False, naming=True):
                    return head
                according = next((c for c in head.children
                                  if reading.according_to(c) is not None), None)
                if according is not None:  # "According to X, ... “only returned fire”"
                    return according
                if head.head.i == head.i:
                    break
                head = head.head
        return None

    def bounds(self, item: Attributed) -> tuple[int, int]:
        """Tokens of the sentences a passage is in, within its paragraphs (the parser may
        run a headline into the first line)."""
        reading = self.reading
        low = reading.sentence_span(item.first)[0]
        high = reading.sentence_span(item.last)[1]
        first_paragraph = reading.paragraphs[item.paragraph]
        last_paragraph = reading.paragraphs[reading.paragraph_of(item.passage.end)]
        while low < item.first and self.doc[low].idx < first_paragraph[0]:
            low += 1
        while high > item.last + 1 and self.doc[high - 1].idx >= last_paragraph[1]:
            high -= 1
        return low, high

    def gives_a_name(self, cue: Token) -> bool:
        """A verb that gives a name, not a statement: "dubbed ‘Maggie’s revenge’",
        "nicknamed “the Hunger Act”", or a naming verb in the present in a relative
        clause ("the camp, which locals call “the island”")."""
        vocabulary = self.reading.vocabulary
        lemma = cue.lemma_.lower()
        if lemma in vocabulary.name_giving:
            return True
        return lemma in vocabulary.naming and cue.dep_ == "relcl" and \
            cue.tag_ in {"VBP", "VBZ"}

    def set_cue(self, item: Attributed, cue: Token, *, inverted_until: int | None = None
                ) -> None:
        reading = self.reading
        item.cue = cue
        obj = reading.according_to(cue)
        if obj is not None:
            item.speaker = reading.speaker(obj, self.last_speaker)
            return
        speaker_token = reading.subject_of(cue)
        if speaker_token is None and cue.i > item.last:
            # "..., cautioned the ELN's commander, Pablo Beltran."
            end = inverted_until or reading.sentence_span(cue.i)[1]
            speaker_token = reading.inverted_subject(cue, end)
        item.speaker = reading.speaker(speaker_token, self.last_speaker)
        item.addressee_hint = next((c for c in cue.children if c.dep_ in {"dobj", "dative"}
                                    and c.pos_ in {"PROPN", "NOUN"}), None)

    def after(self, item: Attributed, following: Attributed | None) -> bool:
        """", he said", "said Mr Orlov", ", according to X", "’: Hungary rejects"."""
        passage = item.passage
        if not passage.closed:
            return self.inside_unclosed(item)
        doc = self.doc
        start = self.reading.token_after(passage.end + 1)
        if start >= len(doc) or self.reading.paragraph_of(doc[start].idx) != item.paragraph:
            return False
        words = self.text[passage.start:passage.end].rstrip()
        first = doc[start]
        attached = not words.endswith(tuple(SENTENCE_ENDS)) or first.is_lower or \
            first.text in {",", ":", ";", "\u2014", "-"}
        if not attached:
            return False
        end = self._window_end(start, following)
        tokens = [doc[i] for i in range(start, end)]
        if tokens and tokens[0].text == ":":
            return self._headline_after(item, tokens[1:])
        for token in tokens:
            if self.reading.according_to(token) is not None or self.reading.is_cue(token):
                self.set_cue(item, token, inverted_until=end)
                return True
        return False

    def _window_end(self, start: int, following: Attributed | None) -> int:
        doc = self.doc
        end = min(len(doc), start + WINDOW)
        if following is not None:
            end = min(end, max(start, following.first - 1))
        paragraph = self.reading.paragraph_of(doc[start].idx)
        for i in range(start, end):
            token = doc[i]
            if token.text in SENTENCE_ENDS or self.reading.paragraph_of(token.idx) != paragraph:
                return i
        return end

    def _headline_after(self, item: Attributed, tokens: list[Token]) -> bool:
        """"‘We will not be lectured’: Hungary rejects EU criticism": the speaker is the
        subject of the clause after the colon."""
        for token in tokens:
            if token.pos_ in {"VERB", "AUX"}:
                subject = self.reading.subject_of(token)
                if subject is not None:
                    item.cue = token
                    item.speaker = self.reading.speaker(subject, self.last_speaker)
                    return True
        return False

    def inside_unclosed(self, item: Attributed) -> bool:
        """A quote whose closing mark was forgotten: '"We were attacked, he said.' The
        attribution is inside it, after its last comma; the quote is cut there."""
        doc = self.doc
        for i in range(item.last, item.first, -1):
            token = doc[i]
            if token.text != ",":
                continue
            window = range(i + 1, min(item.last + 1, i + 7))
            cue = next((doc[j] for j in window if self.reading.is_cue_word(doc[j])), None)
            if cue is None:
                continue
            tail = doc[cue.i + 1:item.last + 1]
            if any(t.text in SENTENCE_ENDS for t in tail[:-1]):
                continue
            for j in range(i, item.last + 1):
                self.reading.quoted[j] = False
            item.last = i - 1
            item.passage.end = token.idx
            item.passage.pieces[-1] = (item.passage.pieces[-1][0], token.idx)
            self.set_cue(item, cue, inverted_until=tail.end)
            return True
        return False

    def before(self, item: Attributed) -> None:
        """"X said: “...”", ", adding: “...”", "He went on: “...”", "Otieno: “...”"."""
        doc = self.doc
        reading = self.reading
        opener = item.first - 1
        if opener < 0:
            return
        if not doc[opener].is_quote and doc[opener].idx < item.passage.start - 1:
            opener = item.first  # the mark is part of the first token
        low = max(reading.sentence_span(opener)[0] if opener < len(doc) else 0,
                  opener - WINDOW)
        paragraph_start = reading.paragraphs[item.paragraph][0]
        previous = opener - 1
        while previous > low and doc[previous].is_quote and doc[previous].idx >= \
                item.passage.start - 3:
            previous -= 1  # the first half of a mark of two characters (``)
        if previous < low or doc[previous].idx < paragraph_start:
            return
        separator = doc[previous]
        candidates = [doc[i] for i in range(previous, low - 1, -1)
                      if doc[i].idx >= paragraph_start and not reading.quoted[i]]
        cue = next((t for t in candidates if reading.is_cue(t)), None)
        if cue is not None and (separator.i == cue.i or separator.text in {":", ","}
                                or separator.lower_ == "that") and \
                previous - cue.i <= BEFORE_WINDOW and \
                not any(t.pos_ in {"VERB", "AUX"} for t in doc[cue.i + 1:previous]):
            self.set_cue(item, cue)
            return
        if separator.text != ":":
            return
        verb = next((t for t in candidates[1:] if t.pos_ in {"VERB", "AUX"}), None)
        if verb is not None:
            subject = reading.subject_of(verb)
            if subject is not None:
                item.cue = verb
                item.speaker = reading.speaker(subject, self.last_speaker)
            return
        named = [t for t in candidates[1:] if not t.is_punct and not t.is_space]
        if 0 < len(named) <= HEADLINE_NAME and named[-1].text[:1].isupper():
            # a headline: "Otieno: “Africa will not ...”"
            name = doc[named[-1].i:named[0].i + 1].text
            item.speaker = reading.named(name)

    # -- kind ------------------------------------------------------------------------
    def kind(self, item: Attributed) -> str:
        passage = item.passage
        if len(passage.pieces) > 1 or passage.continues:
            return "direct"
        context = self.opening_context(item)
        if context == "start":
            return "direct"
        if context == "attribution":
            return "direct"
        if context == "after-cue" and self.is_clause(item):
            return "direct"
        return "partial"

    def opening_context(self, item: Attributed) -> str:
        """What stands before the opening mark: the start of a sentence or paragraph, an
        attribution and a comma, a verb of saying, or words of the reporter's sentence."""
        text = self.text
        i = item.passage.start - 2  # the character before the opening mark
        while i >= 0 and text[i] in " \t":
            i -= 1
        if i < 0 or text[i] == "\n":
            return "start"
        char = text[i]
        if char in ".!?:" or (char in "\"\u201d\u2019'" and i > 0 and text[i - 1] in ".!?"):
            return "start"
        before = self.reading.token_at(i)
        if char == ",":
            # "“How long,” the pope asked the pilgrims in the square, “must they wait?”"
            low = max(0, before - BEFORE_WINDOW, self.reading.sentence_span(before)[0])
            for j in range(before - 1, low - 1, -1):
                if self.reading.quoted[j]:
                    break
                if self.reading.is_cue_word(self.doc[j]):
                    return "attribution"
            return "inside"
        token = self.doc[before]
        if self.reading.is_cue_word(token):
            return "after-cue"
        if token.lower_ in {"that", "as"} and before > 0 and \
                self.reading.is_cue_word(self.doc[before - 1]):
            return "after-cue"
        if token.lower_ == "that" and token.head.i != token.i and \
                self.reading.is_cue_word(token.head.head):
            return "after-cue"
        return "inside"

    def is_clause(self, item: Attributed) -> bool:
        """The quoted words are a clause: a verb with a subject of its own, or a finite
        verb heading them ("that 'nowhere is safe'")."""
        tokens = [self.doc[i] for i in item.tokens]
        inside = set(item.tokens)
        has_subject = any(t.dep_ in {"nsubj", "nsubjpass", "expl"} and t.head.i in inside
                          for t in tokens)
        has_verb = any(t.pos_ in {"VERB", "AUX"} for t in tokens)
        finite_root = any(t.head.i not in inside and t.tag_ in FINITE for t in tokens)
        return has_verb and (has_subject or finite_root)

    # -- 4-5: the neighbours ---------------------------------------------------------
    def remember(self, item: Attributed) -> None:
        """The last speaker of a direct quote: who an unresolved "he" most likely is."""
        if item.speaker is not None and item.kind == "direct":
            self.last_speaker = item.speaker

    def from_neighbours(self, item: Attributed, done: list[Attributed]) -> None:
        if self.next_sentence(item):
            return
        opens_paragraph = self.opening_context(item) == "start" and \
            self.text[self.reading.paragraphs[item.paragraph][0]:
                      item.passage.start].strip() in {"", "\"", "\u201c", "'", "\u2018"}
        previous = next((d for d in reversed(done) if d.kind == "direct"), None)
        if previous is not None and previous.speaker is not None:
            same_paragraph = previous.paragraph == item.paragraph
            if item.passage.continues or same_paragraph or (
                    opens_paragraph and previous.paragraph == item.paragraph - 1):
                item.speaker = previous.speaker
                return
        self.previous_sentence(item)
        if item.speaker is None and opens_paragraph and item.paragraph > 0:
            # "He said the bank expected prices to stabilise.\n“We know ...”"
            item.speaker = self.last_reporter(item.paragraph - 1)

    def last_reporter(self, paragraph: int) -> Speaker | None:
        """Who the last verb of saying in a paragraph has as its subject."""
        reading = self.reading
        start, end = reading.paragraphs[paragraph]
        for i in reversed(reading.reporting_candidates()):
            token = self.doc[i]
            if token.idx >= end or reading.quoted[i]:
                continue
            if token.idx < start:
                break
            if reading.is_reporting(token):
                return reading.speaker(reading.subject_of(token), self.last_speaker)
        return None

    def next_sentence(self, item: Attributed) -> bool:
        """"“...” That was the message from X", "“...” X said this on Tuesday"."""
        if not item.passage.closed:
            return False
        reading = self.reading
        doc = self.doc
        start = reading.token_after(item.passage.end + 1)
        if start >= len(doc) or reading.paragraph_of(doc[start].idx) != item.paragraph:
            return False
        end = min(reading.sentence_span(start)[1], start + 2 * WINDOW)
        tokens = [doc[i] for i in range(start, end) if not reading.quoted[i]]
        for token in tokens:
            if reading.is_noun_cue(token):
                speaker = reading.noun_cue_speaker(token)
                if speaker is not None and speaker.lower_ not in DEMONSTRATIVES:
                    item.cue = token
                    item.speaker = reading.speaker(speaker, self.last_speaker)
                    return item.speaker is not None
        for token in tokens:
            if reading.is_cue(token) and any(c.lower_ in DEMONSTRATIVES and
                                             c.dep_ in {"dobj", "nsubj", "npadvmod"}
                                             for c in token.children):
                self.set_cue(item, token)
                return item.speaker is not None
        return False

    def previous_sentence(self, item: Attributed) -> None:
        """"Aaja Kleist was blunter still. “We are not a piece of real estate.”"."""
        reading = self.reading
        doc = self.doc
        opener = max(item.first - 1, 0)
        sentence_start = reading.sentence_span(opener)[0]
        if sentence_start == 0:
            return
        if sentence_start < opener and any(not t.is_punct for t in doc[sentence_start:opener]):
            return  # the quote does not open its sentence
        item.speaker = reading.previous_subject(doc[opener])
