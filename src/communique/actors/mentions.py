"""Finding actor mentions: names, role descriptions, pronouns, pairs ("the two leaders").

A mention is a token span with what the text itself says about it: the name, the role
words around it ("President", "foreign affairs adviser"), demonyms and country names
("Chinese", "US"), a possessor ("Putin's adviser"), an appositive ("CCTV, the Chinese
broadcaster"). Linking mentions into actors and coding them is `resolve.py`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import POS
from spacy.lang.en import English
from spacy.matcher import PhraseMatcher
from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..doctext import indices_where
from ..tables import Lexicon, Meaning, vocabulary
from ..tables.lexicon import Role, fold_name
from ..tables.patterns import singular

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Dependencies that attach titles, demonyms and descriptions to the word they describe.
CLUE_DEPS = frozenset({"compound", "amod", "nmod", "det", "punct", "npadvmod", "nummod",
                       "advmod", "quantmod", "predet"})
HONORIFICS = vocabulary.words("honorifics")
FORMER = vocabulary.words("former")
LOCATIVE_PREPS = vocabulary.words("locative_prepositions")
DEFINITE = vocabulary.words("definite_determiners")
PRONOUNS: dict[str, tuple[str, bool]] = {
    "he": ("person", False), "him": ("person", False), "his": ("person", False),
    "himself": ("person", False), "she": ("person", False), "her": ("person", False),
    "hers": ("person", False), "herself": ("person", False),
    "they": ("plural", True), "them": ("plural", True), "their": ("plural", True),
    "themselves": ("plural", True),
    "it": ("thing", False), "its": ("thing", False), "itself": ("thing", False),
    "i": ("speaker", False), "me": ("speaker", False), "my": ("speaker", False),
    "we": ("speaker", True), "us": ("speaker", True), "our": ("speaker", True),
    "you": ("addressee", False), "your": ("addressee", False),
}
PAIR_NOUNS = vocabulary.words("pair_nouns")
PAIR_WORDS = vocabulary.words("pair_words")
SERVING_ROLES = vocabulary.words("serving_roles")
STATE_SECTORS = vocabulary.sector_group("state")
RELATION_NOUNS = vocabulary.words("relation_nouns")
BASED_VERBS = vocabulary.words("based_verbs")
ADJECTIVE_ROLES = vocabulary.words("adjective_roles")
LOCAL_GOVERNMENT = vocabulary.words("local_government_words")
LOCAL_COUNCILS = vocabulary.words("local_councils")
REGION_UNITS = vocabulary.words("region_units")
# a town a reader knows without the article saying where it is: a capital, or this big
TOWN_POPULATION = 100_000
MEANING_ORDER = {"person": 0, "organization": 1, "place-as-government": 1, "group": 1,
                 "country": 2, "capital": 3, "demonym": 4}


@dataclass(slots=True)
class Mention:
    """A span of the article that refers to an actor, with the text's own clues."""

    start: int  # first token
    end: int  # one past the last token
    head: int  # the token that governs the span
    kind: str  # person organization group country capital place people pronoun pair
    name: str  # the name without titles ("Xi Jinping"), or the description ("Russian leader")
    source: str = "entity"  # lexicon, entity (a name), role (a description), pronoun, pair
    eponym: bool = False  # a body named after a person: "the Clinton administration"
    country: str | None = None  # what the name itself says (a country's own code)
    sector: str | None = None
    org: str | None = None
    title: str | None = None
    role: Role | None = None
    meaning: Meaning | None = None  # what the lexicon says the name is
    former: bool = False
    definite: bool = False
    plural: bool = False
    locative: bool = False  # "in Moscow": a place here, not an actor
    possessor: int | None = None  # index of the mention that owns this one ("Putin's")
    appositive: int | None = None  # index of the mention in apposition
    pronoun: str | None = None  # person, plural, thing, speaker, addressee
    sentence: int = 0
    actor: int | None = None  # index of the actor the mention refers to
    members: tuple[int, ...] = ()  # the actors a pair refers to
    cue_countries: list[str] = field(default_factory=list)  # "Chinese", "US", "of Armenia"
    cue_mentions: list[int] = field(default_factory=list)  # "UN" in "UN inspectors"
    conj_of: int | None = None  # "tanks" in "Israeli helicopters and tanks" -> helicopters
    home: str | None = None  # the state a people word lives in: BIH for "Bosnian Serbs"
    ethnicity: str | None = None  # the state whose people they are by kin: SRB there
    civic: bool = False  # named by a demonym of citizens ("Americans"), kept wherever they are


