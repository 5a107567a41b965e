"""PETRARCH dictionary records as communique's tables: people, names, roles, triggers.

The readers (`petrarch.py`) give records; this module decides what each means here, by
rules written in docs/dictionaries.md and docs/actors.md:

- a CAMEO actor code ("AFGGOVAGR", "IGOUNOREFHCR", "SYRREBMUS") is a country (ISO
  alpha-3, or IGO, NGO, MNC, IMG), the first of its three-letter parts that is one of
  communique's sectors, and, for international bodies, the body's own short code;
  codes of regions, territories or unknown countries are dropped, and counted;
- an international body's entry with no sector of its own takes the sector most common
  among the entries that share its org code ("OPEC [IGOOPC]" is BUS as "[IGOBUSOPC]" is):
  one body, one trade. A family's code (UNO, EUR) or a region's (AFR, WAF), which many
  bodies of every trade share, lends none; a body no entry gives a sector keeps none;
- an actor with dated codes, or whose name is a person's, is a known actor with the
  roles it held by date (the registry's format); an organisation, an armed group or an
  acronym is a name of the lexicon;
- an agent noun is a role word; a verb pattern is a trigger pattern where communique's
  grammar can say the same (head verb, its particle, its object or preposition), and
  is counted as left out otherwise.

The same rules serve a user's dictionary at load time and the package's tables, which
`tools/make_petrarch_tables.py` converts once.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import vocabulary
from .lexicon import NONSTATE_COUNTRIES, known_country
from .petrarch import (
    NULL_CODE,
    ActorEntry,
    AgentEntry,
    PatternWord,
    Skipped,
    VerbDictionary,
)

# CAMEO country codes that are not ISO alpha-3, as countries.tsv codes the same states
COUNTRY_ALIASES = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB",
                   "DDR": "DEU", "CSK": "CZE", "KSV": "KOS", "TMP": "TLS", "ROM": "ROU",
                   "ZAR": "COD", "NGM": "NGO"}
# CAMEO agent codes that are not communique sectors but say one
SECTOR_ALIASES = {"INS": "REB", "SEP": "REB", "MNC": "BUS", "NGM": "CVL", "CHR": "REL",
                  "MUS": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "CON": "REL",
                  "SHI": "REL", "SUN": "REL", "PRO": "REL", "CTH": "REL", "ITH": "REL",
                  "SIK": "REL", "TAO": "REL", "ZRO": "REL", "JAN": "REL", "DRZ": "REL",
                  "MOS": "REL", "ATH": "REL", "ALE": "REL", "SHN": "REL", "IRF": "REL",
                  "OPT": "REL", "MOD": None, "RAD": None, "IGO": None, "UNO": None}
# bodies whose second part names the family ("IGOUNOREFHCR" is the UN's refugee agency):
# communique gives the family's code, as organisations.tsv does
ORG_FAMILIES = frozenset({"UNO", "EUR"})
# CAMEO's region codes: "IGOAFR" is some African body, not one body, so its entries lend
# no sector to one another
REGIONS = frozenset({"AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF",
                     "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF",
                     "SAM", "SAS", "SCN", "SEA", "WAF", "WST"})
# words that make a name an organisation's, not a person's
ORGANISATION_WORDS = frozenset({
    "army", "armies", "party", "parties", "front", "council", "ministry", "ministries",
    "government", "governments", "union", "organization", "organisation", "organizations",
    "association", "agency", "commission", "committee", "court", "tribunal", "bank", "fund",
    "assembly", "parliament", "congress", "senate", "house", "cabinet", "office",
    "department", "service", "services", "force", "forces", "guard", "guards", "brigade",
    "brigades", "movement", "league", "alliance", "coalition", "group", "groups", "network",
    "institute", "foundation", "federation", "company", "corporation", "authority",
    "administration", "police", "navy", "militia", "militias", "regime", "embassy",
    "mission", "secretariat", "program", "programme", "bureau", "board", "corps", "club",
    "society", "centre", "center", "university", "college", "church", "faction", "rebels",
    "insurgents", "cells", "cell", "nuclei", "commando", "commandos", "battalion",
    "division", "regiment", "legion", "army's", "unit", "units", "people's",
})
# an undated code of these sectors, or of a non-state "country", names a body or a
# group, not a person: "JAMAAT ANSAR AL-SUNNA [IRQREB]", "ANSAR DINE [MLIREB]"
BODY_SECTORS = frozenset({"REB", "OPP", "PTY", "UAF", "CRM", "NGO", "BUS", "MED", "HRI",
                          "DEV", "ENV", "REL", "LAB", "EDU"})
ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul"})  # al-Bashir
CONSECUTIVE_PARTICLES = frozenset({"out", "up", "down", "off", "aside", "forward", "back",
                                   "away", "over", "in", "on"})
# particles that are more often prepositions, their object after them: "count on", "join in"
OPEN_PREPOSITIONS = frozenset({"in", "on"})


@dataclass(frozen=True, slots=True)
class ActorCode:
    country: str
    sector: str | None
    org: str | None


@dataclass(slots=True)
class Converted:
    """What a dictionary gives communique, in the rows its tables are made of."""

    people: list[dict] = field(default_factory=list)  # registry rows, one per dated role
    names: list[dict] = field(default_factory=list)  # organisations.tsv rows
    roles: list[dict] = field(default_factory=list)  # roles.tsv rows
    patterns: list[dict] = field(default_factory=list)  # triggers.yaml entries
    skipped: Skipped = field(default_factory=Skipped)
    kept: dict[str, int] = field(default_factory=dict)
    seen_names: set[str] = field(default_factory=set)  # body names written so far
    # origins (file:line) of patterns that name the verb and its particle only ("- * DOWN"):
    # patterns, not a block's bare verbs, though they carry no object
    particle_patterns: set[str] = field(default_factory=set)
    generic: frozenset[str] = frozenset()  # words a body's name must not be made of only

    def count(self, what: str, n: int = 1) -> None:
        self.kept[what] = self.kept.get(what, 0) + n


# -- actor codes -------------------------------------------------------------------------
def actor_code(code: str, sectors: Iterable[str]) -> ActorCode | str:
    """A CAMEO actor code read as communique's country, sector and org; or the reason
    it cannot be ("a region").

    >>> actor_code("AFGGOVAGR", {"GOV", "AGR"})
    ActorCode(country='AFG', sector='GOV', org=None)
    """
    code = code.strip().upper()
    if code in {NULL_CODE, ""} or len(code) < 3 or len(code) % 3:
        return "codes that are not CAMEO actor codes"
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = COUNTRY_ALIASES.get(parts[0], parts[0])
    if country not in NONSTATE_COUNTRIES and not known_country(country):
        return "codes of regions or of no known country (ELI, MEA, KKL, ...)"
    sectors = set(sectors)
    sector = None
    others: list[str] = []
    for part in parts[1:]:
        found = part if part in sectors else SECTOR_ALIASES.get(part, "?")
        if found == "?":
            others.append(part)
        elif sector is None and found is not None:
            sector = found
    if country in {"IGO", "NGO", "MNC"}:
        if country == "MNC":
            sector = sector or "BUS"
        if country != "IGO":
            return ActorCode(country, sector, None)  # "NGOHRICAN": CAN is a home, not a body
        family = parts[1] if len(parts) > 1 and parts[1] in ORG_FAMILIES else None
        org = family or next((p for p in reversed(others) if not known_country(p)), None)
        return ActorCode(country, sector, org)
    if others and sector is None and country != "IMG":
        # "GBRGIB" (Gibraltar), "USAPRI" (Puerto Rico): places, which the gazetteer knows
        return "codes of territories and places (GBRGIB, USAPRI, ...)"
    return ActorCode(country, sector, None)


def org_sectors(entries: Iterable[ActorEntry], sectors: Iterable[str]) -> dict[str, str]:
    """The sector each international body's org code takes: the one most common among
    the entries of that org that give one (ties to the first alphabetically); none for
    families and regions (ORG_FAMILIES, REGIONS)."""
    sectors = frozenset(sectors)
    counts: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        given = set()
        for dated in entry.codes:
            meaning = actor_code(dated.code, sectors)
            if isinstance(meaning, ActorCode) and meaning.org and meaning.sector:
                given.add((meaning.org, meaning.sector))
        for org, sector in given:  # an entry counts once, however many dates it has
            counts[org][sector] += 1
    return {org: min(c, key=lambda s: (-c[s], s)) for org, c in counts.items()
            if org not in ORG_FAMILIES | REGIONS}


# -- actors ------------------------------------------------------------------------------
def convert_actors(entries: Iterable[ActorEntry], sectors: Iterable[str], out: Converted,
                   *, where: str, open_until: str | None = None,
                   titles: Iterable[str] = (), generic: Iterable[str] = (),
                   by_org: Mapping[str, str] | None = None) -> None:
    """Actor records as people (dated roles) and names (organisations, armed groups).

    A person's synonym that starts with a title ("PRESIDENT XI JINPING") is left out:
    communique reads the title itself, and a title is no name to be known by. An
    international body's code with no sector takes its org's (`by_org`, from
    `org_sectors`; computed from `entries` when not given)."""
    sectors = frozenset(sectors)
    entries = list(entries)
    if by_org is None:
        by_org = org_sectors(entries, sectors)
    out.generic = frozenset(w.lower() for w in generic)
    titles = frozenset(t.lower() for t in titles) | {"ex", "former", "the", "mr", "mr.",
                                                      "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
                                                      "sir", "madam", "sheikh", "gen."}
    for entry in entries:
        roles = []
        for dated in entry.codes:
            meaning = actor_code(dated.code, sectors)
            if isinstance(meaning, str):
                out.skipped.add(meaning, f"{where}:{entry.line}")
                continue
            if meaning.sector is None and meaning.org in by_org:
                meaning = ActorCode(meaning.country, by_org[meaning.org], meaning.org)
                out.count("codes of international bodies given their org's sector")
            until = dated.until
            if until is None and dated.since is not None and open_until:
                until = max(open_until, dated.since)
            roles.append((meaning, dated.since, until))
        if not roles:
            if not entry.codes:
                out.skipped.add("actors with no code", f"{where}:{entry.line}")
            continue
        names = [display_name(n) for n in entry.names]
        if all(m.sector is None and m.country not in NONSTATE_COUNTRIES and not (since or until)
               for m, since, until in roles):
            # "AFGHANISTAN_ [AFG]" and its towns and provinces: countries.tsv and the
            # gazetteer know countries and places
            out.skipped.add("country names and places (countries.tsv and the gazetteer "
                            "place them)", f"{where}:{entry.line}")
            continue
        dated = any(since or until for _, since, until in roles)
        first = roles[0][0]
        is_person = dated or (looks_like_person(names[0]) and first.sector not in BODY_SECTORS
                              and first.country not in NONSTATE_COUNTRIES)
        if not is_person:
            _organisation(names, roles[0][0], out, f"{where}:{entry.line}")
            continue
        person_names = [n for n in names if looks_like_person(n)
                        and not _titled(n, titles)]
        if len(person_names) < len(names):
            out.skipped.add("names of bodies among a person's names (ASSAD GOVERNMENT)",
                            f"{where}:{entry.line}")
        if not person_names:
            continue
        for meaning, since, until in roles:
            out.people.append({"names": person_names, "kind": "person",
                               "country": meaning.country, "sector": meaning.sector,
                               "org": meaning.org, "since": since, "until": until})
        out.count("people")


def _titled(name: str, titles: frozenset[str]) -> bool:
    words = name.lower().replace("-", " ").split()
    return words[0] in titles or " ".join(words[:2]) in titles


def _organisation(names: list[str], meaning: ActorCode, out: Converted, where: str) -> None:
    valid = [n for n in names if _lexicon_name(n)]
    if out.generic:
        named = [n for n in valid if not all(w in out.generic for w in n.lower().split())]
        if len(named) < len(valid):
            # "National Security Council", "Revolutionary Army": many countries' bodies
            # go by these; the actors stage codes them from whose they are
            out.skipped.add("names of common words only (National Security Council)", where)
        valid = named
    if not valid:
        out.skipped.add("names of one common word (SENATE), left to role words", where)
        return
    kept = [n for n in valid if n.lower() not in out.seen_names]
    out.seen_names.update(n.lower() for n in kept)
    if len(kept) < len(valid):
        out.skipped.add("names given twice (the first record wins)", where)
    if not kept:
        return
    out.names.append({"names": kept, "country": meaning.country, "sector": meaning.sector,
                      "org": meaning.org, "kind": "organization"})
    out.count("organisations and groups")


def _lexicon_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 or (len(name) >= 3 and name.isupper() and name.isalpha()) \
        or (len(words) == 1 and name[:1].isupper() and name.lower() not in ORGANISATION_WORDS
            and "-" in name)


def looks_like_person(name: str) -> bool:
    words = [w.lower().strip(".,()") for w in name.split()]
    return 2 <= len(words) <= 5 and not any(w in ORGANISATION_WORDS for w in words) \
        and not name.isupper()


def display_name(phrase: str) -> str:
    """"KOFI ANNAN" -> "Kofi Annan"; acronyms stay ("IAEA", "U.N."); "(AAIA)" drops."""
    phrase = re.sub(r"\s*\([^)]*\)\s*", " ", phrase).strip() or phrase
    words = phrase.split()
    if len(words) == 1 and (len(phrase) <= 4 or "." in phrase) and phrase.isupper():
        return phrase
    return " ".join(_title(w) for w in words)


def _title(word: str) -> str:
    if "." in word and len(word) <= 5:
        return word  # "U.N.", "U.S."
    if word.isupper() and len(word) <= 4 and not re.search(r"[AEIOUY]", word):
        return word  # "FSB", "PKK"
    lowered = {"al": "al", "el": "el", "bin": "bin", "of": "of", "the": "the", "and": "and",
               "for": "for", "de": "de", "du": "du", "van": "van", "von": "von", "da": "da",
               "ibn": "ibn", "in": "in", "on": "on"}
    low = word.lower()
    if low in lowered:
        return lowered[low]
    parts = low.split("-")
    return "-".join(part if part in ARTICLES and n < len(parts) - 1 else _capital(part)
                    for n, part in enumerate(parts))


def _capital(word: str) -> str:
    """"o'brien" -> "O'Brien", "women's" -> "Women's"."""
    pieces = word.split("'")
    out = [pieces[0][:1].upper() + pieces[0][1:]]
    for before, piece in itertools.pairwise(pieces):
        out.append(piece[:1].upper() + piece[1:] if len(before) == 1 else piece)
    return "'".join(out)


# -- agents ------------------------------------------------------------------------------
ORGANISATION_HEADS = frozenset({
    "company", "corporation", "industry", "bank", "ministry", "agency", "party", "union",
    "association", "council", "committee", "court", "business", "airline", "enterprise",
    "firm", "conglomerate", "maker", "manufacturer", "school", "university", "college",
    "church", "mosque", "temple", "hospital", "clinic", "newspaper", "media", "government",
    "authority", "administration", "army", "navy", "force", "police", "militia", "group",
    "network",
})
GROUP_HEADS = frozenset({"people", "clergy", "community", "population", "public",
                         "staff", "personnel", "youth", "workforce"})


def convert_agents(entries: Iterable[AgentEntry], sectors: Iterable[str], out: Converted,
                   *, where: str) -> None:
    """Agent nouns as role words with the sector their code says (`~GOV`, `NGO~`)."""
    sectors = frozenset(sectors)
    seen: set[str] = set()
    for entry in entries:
        parts = [entry.code[i:i + 3] for i in range(0, len(entry.code), 3)]
        sector = None
        for part in parts:
            found = part if part in sectors else SECTOR_ALIASES.get(part)
            if found:
                sector = found
                break
        if sector is None:
            out.skipped.add("agents whose code is no sector (~ELI? ~MOD)", f"{where}:{entry.line}")
            continue
        words = entry.phrase.lower().split()
        if len(words) > MAX_AGENT_WORDS:
            out.skipped.add(f"agent phrases of more than {MAX_AGENT_WORDS} words",
                            f"{where}:{entry.line}")
            continue
        role = " ".join(words)
        if role in seen:
            continue
        seen.add(role)
        head = agent_head(words)
        kind = "organization" if head in ORGANISATION_HEADS else (
            "group" if head in GROUP_HEADS else "person")
        media = "MED" in parts  # GOVMED, "state media": kept apart for the tables' rule
        out.roles.append({"role": role, "sector": sector, "kind": kind, "strength": 1,
                          "media": media})
        out.count("role words" if len(words) <= 2 else "role phrases of three words or more")


MAX_AGENT_WORDS = 6  # longer ones are lists of ministries' portfolios, never written so
AGENT_LINKS = vocabulary.words("role_phrase_links")


def agent_head(words: list[str]) -> str:
    """The word an agent phrase names: the last, or the one before its first 'of'
    ("chief justice of the supreme court", "chamber of commerce")."""
    for i, word in enumerate(words):
        if word in AGENT_LINKS and i > 0:
            return words[i - 1]
    return words[-1]


# -- verbs -------------------------------------------------------------------------------
def convert_verbs(verbs: VerbDictionary, known_codes: Iterable[str], out: Converted,
                  *, where: str) -> None:
    """Verb blocks as trigger patterns: a block's own code for its verbs alone, and each
    pattern communique's grammar can say (`- * OBJECT`, `- * (PREP OBJECT)`, `- * (PREP)`,
    `- SUBJECT * ...`, `- * PARTICLE OBJECT`) with the block's verbs as its verbs."""
    known = frozenset(known_codes)
    for block in verbs.blocks:
        lemmas: list[str] = []
        for verb in block.verbs:
            if verb.head != 0:
                out.skipped.add("verbs with words before the verb (WIRE_+TAP)",
                                f"{where}:{verb.line}")
                continue
            lemma = " ".join(verb.words).lower()
            lemmas.append(lemma)
            code = verb.code or block.code
            if verb.code and verb.code != NULL_CODE:
                _emit(out, known, code, {"verbs": [lemma]}, f"{where}:{verb.line}",
                      "verbs alone")
        if not lemmas:
            continue
        if block.code != NULL_CODE:
            plain = [v for v, w in zip(lemmas, [w for w in block.verbs if w.head == 0],
                                       strict=False) if w.code is None]
            if plain:
                _emit(out, known, block.code, {"verbs": plain}, f"{where}:{block.line}",
                      "verbs alone")
        for pattern in block.patterns:
            fields = _pattern_fields(pattern.before, pattern.after, lemmas, verbs.synsets,
                                     out.skipped, f"{where}:{pattern.line}")
            if fields is None:
                continue
            code, reverse = [*pattern.code.split(":", 1), ""][:2]
            if not code:
                out.skipped.add("patterns coding only the reverse direction ([:173])",
                                f"{where}:{pattern.line}")
                continue
            if reverse and reverse == code:
                fields["reciprocal"] = True
            if fields.pop("particle_only", False):
                out.particle_patterns.add(f"{where}:{pattern.line}")
            _emit(out, known, code, fields, f"{where}:{pattern.line}", "patterns")


