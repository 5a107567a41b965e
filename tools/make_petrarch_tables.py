"""Build the package's tables from the open event-data dictionaries (PETRARCH2, MIT).

Run by hand when the dictionaries change:

    PYTHONPATH=src python tools/make_petrarch_tables.py ../shared/reference/petrarch2

It reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt, Phoenix.agents.txt and CAMEO.2.0.txt with the package's
own readers (communique.tables.petrarch), converts them by the rules of
communique.tables.petrarch_convert, and writes into src/communique/data/petrarch/:

- people.tsv         known people and the roles they held, by date (the registry's rows)
- organisations.tsv  international bodies, armed groups, parties, state bodies
- roles.tsv          agent nouns as role words
- triggers.yaml      verb patterns as trigger patterns (kept batches only, see KEEP)
- NOTICE.md          provenance, the MIT notice, and the counts of what was kept and left out

The package never reads ../shared at run time; it carries what this script writes.
Decisions (docs/actors.md, docs/dictionaries.md): the hand-written tables win where
they and the dictionaries name the same actor or word (at load time, so a later edit of
people.yaml still wins); roles open at the dictionaries' end (30 January 2014, the date
the country file was generated) are closed on that day; an international body's code
without a sector takes the one most common among its org's codes in the three actor files.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from communique.errors import E003
from communique.tables import CameoTable, Lexicon, PatternEntry, vocabulary
from communique.tables.loader import package_file, read_yaml_list
from communique.tables.petrarch import read_actors, read_agents, read_verbs
from communique.tables.petrarch_convert import (
    Converted,
    agent_head,
    convert_actors,
    convert_agents,
    convert_verbs,
    org_sectors,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "communique" / "data" / "petrarch"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
DICTIONARIES_END = "2014-01-30"
FORMER = vocabulary.words("former")
ADJECTIVE_ROLES = vocabulary.words("adjective_roles")
# words that name no one body: a name made of these only ("National Security Council",
# "Revolutionary Army", "Islamic Party") is many countries', and is left out
GENERIC_WORDS = frozenset({
    "national", "guard", "guards", "ministry", "interior", "supreme", "court", "army",
    "police", "federal", "state", "central", "bank", "republican", "people", "peoples",
    "people's", "popular", "council", "security", "service", "forces", "force", "military",
    "navy", "air", "defence", "defense", "foreign", "affairs", "justice", "high",
    "commission", "committee", "party", "the", "of", "and", "for", "in", "liberation",
    "front", "democratic", "revolutionary", "islamic", "union", "assembly", "general",
    "office", "department", "intelligence", "agency", "border", "special", "presidential",
    "government", "opposition", "movement", "coast", "new", "social", "labour", "labor",
    "workers", "green", "socialist", "communist", "liberal", "conservative", "armed",
    "resistance", "brigade", "brigades", "organization", "organisation", "group", "ngo",
    "ngos", "mnc", "mncs", "igo", "igos", "zero",
})
# Verb patterns kept in the shipped triggers: CAMEO roots whose converted patterns were
# neutral on the dev gold and on events_fresh / events_fresh2, measured one root at a
# time as the package loads them (for verbs the hand-written table lacks, and new
# objects of its verbs that name all their objects; docs/events.md): 03, 05, 06, 07, 08,
# 10 and 11 each added false alarms and are left out. Verbs alone (a block's own code
# for its bare verbs) added 12 false alarms for 1 hit on the dev gold: left out.
KEEP_ROOTS: frozenset[str] = frozenset({"01", "02", "04", "09", "12", "13", "14", "15",
                                        "16", "17", "18", "19", "20"})
KEEP_VERBS_ALONE = False
# Roots that over-code as converted are kept only where a pattern is specific enough to
# hold (see _strict_verbs); each was measured alone on the same three sets, and only the
# roots whose strict patterns took nothing from precision or F1 are in STRICT_KEEP.
STRICT_ROOTS: frozenset[str] = frozenset({"03", "05", "06", "07", "08", "10", "11"})
STRICT_KEEP: frozenset[str] = frozenset({"03", "05"})
# light and many-sensed verbs: with them the object, not the verb, says what happened, and
# the dictionary's objects are too few to tell the senses apart ("take leave", "give way")
LIGHT_VERBS = frozenset({
    "make", "take", "give", "get", "have", "hold", "go", "come", "put", "set", "call", "say",
    "see", "do", "keep", "let", "bring", "turn", "run", "move", "carry", "leave", "open",
    "start", "begin", "end", "stop", "close", "show", "find", "look", "pull", "walk", "send",
    "raise", "lift", "break", "cut", "draw", "pass", "work", "meet", "receive", "offer",
    "seek", "ask", "tell", "be", "become", "use", "play", "reach", "lay", "sign", "place",
})


def main(source: Path) -> None:
    STRICT.clear()  # counts of this run only, however often main runs in one process
    PARTICLES.clear()
    lexicon = Lexicon.load(dictionaries=False)
    cameo = CameoTable.load()
    titles = [role for role, r in lexicon.roles.items() if r.title or r.leader]
    out = Converted()
    files = {}
    for name in ACTOR_FILES:
        files[name], skipped = read_actors(source / name)
        _merge_skipped(out, skipped)
    # an org's sector is decided over all three files: a body's people and its names
    # may be in different ones
    by_org = org_sectors(itertools.chain(*files.values()), lexicon.sectors)
    for name, entries in files.items():
        convert_actors(entries, lexicon.sectors, out, where=name, open_until=DICTIONARIES_END,
                       titles=titles, generic=GENERIC_WORDS | set(lexicon.roles),
                       by_org=by_org)
    agents, skipped = read_agents(source / "Phoenix.agents.txt")
    _merge_skipped(out, skipped)
    convert_agents(agents, lexicon.sectors, out, where="Phoenix.agents.txt")
    verbs = read_verbs(source / "CAMEO.2.0.txt")
    _merge_skipped(out, verbs.skipped)
    convert_verbs(verbs, {c.code for c in cameo}, out, where="CAMEO.2.0.txt")
    OUT.mkdir(parents=True, exist_ok=True)
    write_people(out.people)
    write_names(out.names)
    roles = write_roles(out.roles, lexicon)
    out.kept["role words written (one-word force nouns, and phrases refining a role word's sector)"] = len(roles)
    kept, dropped = write_triggers(out.patterns, out.particle_patterns)
    write_notice(source, out, kept, dropped)
    for root, counts in sorted(STRICT.items()):
        print(root, dict(counts))


def _merge_skipped(out: Converted, skipped) -> None:
    for reason, n in skipped.counts.items():
        out.skipped.counts[reason] += n
        out.skipped.first.setdefault(reason, skipped.first[reason])


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(value)
    return str(value)


HEADER = ("# Converted by tools/make_petrarch_tables.py from the PETRARCH2 dictionaries\n"
          "# (Open Event Data Alliance, MIT licence: see NOTICE.md beside this file).\n"
          "# Do not edit by hand: edit the dictionaries or the converter and run it again.\n")


def write_people(rows: list[dict]) -> None:
    columns = ("names", "country", "sector", "org", "since", "until")
    lines = [HEADER, "\t".join(columns) + "\n"]
    for row in rows:
        lines.append("\t".join(_cell(row[c]) for c in columns) + "\n")
    (OUT / "people.tsv").write_text("".join(lines), encoding="utf-8")


def write_names(rows: list[dict]) -> None:
    columns = ("names", "country", "sector", "org", "kind")
    lines = [HEADER, "\t".join(columns) + "\n"]
    for row in rows:
        lines.append("\t".join(_cell(row[c]) for c in columns) + "\n")
    (OUT / "organisations.tsv").write_text("".join(lines), encoding="utf-8")


def write_roles(rows: list[dict], lexicon: Lexicon) -> list[dict]:
    """Agent nouns the actors stage can use without making new mentions.

    - one word: the state's force nouns ("destroyer", "gendarme"), see _force; other new
      head words would make new mentions ("movement", "web site", "victims"), and measured
      on the dev gold those cost precision (docs/actors.md);
    - a phrase ("central bank", "opposition leader", "chief justice of the supreme
      court"): kept where its head word is a hand-written role word and the phrase's
      sector differs from the one the hand-written table gives the longest part of the
      phrase it knows; it takes the head word's kind, strength and flags (a title stays a
      title), so only the sector changes. The hand-written table wins for the phrases it
      has."""
    columns = ("role", "sector", "kind", "strength", "leader", "title")
    lines = [HEADER, "\t".join(columns) + "\n"]
    kept = []
    for row in rows:
        words = row["role"].split()
        if row["role"] in lexicon.roles:
            continue
        if len(words) == 1:
            if _force(row):
                kept.append({**row, "leader": "no", "title": "no"})
            continue
        head_word = agent_head(words)
        head = lexicon.roles.get(head_word)
        if words[0] in FORMER:  # "former president", "ousted leader": the stage's own rule
            continue
        if head is None or re.search(r"[\d/]", row["role"]):
            continue
        adjectives = [lexicon.roles[w] for w in words[:words.index(head_word)]
                      if w in ADJECTIVE_ROLES and w in lexicon.roles]
        if any(a.sector != row["sector"] for a in adjectives):
            continue  # "military junta" ~GOV: the stage's adjective rule (MIL) decides
        known = _known_part(words, head_word, lexicon) or head
        if row["sector"] == "GOV" and known.sector in {"LEG", "JUD", "MIL", "COP"}:
            continue  # "constituent assembly" ~GOV: the head's own state branch stands
        if known.sector == row["sector"] or (known.sector == "MED" and row.get("media")):
            continue  # nothing new; state media stay media (GOVMED), as the project codes them
        kept.append({**row, "kind": head.kind, "strength": head.strength,
                     "leader": "yes" if head.leader else "no",
                     "title": "yes" if head.title else "no"})
    for row in kept:
        lines.append("\t".join(_cell(row[c]) for c in columns) + "\n")
    (OUT / "roles.tsv").write_text("".join(lines), encoding="utf-8")
    return kept


def _known_part(words: list[str], head_word: str, lexicon: Lexicon):
    """The hand-written role for the longest run of the phrase's words ending at its head
    ("foreign minister" in "vice foreign minister")."""
    end = words.index(head_word) + 1
    for start in range(end - 1):
        role = lexicon.roles.get(" ".join(words[start:end]))
        if role is not None:
            return role
    return None


def _force(row: dict) -> bool:
    """One-word agent nouns of the state's forces ("destroyer", "frigate", "gendarme"):
    "an American destroyer" is an actor the way "a Turkish warship" is."""
    role = row["role"]
    return " " not in role and row["sector"] in {"MIL", "COP"} \
        and role not in NOT_ACTORS and not re.search(r"[\d/]", role)


# one-word force nouns with an everyday sense news uses more ("the carrier", "a prison"),
# and weapons, which are what forces use, not who acts ("launched artillery"); model
# names with digits ("F-16", "Su-24") are left out by the rule above
NOT_ACTORS = frozenset({"carrier", "prison", "echelon", "naval", "phalanx", "captain",
                        "capt.", "barracks", "garrison", "privateer", "artillery", "humvee",
                        "hmmwv", "jetfighter", "kfir", "mig"})


class HandTable:
    """What the strict rules need from the hand-written triggers.yaml: the CAMEO roots each
    head verb already codes, and the intent frame's verbs and nouns."""

    def __init__(self) -> None:
        path = package_file("triggers.yaml")
        self.roots: dict[str, set[str]] = defaultdict(set)
        self.intent: set[str] = set()
        for _, entry in read_yaml_list(path, PatternEntry, kind=E003, key="patterns"):
            for word in (*entry.verbs, *entry.nouns):
                self.roots[word.split()[0]].add(entry.code[:2])
                if entry.frame == "intent":
                    self.intent.add(word)
                    self.intent.add(word.split()[0])