def folded_words(tokens) -> tuple[list[str], list[int]]:
    """The words of TOKENS folded by the lexicon's key (`fold_name`), and the index of the
    token each comes from: a hyphen or apostrophe on its own folds to no word, so
    "Inter-Parliamentary Union" (four tokens) is the words of "inter parliamentary
    union", and "Sinn Féin" those of "Sinn Fein"."""
    words: list[str] = []
    owners: list[int] = []
    for i, token in enumerate(tokens):
        for word in fold_name(token.text).split():
            words.append(word)
            owners.append(i)
    return words, owners


class LexiconMatcher:
    """Finds the lexicon's names in a doc, as names ("Turkey", not "turkey"). Names are
    matched on words folded as the lexicon folds its keys (`folded_words`), so a
    spelling with other hyphens, apostrophes or accents than the table's is found."""

    def __init__(self, vocab, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # the folded words live in a vocabulary of their own, not the pipeline's
        self.vocab = Vocab()
        self.matcher = PhraseMatcher(self.vocab)
        spellings = [(key, spelling) for key, written in lexicon.spellings.items()
                     for spelling in written]
        tokenized = English().tokenizer.pipe(spelling for _, spelling in spellings)
        patterns: dict[str, set[tuple[str, ...]]] = {}
        for (key, _), tokens in zip(spellings, tokenized, strict=True):
            if words := folded_words(tokens)[0]:
                patterns.setdefault(key, set()).add(tuple(words))
        for key, forms in patterns.items():
            self.matcher.add(key, [Doc(self.vocab, words=list(words)) for words in forms])

    def __call__(self, doc: Doc) -> dict[int, tuple[int, int, str]]:
        """Token index -> (start, end, key) of the longest accepted name covering it."""
        found: list[tuple[int, int, str]] = []
        strings = self.vocab.strings
        words, owners = folded_words(doc)
        if not words:
            return {}
        for match_id, first, last in self.matcher(Doc(self.vocab, words=words)):
            start, end = owners[first], owners[last - 1] + 1
            if (first and owners[first - 1] == start) or (last < len(owners)
                                                          and owners[last] == end - 1):
                continue  # only some of one token's words
            key = strings[match_id]
            if self.lexicon.accepts_case(key, doc[start:end].text):
                found.append((start, end, key))
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        covered: dict[int, tuple[int, int, str]] = {}
        for start, end, key in found:
            if any(i in covered for i in range(start, end)):
                continue
            for i in range(start, end):
                covered[i] = (start, end, key)
        return covered


def find_mentions(doc: Doc, lexicon: Lexicon, names: dict[int, tuple[int, int, str]]
                  ) -> list[Mention]:
    """All actor mentions of a doc, in text order, with their own clues attached."""
    sentence_of = sentence_index(doc)
    taken = [False] * len(doc)
    mentions: list[Mention] = []

    def add(mention: Mention) -> None:
        mention.sentence = sentence_of[mention.head]
        for i in range(mention.start, mention.end):
            taken[i] = True
        mentions.append(mention)

    person_tokens = {i for ent in doc.ents if ent.label_ == "PERSON"
                     and not _peoples_name(ent, names) for i in range(ent.start, ent.end)}
    # 1. Names the lexicon knows: countries, capitals, organisations, known people.
    for start, end, key in sorted(set(names.values())):
        meaning = min(lexicon.names.get(key, []), key=lambda m: MEANING_ORDER.get(m.kind, 5),
                      default=None)
        if meaning is None or (_inside_other_name(doc, start, names)
                               and not _people_adjective(doc, start, meaning)):
            continue
        if meaning.kind != "person" and any(i in person_tokens for i in range(start, end)) \
                and not _country_not_person(doc, start, end, meaning):
            continue
        head = doc[start:end].root
        if meaning.kind == "demonym" and not _names_people(head):
            continue  # "Russian television": a clue of the television
        if meaning.kind in {"country", "capital"} and head.dep_ in {"compound", "amod", "nmod"} \
                and head.head.i > head.i:
            continue  # "US President", "China-Russia relations": a clue of what follows
        kind = "people" if meaning.kind == "demonym" else meaning.kind
        ethnicity = None
        if kind == "people" and start > 0 and doc[start - 1].lower_ == "ethnic":
            # "ethnic Albanians" name a people, not a state: placed only by a place
            ethnicity = meaning.country
            meaning = Meaning("demonym", None, name=meaning.name)
        add(Mention(start, end, head.i, kind,
                    doc[start:end].text if kind == "people" else meaning.name,
                    country=meaning.country, sector=meaning.sector, org=meaning.org,
                    title=meaning.title, meaning=meaning, plural=kind == "people",
                    definite=True, locative=_is_locative(head), source="lexicon",
                    ethnicity=ethnicity, civic=kind == "people" and key in lexicon.civic))
    # 2. Named entities the lexicon does not know: people, organisations, places.
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = _trim(ent)
        if span is None or any(taken[i] for i in range(span.start, span.end)):
            continue
        if all(i in names for i in range(span.start, span.end)):
            continue  # a known name step 1 left out on purpose ("US" in "US President")
        local = _local_place(span, ent.label_, lexicon)
        if local is not None:
            # "the Karachi police", "the Punjab provincial government", "the governor of
            # Kano state": the town or region whose body it is, however it was tagged
            end, name = local
            add(Mention(span.start, end, doc[end - 1].i if end > span.end else span.root.i,
                        "place", name, definite=True))
            continue
        if ent.label_ in {"NORP", "LOC", "FAC"} and (
                span.root.tag_ not in {"NNS", "NNPS"} or not _names_people(span.root)):
            continue  # "Kurds" are people; "the Mediterranean" is not
        if ent.label_ in {"ORG", "NORP", "GPE"} and _inside_title(span, lexicon) \
                and not (ent.label_ == "GPE" and _is_known_place(span)):
            continue  # "Secretary of State", "External Affairs Minister": part of a title
        if ent.label_ == "PERSON" and span.root.dep_ == "compound" \
                and span.root.head.i == span.end:
            body = role_of(span.root.head, lexicon)
            if body is not None and body.kind == "organization":
                continue  # "the Clinton administration": the body is the actor, named
            if body is not None and body.kind == "group" and len(span) == 1 \
                    and span.start - 1 in names:
                continue  # "Turkish Kurd refugees": a people's name, mistaken for a person
        kind = {"PERSON": "person", "ORG": "organization", "GPE": "place"}.get(
            ent.label_, "people")
        if kind in {"organization", "place"} and _is_known_place(span):
            kind = "place"  # "the mayor of Kharkiv" (tagged as an organisation)
        elif kind in {"organization", "place"} and _names_a_person_role(span, lexicon):
            kind = "person"  # "his Greek counterpart Giorgos Gerapetritis" (tagged a place)
        name_start = span.start
        while name_start < span.end - 1 and (doc[name_start].lower_ in HONORIFICS or (
                kind == "person" and span.end - name_start > 2
                and _title_word(doc[name_start], lexicon))):
            name_start += 1  # "Archbishop Desmond Tutu" is Desmond Tutu, an archbishop
        add(Mention(span.start, span.end, span.root.i, kind, doc[name_start:span.end].text,
                    definite=True, plural=kind == "people",
                    locative=kind == "place" and _is_locative(span.root)))
    # 2b. A surname the recogniser missed, of a person named in full before: "Gerapetritis
    #     said", after "Giorgos Gerapetritis".
    surnames = {doc[m.end - 1].text: m.name for m in mentions
                if m.kind == "person" and m.end - m.start >= 2 and doc[m.end - 1].is_title}
    if surnames:
        for token in doc:
            if not taken[token.i] and token.text in surnames and token.pos_ in {"PROPN", "NOUN"} \
                    and any(m.end <= token.i for m in mentions if m.name == surnames[token.text]):
                add(Mention(token.i, token.i + 1, token.i, "person", token.text, definite=True))
    # 3. In one pass over the words: pairs ("the two countries", "both sides"), role
    #    descriptions ("the Russian leader", "Israeli soldiers", "the ministry"), pronouns.
    for i in indices_where(doc, POS, PRON, NOUN, PROPN):  # no other word is a mention
        if taken[i]:
            continue
        token = doc[i]
        pos = token.pos_
        if pos == "PRON":
            if token.lower_ in PRONOUNS:
                kind, plural = PRONOUNS[token.lower_]
                add(Mention(token.i, token.i + 1, token.i, "pronoun", token.text,
                            pronoun=kind, plural=plural, definite=True, source="pronoun"))
            continue
        if pos not in {"NOUN", "PROPN"}:
            continue
        if pos == "NOUN" and token.tag_ == "NNS" and singular(token.lower_) in PAIR_NOUNS \
                and any(c.lower_ in PAIR_WORDS for c in token.lefts):
            start = _np_start(token, taken)
            add(Mention(start, token.i + 1, token.i, "pair",
                        _description(doc, start, token.i + 1), plural=True, definite=True,
                        source="pair"))
            continue
        role = role_of(token, lexicon)
        if role is None:
            continue
        if token.dep_ in {"compound", "nmod"} and token.head.i > token.i \
                and token.head.pos_ in {"PROPN", "NOUN"}:
            head = token.head
            if head.pos_ == "NOUN" and not taken[head.i] and role_of(head, lexicon) is None \
                    and head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"}:
                # "army artillery", "police vehicles": the role word owns the phrase
                start = _np_start(head, taken)
                add(Mention(start, head.i + 1, head.i, role.kind if role.kind != "person"
                            else "group", _description(doc, start, head.i + 1), role=role,
                            plural=head.tag_ == "NNS", source="role",
                            definite=doc[start].lower_ in DEFINITE or _has_possessor(head)))
            continue  # "President" in "President Xi", "army" in "army bulldozers": clues
        start = _np_start(token, taken)
        plural = token.tag_ in {"NNS", "NNPS"} or role.kind == "group"
        kind = "group" if role.kind == "person" and plural else role.kind
        add(Mention(start, token.i + 1, token.i, kind, _description(doc, start, token.i + 1),
                    role=role, plural=plural, source="role",
                    definite=doc[start].lower_ in DEFINITE or _has_possessor(token),
                    eponym=any(i in person_tokens for i in range(start, token.i))))
    mentions.sort(key=lambda m: m.start)
    attach_clues(doc, mentions, lexicon, names)
    return mentions


def _title_word(token: Token, lexicon: Lexicon) -> bool:
    role = lexicon.roles.get(token.lower_)
    return role is not None and role.title and token.is_title


def _peoples_name(ent: Span, names: dict[int, tuple[int, int, str]]) -> bool:
    """'Bosnian Serbs' tagged as a person: every word a known name, the last a plural."""
    return ent[-1].tag_ in {"NNS", "NNPS"} and all(
        t.i in names or t.text == "-" for t in ent)


REGION_WORDS = vocabulary.words("compass_words")


def _people_adjective(doc: Doc, start: int, meaning: Meaning) -> bool:
    """'Arab Israelis', 'Black Americans': an adjective before a people's name, inside
    the same entity, describes the people; it does not make another name."""
    before = doc[start - 1]
    return meaning.kind == "demonym" and before.tag_ == "JJ" \
        and before.lower_ not in REGION_WORDS


def _names_a_person_role(span: Span, lexicon: Lexicon) -> bool:
    """A name in apposition to a word for a person: 'his counterpart X', 'the minister,
    X,'. Whatever the recogniser called it, it names a person."""
    root = span.root
    if root.dep_ != "appos" or root.head.i >= span.start:
        return False
    role = role_of(root.head, lexicon)
    return role is not None and role.kind == "person"


def role_of(token: Token, lexicon: Lexicon) -> Role | None:
    """The role a noun names, preferring the longer phrase ("foreign minister")."""
    lemma = token.lemma_.lower()
    doc = token.doc
    if lemma == "party" and _party_to(token):
        # "the parties to the conflict" take part in it; they are not political parties
        return lexicon.roles.get("party to")
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        joined = lexicon.roles.get(f"{doc[token.i - 2].lower_}-{lemma}") or lexicon.roles.get(
            f"{doc[token.i - 2].lower_} {lemma}")
        if joined is not None:  # "secretary-general" is not a general
            return joined
    base = singular(token.lower_)
    phrase = _phrase_role(token, lemma, base, lexicon)
    if phrase is not None:
        return phrase
    if (lemma in LOCAL_COUNCILS or base in LOCAL_COUNCILS) and any(
            c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in LOCAL_GOVERNMENT
            for c in token.lefts) and "local council" in lexicon.roles:
        return lexicon.roles["local council"]  # "the city council", "a county council"
    for left in [c for c in token.lefts if c.dep_ in {"compound", "amod"}][::-1]:
        for word in (lemma, base):
            role = lexicon.roles.get(f"{left.lower_} {word}")
            if role is not None:
                return role
    role = lexicon.roles.get(lemma) or lexicon.roles.get(base)
    if role is not None and role.name_word and not (token.pos_ == "PROPN" and token.is_title):
        return None  # "a border post" is no newspaper; "the Washington Post" is
    return role


PHRASE_LINKS = vocabulary.words("role_phrase_links")
PHRASE_STOPS = frozenset({"DET", "PRON", "NUM", "ADP", "VERB", "AUX", "CCONJ", "SCONJ",
                          "PUNCT", "PART"})


def _phrase_role(token: Token, lemma: str, base: str, lexicon: Lexicon) -> Role | None:
    """A role phrase of three words or more, or one with 'of' after the noun: "vice
    foreign minister", "law enforcement official", "member of parliament", "chief
    justice of the supreme court" (the dictionaries' agent phrases). The words before
    the noun must be its own modifiers, written next to it; the longest phrase wins."""
    phrase_words = lexicon.role_phrase_words()
    if lemma not in phrase_words and base not in phrase_words and " " not in lemma + base:
        return None  # the noun is in no phrase: most nouns, looked up in none
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start < 4:
        prev = doc[start - 1]
        if (prev.pos_ in PHRASE_STOPS and prev.text != "-") or prev.dep_ == "poss" \
                or not _modifies(prev, token):
            break
        start -= 1
    rights = [""]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in PHRASE_LINKS and after.head.i == token.i:
        objects = [c for c in after.children if c.dep_ == "pobj"]
        if objects:
            ends = {min(objects[0].i, token.i + 5), min(after.right_edge.i, token.i + 5)}
            rights = [" " + doc[token.i + 1:end + 1].text.lower() for end in sorted(ends)[::-1]]
    for left in range(start, token.i + 1):
        before = doc[left:token.i].text.lower() + " " if left < token.i else ""
        words = token.i - left + 1
        for right in rights:
            if words < 3 and not right:
                continue  # two words: role_of's own modifier rule
            for word in (lemma, base):
                role = lexicon.roles.get(f"{before}{word}{right}")
                if role is not None:
                    return role
    return None


def _modifies(word: Token, head: Token) -> bool:
    """The word hangs from the head within its noun phrase (directly or via a modifier)."""
    node = word
    for _ in range(4):
        if node.head.i == head.i:
            return True
        if node.head.i <= node.i or node.head.i > head.i:
            return False
        node = node.head
    return False


def _party_to(token: Token) -> bool:
    """'the parties to the conflict', wherever the parser hung the 'to'."""
    doc = token.doc
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
        return True
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is not None and after.lower_ == "to" and after.pos_ == "ADP" \
        and any(c.dep_ == "pobj" for c in after.children)


def sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _inside_other_name(doc: Doc, start: int, names: dict) -> bool:
    """'National Security Council' is not the UN's: a capitalised word before the name,
    inside the same entity and not itself a known name, makes it another body."""
    if start == 0 or doc[start].ent_iob_ != "I":
        return False
    before = doc[start - 1]
    return before.is_title and (start - 1) not in names and before.lower_ != "the"


def _names_people(token: Token) -> bool:
    """'Russians', 'the Chinese' (people), rather than 'Russian' in 'Russian troops'."""
    if token.dep_ in {"amod", "compound", "nmod"} and token.head.i > token.i:
        return False
    return token.tag_ in {"NNS", "NNPS"} or (
        token.pos_ in {"PROPN", "NOUN"} and any(c.lower_ == "the" for c in token.lefts))


def _is_locative(token: Token) -> bool:
    """'in Moscow': the name is where something happened, not who did it."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _trim(span: Span) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in {"'s", "\u2019s", "'", "\u2019"}):
        end -= 1
    return doc[start:end] if start < end else None


def _np_start(head: Token, taken: list[bool]) -> int:
    """Where the noun phrase a role word heads starts: its determiners and modifiers, up
    to (not into) another mention or a possessor."""
    start = head.i
    for left in reversed(list(head.lefts)):
        if left.dep_ not in CLUE_DEPS:
            break
        if any(taken[i] for i in range(left.left_edge.i, left.i + 1)):
            break
        start = left.left_edge.i
    return start


ORG_WORDS = vocabulary.words("organisation_words")


def _inside_title(span: Span, lexicon: Lexicon) -> bool:
    """A name that is part of someone's title: it modifies a role word, or it is the
    object of 'of' after one ("Secretary of State Marco Rubio")."""
    root = span.root
    head = root.head
    if root.dep_ in {"compound", "amod", "nmod"} and head.i >= span.end \
            and role_of(head, lexicon) is not None and head.pos_ in {"NOUN", "PROPN"}:
        return len(span) <= 3 and not any(t.lower_ in ORG_WORDS for t in span)
    if root.dep_ == "pobj" and head.lower_ == "of" and len(span) == 1:
        return role_of(head.head, lexicon) is not None and head.head.pos_ == "PROPN"
    return False


def _is_known_place(span: Span) -> bool:
    if any(t.lower_ in ORG_WORDS for t in span):
        return False
    from ..places import lookup_place

    place = lookup_place(span.text)
    return place is not None and place.kind in {"city", "region"}


def _local_place(span: Span, label: str, lexicon: Lexicon) -> tuple[int, str] | None:
    """A town or region named before a state body or office, or before the word for a
    unit of a country: "Karachi police", "Punjab provincial government", "Kano state",
    "Helmand province". Gives where the place's mention ends (over the unit word) and
    the name to look up; None when the words are no such place.

    The gazetteer must know the words as a region of that very name, or as a capital or
    a town of TOWN_POPULATION or more: "Independence police" is not Missouri's."""
    root = span.root
    if label not in {"ORG", "NORP", "GPE"} or root.dep_ not in {"compound", "amod", "nmod"} \
            or root.head.i < span.end or any(t.lower_ in ORG_WORDS for t in span):
        return None
    head = root.head
    end = span.end
    tries = [span.text]
    if head.lower_ in REGION_UNITS and head.i == span.end:
        end = head.i + 1
        tries.insert(0, f"{span.text} {head.text}")  # "Kano State" before the city Kano
    else:
        role = role_of(head, lexicon)
        if head.pos_ not in {"NOUN", "PROPN"} or role is None \
                or role.sector not in STATE_SECTORS:
            return None
    from ..places.gazetteer import fold, lookup_place

    for text in tries:
        place = lookup_place(text)
        if place is None:
            continue
        if place.kind == "region" and fold(place.name) == fold(text):
            return end, text
        if place.kind == "city" and fold(place.name) == fold(text) and (
                place.capital or place.population >= TOWN_POPULATION):
            return end, text
    return None


def _country_not_person(doc: Doc, start: int, end: int, meaning: Meaning) -> bool:
    """'Mali refused', 'the Houthis fired': a 'person' whose whole name is a country's
    or an organisation's, with nothing of a person about it (no title, no other name
    word), is the country or the organisation."""
    if meaning.kind not in {"country", "capital", "organization", "place-as-government"}:
        return False
    ent = doc[start].ent_iob_ == "B" and (end == len(doc) or doc[end].ent_iob_ != "I")
    before = doc[start - 1] if start > 0 else None
    title = before is not None and (before.is_title and before.pos_ == "PROPN")
    return ent and not title


def _against_or_for(token: Token) -> bool:
    doc = token.doc
    i = token.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in {"anti", "pro", "non"}


def _subject_like(token: Token) -> bool:
    """A subject, or what a subject counts ('Tens of thousands of students')."""
    if token.dep_ in {"nsubj", "nsubjpass", "appos", "ROOT"}:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.dep_ in {"nsubj", "nsubjpass"}


def _has_possessor(token: Token) -> bool:
    return any(c.dep_ == "poss" for c in token.lefts)


def _description(doc: Doc, start: int, end: int) -> str:
    words = [t.text for t in doc[start:end] if t.lower_ not in DEFINITE | {"a", "an"}]
    return " ".join(words) if words else doc[start:end].text


def attach_clues(doc: Doc, mentions: list[Mention], lexicon: Lexicon,
                 names: dict[int, tuple[int, int, str]]) -> None:
    """Extend names over their titles; record countries, roles, possessors, appositives."""
    owner: dict[int, int] = {}
    for index, mention in enumerate(mentions):
        for i in range(mention.start, mention.end):
            owner[i] = index
    for index, mention in enumerate(mentions):
        if mention.kind in {"pronoun", "pair"}:
            continue
        head = doc[mention.head]
        clues: list[Token] = []
        stack = list(doc[mention.start:mention.end])
        seen = {t.i for t in stack}
        while stack:
            token = stack.pop()
            for left in token.lefts:
                if left.i in seen:
                    continue
                seen.add(left.i)
                other = owner.get(left.i)
                if left.dep_ == "poss":
                    if other is not None and other != index and mention.possessor is None \
                            and head.lemma_.lower() not in RELATION_NOUNS:
                        mention.possessor = other
                    continue
                if left.dep_ not in CLUE_DEPS:
                    continue
                if other is not None and other != index:
                    # "UN inspectors", "Basra police": whose, or where from
                    if mentions[other].kind in {"organization", "country", "capital",
                                                "place-as-government", "people", "place"}:
                        mention.cue_mentions.append(other)
                    continue
                clues.append(left)
                stack.append(left)
        if clues:
            new_start = min(t.i for t in clues)
            if new_start < mention.start and all(
                    owner.get(i, index) == index for i in range(new_start, mention.start)):
                for i in range(new_start, mention.start):
                    owner[i] = index
                mention.start = new_start
        clues.extend(t for t in doc[mention.start:mention.end] if t.i != mention.head)
        if mention.source in {"entity", "lexicon"} and mention.kind == "organization":
            clues.append(head)  # "the Russian Defence Ministry": the ministry says GOV
        read_clues(mention, clues, head, lexicon, names)
        _prepositional_clues(mention, index, head, mentions, owner)
        _placing_clues(mention, index, head, mentions, owner, lexicon, names)
        if head.dep_ == "conj" and owner.get(head.head.i) not in (None, index):
            mention.conj_of = owner[head.head.i]
        appositives = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            appositives.append(head.head)
        for other_token in appositives:
            other = owner.get(other_token.i)
            if other is not None and other != index and mention.appositive is None \
                    and mentions[other].kind not in {"pronoun", "pair"}:
                mention.appositive = other


def _prepositional_clues(mention: Mention, index: int, head: Token, mentions: list[Mention],
                         owner: dict[int, int]) -> None:
    """'the president of Armenia', 'a spokesman for the army', 'protesters in Tehran'."""
    if mention.kind not in {"person", "group", "organization", "people"}:
        return
    for prep in head.rights:
        serving = mention.role is not None and mention.role.role in SERVING_ROLES
        if prep.dep_ != "prep" or (prep.lower_ not in {"of", "for", "from", "in", "at",
                                                      "throughout", "across"} and not (
                serving and prep.lower_ == "to")):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            other = owner.get(obj.i)
            if other is None or other == index:
                continue
            target = mentions[other]
            if prep.lower_ in {"in", "at", "throughout", "across"} and (
                    (mention.role is None and mention.kind != "people")
                    or not _subject_like(head)):
                continue  # "a truce with rebels in Pretoria": where, not whose
            if target.kind in {"country", "capital", "place", "organization", "people",
                               "place-as-government", "group"} or (
                    serving and target.kind == "person"):
                mention.cue_mentions.append(other)


def _placing_clues(mention: Mention, index: int, head: Token, mentions: list[Mention],
                   owner: dict[int, int], lexicon: Lexicon,
                   names: dict[int, tuple[int, int, str]]) -> None:
    """Where a group is from by where it is based or what it takes part in: 'a newspaper
    based in east Beirut', 'guerrillas operating in Macedonia', 'the parties to the
    conflict in Iraq', 'the parties to the Bosnian conflict'."""
    if mention.kind not in {"group", "organization", "people"}:
        return
    places: list[Token] = []
    # a state's forces operating abroad are still its own ("troops operating in Iraq")
    state_body = mention.role is not None and mention.role.sector in STATE_SECTORS
    for verb in head.rights:
        if verb.dep_ in {"acl", "amod", "relcl"} and verb.lemma_.lower() in BASED_VERBS \
                and not state_body:
            places.extend(obj for prep in verb.rights if prep.dep_ == "prep"
                          and prep.lower_ in {"in", "at", "inside", "from", "out"}
                          for obj in _objects(prep))
    if mention.role is not None and mention.role.role == "party to":
        doc = head.doc
        to = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "to"),
                  doc[head.i + 1] if head.i + 1 < len(doc) else None)
        for what in (_objects(to) if to is not None else []):  # "the conflict"
            for left in what.lefts:
                if left.i in names and left.dep_ in {"amod", "compound", "nmod"}:
                    meaning = lexicon.names.get(names[left.i][2], [])
                    country = next((m.country for m in meaning if m.country), None)
                    if country and country not in mention.cue_countries:
                        mention.cue_countries.append(country)  # "the Bosnian conflict"
            places.extend(obj for prep in what.rights if prep.dep_ == "prep"
                          and prep.lower_ in {"in", "over", "inside"}
                          for obj in _objects(prep))
    for place in places:
        other = owner.get(place.i)
        if other is not None and other != index and mentions[other].kind in {
                "country", "capital", "place", "place-as-government"}:
            mention.cue_mentions.append(other)


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition, with what is coordinated to them."""
    found = []
    for obj in prep.children:
        if obj.dep_ == "pobj":
            found.append(obj)
            found.extend(c for c in obj.children if c.dep_ == "conj")
        elif obj.dep_ == "prep":  # "out of Damascus"
            found.extend(_objects(obj))
    return found


def read_clues(mention: Mention, tokens: list[Token], head: Token, lexicon: Lexicon,
               names: dict[int, tuple[int, int, str]]) -> None:
    best = mention.role
    title_tokens: list[Token] = []
    # "ethnic Albanian guerrillas" are not Albania's; "Macedonian ethnic Albanians" are
    # Macedonia's: only the names after "ethnic" name a people rather than a state
    ethnic_at = min((t.i for t in [*tokens, head.doc[max(head.i - 1, 0)]]
                     if t.lower_ == "ethnic"), default=None)
    for token in sorted(tokens, key=lambda t: t.i):
        lower = token.lower_
        if lower in FORMER or lower.startswith("ex-"):
            mention.former = True
            continue
        if token.i in names and _against_or_for(token):
            continue  # "anti-Syria journalist": not Syria's
        if token.i in names and ethnic_at is not None and token.i > ethnic_at:
            if mention.ethnicity is None:
                mention.ethnicity = _name_country(lexicon, names, token.i)
            continue
        if token.i in names:
            _, _, key = names[token.i]
            for meaning in lexicon.names.get(key, []):
                if meaning.country and meaning.country not in mention.cue_countries:
                    mention.cue_countries.append(meaning.country)
                if meaning.kind == "organization" and mention.org is None:
                    mention.org = meaning.org
                break
            continue
        if token.pos_ in {"NOUN", "PROPN"} or (token.pos_ == "ADJ" and token.lower_ in
                                                 ADJECTIVE_ROLES):
            role = role_of(token, lexicon)
            if role is not None:
                if token.pos_ != "ADJ":
                    title_tokens.append(token)
                if best is None or role.strength > best.strength:
                    best = role
    mention.role = best
    _read_chain(mention, head, lexicon, names)
    if title_tokens and mention.kind == "person" and mention.title is None:
        first = min(t.i for t in title_tokens)
        stack = list(title_tokens)
        while stack:
            for left in stack.pop().lefts:
                if left.dep_ in {"compound", "amod"} and left.i not in names \
                        and left.lower_ not in FORMER:
                    first = min(first, left.i)
                    stack.append(left)
        last = max(t.i for t in title_tokens)
        words = [t.text for t in head.doc[first:last + 1]
                 if t.i not in names and t.lower_ not in FORMER and t.tag_ != "POS"]
        if words:
            mention.title = " ".join(words)


def _name_country(lexicon: Lexicon, names: dict[int, tuple[int, int, str]], i: int
                  ) -> str | None:
    return next((m.country for m in lexicon.names.get(names[i][2], []) if m.country), None)


def _read_chain(mention: Mention, head: Token, lexicon: Lexicon,
                names: dict[int, tuple[int, int, str]]) -> None:
    """A state word before a people's name: 'Bosnian Serbs', 'Kosovo Albanian leader',
    'Turkish Cypriots', 'Chinese Americans'.

    Of two state words in a row the first says where the group lives and the second
    which people it is (Bosnian Serbs are Bosnia's), unless the second is a civic
    demonym, which names citizens whatever their origin (Chinese Americans are
    American). Sets the mention's home and ethnicity.
    """
    doc = head.doc
    chain: list[tuple[str, str]] = []  # (name key, country), left to right
    chain_end = i = mention.start
    while i < mention.end:
        if i not in names or (chain and not _follows(doc, chain_end, i, head)):
            if len(chain) >= 2:
                break
            chain = []
            i += 1
            continue
        start, end, key = names[i]
        meanings = lexicon.names.get(key, [])
        meaning = next((m for m in meanings if m.kind in {"demonym", "country"}
                        and m.country), None)
        if meaning is None or (chain and meaning.kind != "demonym") \
                or (doc[start - 1].lower_ == "ethnic" if start > 0 else False):
            chain = []
        else:
            chain.append((key, meaning.country))
        chain_end = end
        i = end
    if len(chain) < 2 or len({country for _, country in chain}) < 2:
        return
    civic = [country for key, country in chain[1:] if key in lexicon.civic]
    if civic:
        mention.home, kin = civic[-1], chain[0][1]
    else:
        mention.home, kin = chain[0][1], chain[-1][1]
    if kin != mention.home and mention.ethnicity is None:
        mention.ethnicity = kin


def _follows(doc: Doc, end: int, i: int, head: Token) -> bool:
    """The name at `i` follows the one ending at `end` directly: 'Bosnian Serb', or with
    a hyphen when it heads the phrase ('Chinese-Americans')."""
    if i == end:
        return True
    return i == end + 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and i == head.i