def _emit(out: Converted, known: frozenset[str], code: str, fields: dict, where: str,
          what: str) -> None:
    if code == NULL_CODE:
        out.skipped.add("patterns with the null code [---]", where)
        return
    if code not in known:
        out.skipped.add("codes that are not CAMEO event codes communique knows", where)
        return
    out.patterns.append({"code": code, **fields, "origin": where})
    out.count(what)


def _pattern_fields(before: tuple[PatternWord, ...], after: tuple[PatternWord, ...],
                    lemmas: list[str], synsets: dict[str, tuple[str, ...]],
                    skipped: Skipped, where: str) -> dict | None:
    if any(e.kind == "marker" for e in (*before, *after)):
        skipped.add("patterns placing the source or target ($ + % ^)", where)
        return None
    fields: dict = {}
    if before:
        if len(before) > 1:
            skipped.add("patterns with more than one word before the verb", where)
            return None
        subjects = _words(before[0], synsets)
        if subjects is None:
            skipped.add("patterns with an undefined synonym set", where)
            return None
        fields["subjects"] = subjects
    rest = list(after)
    particle = None
    # "- * DOWN" (clamp down), "- * OUT OBJECT": a particle right after the verb is the
    # verb's, alone or before an object, never the object
    if rest and rest[0].kind == "word" and rest[0].words[0].lower() in CONSECUTIVE_PARTICLES:
        particle = rest.pop(0).words[0].lower()
    # "SET UP" under "- * UP OBJECT" stays "set up", not "set up up"; under "- * UP" alone
    # it would be the bare verb, which is no pattern
    verbs = [f"{v} {particle}" if particle and v.split()[-1] != particle else v
             for v in lemmas
             if not (particle and not rest and not before and v.split()[-1] == particle)]
    if not verbs:
        skipped.add("patterns with nothing but the verb", where)
        return None
    if len(rest) > 1:
        skipped.add("patterns with more than one phrase after the verb", where)
        return None
    if rest:
        element = rest[0]
        if element.kind == "prep":
            prep = element.words[0].lower()
            verbs = [f"{v} {prep}" for v in verbs]
            if len(element.words) > 1:
                obj = _words(PatternWord("phrase", element.words[1:])
                             if not element.words[1].startswith("&")
                             else PatternWord("synset", element.words[1:2]), synsets)
                if obj is None or (len(element.words) > 2 and element.words[1].startswith("&")):
                    skipped.add("patterns with an undefined synonym set", where)
                    return None
                fields["objects"] = obj
        else:
            obj = _words(element, synsets)
            if obj is None:
                skipped.add("patterns with an undefined synonym set", where)
                return None
            fields["objects"] = obj
    elif not before and not particle:
        skipped.add("patterns with nothing but the verb", where)
        return None
    elif particle:
        # "- * DOWN": the verb and its particle. "- * ON" is a preposition whose object
        # the pattern does not name ("campaign on"), as "- * (ON)" would be
        fields["particle_only"] = particle not in OPEN_PREPOSITIONS
    fields["verbs"] = verbs
    return fields


def _words(element: PatternWord, synsets: dict[str, tuple[str, ...]]) -> list[str] | None:
    """The phrases an element stands for; a synset inside a phrase is expanded in place."""
    if element.kind == "synset":
        found = synsets.get(element.words[0])
        return [w.lower() for w in found] if found else None
    words = element.words
    expanded = [""]
    for word in words:
        if word.startswith("&"):
            found = synsets.get(word.rstrip("_"))
            if not found:
                return None
            expanded = [f"{p} {w}".strip() for p in expanded for w in found]
        else:
            expanded = [f"{p} {word}".strip() for p in expanded]
    return [phrase.lower().replace("_", " ") for phrase in expanded]


__all__ = ["ActorCode", "Converted", "actor_code", "agent_head", "convert_actors", "convert_agents",
           "convert_verbs", "display_name", "looks_like_person", "org_sectors"]