def _strict_verbs(pattern: dict, hand: HandTable) -> tuple[list[str], str | None]:
    """The verbs of an over-coding root's pattern that are specific enough to keep, with
    the reason the pattern is left out when none is.

    A verb is kept when the pattern names an object or the verb a particle or preposition
    ("call off", "pull out of"), its head is no light or many-sensed verb (LIGHT_VERBS),
    and the hand-written table does not already use the head for another root; a root 03
    pattern ("express intent") only where the verb or the object is one of the intent
    frame's words in the hand-written table ("pledge", "offer", "plan")."""
    root = pattern["code"][:2]
    if root == "03" and not (set(pattern.get("objects", ())) | set(pattern["verbs"])) \
            & hand.intent:
        return [], "root 03 without an intent word"
    kept = []
    reason = None
    for verb in pattern["verbs"]:
        head = verb.split()[0]
        if "objects" not in pattern and " " not in verb:
            reason = "a bare verb"
        elif head in LIGHT_VERBS:
            reason = "a light or many-sensed verb"
        elif hand.roots.get(head, {root}) - {root}:
            reason = "a verb the hand-written table codes with another root"
        else:
            kept.append(verb)
    return kept, reason


def write_triggers(patterns: list[dict], particle_patterns: set[str] = frozenset()
                   ) -> tuple[int, int]:
    """The kept patterns, those of one code, verbs and subjects merged into one entry. A
    pattern of a verb and its particle only ("- * DOWN": clamp down) is a pattern, not a
    bare verb."""
    merged: dict[tuple, dict] = {}
    objects: dict[tuple, list[str]] = defaultdict(list)
    dropped = 0
    hand = HandTable()
    for pattern in patterns:
        alone = "objects" not in pattern and "subjects" not in pattern \
            and pattern["origin"] not in particle_patterns
        root = pattern["code"][:2]
        if alone and not KEEP_VERBS_ALONE:
            dropped += 1
            continue
        if root in STRICT_ROOTS and root in KEEP_ROOTS | STRICT_KEEP:
            verbs, reason = _strict_verbs(pattern, hand)
            STRICT[root]["converted"] += 1
            if not verbs:
                STRICT[root][f"left out: {reason}"] += 1
                dropped += 1
                continue
            STRICT[root]["kept"] += 1
            pattern = {**pattern, "verbs": verbs}
        elif root not in KEEP_ROOTS:
            dropped += 1
            continue
        if pattern["origin"] in particle_patterns and root not in STRICT_ROOTS:
            # a verb and its particle only: held to the strict rules whatever its root
            # ("press on" is no use of force, "break off" no threat)
            verbs, reason = _strict_verbs(pattern, hand)
            PARTICLES["converted"] += 1
            if not verbs:
                PARTICLES[f"left out: {reason}"] += 1
                dropped += 1
                continue
            PARTICLES["kept"] += 1
            pattern = {**pattern, "verbs": verbs}
        key = (pattern["code"], tuple(pattern["verbs"]), tuple(pattern.get("subjects", ())),
               bool(pattern.get("reciprocal")), "objects" in pattern)
        merged.setdefault(key, {k: v for k, v in pattern.items()
                                if k not in {"objects", "origin"}})
        for obj in pattern.get("objects", ()):
            if obj not in objects[key]:
                objects[key].append(obj)
    lines = [HEADER, "# Trigger patterns, one JSON object a line, in the fields of triggers.yaml;\n"
             "# loaded after triggers.yaml, which wins for its verbs (docs/events.md).\n"]
    for key, entry in merged.items():
        if objects[key]:
            entry["objects"] = objects[key]
        lines.append(json.dumps(entry, ensure_ascii=False) + "\n")
    (OUT / "verb_patterns.jsonl").write_text("".join(lines), encoding="utf-8")
    return len(patterns) - dropped, dropped


