"""A user's PETRARCH / TABARI dictionary, given with `--dictionary`, added to the tables.

An analyst leaving PETRARCH2 brings their dictionaries unchanged: the format is told
from the file (see `petrarch.detect_format`), the records are converted by the rules of
`petrarch_convert`, and what cannot be expressed in communique's tables is said once,
as a warning with counts and the first line of each kind, before coding goes on. Like a
YAML dictionary, a PETRARCH one outranks the package's tables: its names and role words
come first, its patterns before the package's of the same specificity.

People with dated codes go to the known actors (`actors.known.load_known_actors`),
which read the same file by `dictionary_people`; the names of bodies go to the lexicon.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from ..errors import E015, TableError
from .cameo import CameoTable
from .lexicon import Lexicon, Meaning, Role, normalize
from .loader import validate
from .patterns import EventGrammar, PatternEntry
from .petrarch import Format, read_actors, read_agents, read_discards, read_verbs
from .petrarch_convert import Converted, convert_actors, convert_agents, convert_verbs

log = logging.getLogger("communique.dictionaries")


def add_petrarch_dictionary(path: Path, fmt: Format, cameo: CameoTable, lexicon: Lexicon,
                            grammar: EventGrammar) -> Converted:
    out = Converted()
    if fmt == "actors":
        out = dictionary_people(path, tuple(sorted(lexicon.sectors)))
        for row in out.names:
            lexicon.check_sector_user(row["sector"], path, 0)
            for name in row["names"]:
                lexicon.add_name(name, Meaning(row["kind"], row["country"], row["sector"],
                                               row["org"], row["names"][0]), priority=True)
    elif fmt == "agents":
        entries, skipped = read_agents(path)
        out.skipped = skipped
        convert_agents(entries, lexicon.sectors, out, where=path.name)
        for row in out.roles:
            key = normalize(row["role"])
            lexicon.roles[key] = Role(key, row["sector"], row["kind"], 2, False, False)
    elif fmt == "verbs":
        verbs = read_verbs(path)
        out.skipped = verbs.skipped
        convert_verbs(verbs, {c.code for c in cameo}, out, where=path.name)
        entries = []
        for pattern in merge_patterns(out.patterns):
            line = int(pattern.pop("origin").rsplit(":", 1)[1])
            entries.append((line, validate(PatternEntry, pattern, path=path, line=line,
                                           kind=E015)))
        grammar.add_patterns(entries, path, cameo, kind=E015, priority=1)
    elif fmt == "discards":
        discards, _ = read_discards(path)
        words = {d.phrase.lower() for d in discards if " " not in d.phrase}
        for discard in discards:
            if " " in discard.phrase:
                out.skipped.add("discards of more than one word (communique's off-topic "
                                "cues are words)", f"{path.name}:{discard.line}")
        grammar.off_topic_cues = grammar.off_topic_cues | frozenset(words)
        out.count("off-topic cues", len(words))
    else:  # pragma: no cover - detect_format gives only these
        raise TableError(E015, path=path, line=0, problem=f"unknown format {fmt}")
    kept = ", ".join(f"{n} {what}" for what, n in sorted(out.kept.items())) or "nothing"
    log.info("%s (PETRARCH %s dictionary): %s", path, fmt, kept)
    if out.skipped.total():
        log.warning("%s: %d entries left out, as communique cannot express them: %s",
                    path, out.skipped.total(), out.skipped.summary())
    return out


@cache
def dictionary_people(path: Path, sectors: tuple[str, ...]) -> Converted:
    """A user's PETRARCH actors file, converted once per process: its people and names."""
    entries, skipped = read_actors(path)
    out = Converted(skipped=skipped)
    convert_actors(entries, sectors, out, where=path.name)
    return out


def merge_patterns(patterns: list[dict]) -> list[dict]:
    """Patterns of one code, verbs and subjects as one entry with their objects together:
    one compiled pattern per verb and code, not one per object."""
    merged: dict[tuple, dict] = {}
    for pattern in patterns:
        key = (pattern["code"], tuple(pattern["verbs"]), tuple(pattern.get("subjects", ())),
               bool(pattern.get("reciprocal")), "objects" in pattern)
        entry = merged.get(key)
        if entry is None:
            merged[key] = {**pattern, "objects": list(pattern.get("objects", ()))}
            if "objects" not in pattern:
                del merged[key]["objects"]
            continue
        for obj in pattern.get("objects", ()):
            if obj not in entry["objects"]:
                entry["objects"].append(obj)
    return list(merged.values())


__all__ = ["add_petrarch_dictionary", "dictionary_people", "merge_patterns"]