STRICT: dict[str, Counter] = defaultdict(Counter)
PARTICLES: Counter = Counter()


def write_notice(source: Path, out: Converted, kept: int, dropped: int) -> None:
    licence = (source / "LICENSE").read_text(encoding="utf-8").strip()
    counts = "\n".join(f"- {what}: {n}" for what, n in sorted(out.kept.items()))
    strict = "\n".join(f"- root {root} under the strict rules: " + ", ".join(
        f"{what} {n}" for what, n in sorted(c.items())) for root, c in sorted(STRICT.items()))
    if PARTICLES:
        strict += "\n- patterns of a verb and its particle only (- * DOWN), under the strict " \
            "rules: " + ", ".join(f"{what} {n}" for what, n in sorted(PARTICLES.items()))
    skipped = "\n".join(f"- {n} {reason} (first at {out.skipped.first[reason]})"
                        for reason, n in out.skipped.counts.most_common())
    text = f"""# Tables converted from the PETRARCH2 dictionaries

Source: the open event-data dictionaries of PETRARCH2 (Open Event Data Alliance,
https://github.com/openeventdata/petrarch2), files {', '.join(ACTOR_FILES)},
Phoenix.agents.txt and CAMEO.2.0.txt, converted by `tools/make_petrarch_tables.py`
with communique's own readers. Roles left open by the dictionaries are closed on
{DICTIONARIES_END}, when the country file was generated. Rules: docs/actors.md and
docs/dictionaries.md.

## Kept

{counts}
- verb patterns written to verb_patterns.jsonl (before merging): {kept}; left out by the
  shipped selection (roots not measured to help, verbs alone, strict rules): {dropped}
{strict}

## Left out, by reason

{skipped}

## Licence of the dictionaries

{licence}
"""
    (OUT / "NOTICE.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "reference" / "petrarch2")
    parser.add_argument("--roots", help="CAMEO roots of the verb patterns to keep, comma-"
                        "separated (default: KEEP_ROOTS); for measuring a batch")
    parser.add_argument("--verbs-alone", action="store_true",
                        help="also keep the blocks' codes for their verbs alone")
    parser.add_argument("--strict-roots", help="over-coding roots to keep under the "
                        "strict rules, comma-separated (default: STRICT_KEEP); for measuring")
    args = parser.parse_args()
    if args.roots is not None:
        KEEP_ROOTS = frozenset(r for r in args.roots.split(",") if r)
    if args.strict_roots is not None:
        STRICT_KEEP = frozenset(r for r in args.strict_roots.split(",") if r)
    KEEP_VERBS_ALONE = KEEP_VERBS_ALONE or args.verbs_alone
    main(args.source)
