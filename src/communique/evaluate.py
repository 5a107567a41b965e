"""Measuring the coder against gold event data: precision, recall and F1.

Gold format (JSONL, one record a line; the format of the PLOVER gold-standard records):

    {"id": "...", "text": "...", "date": "2000-01-01" (optional),
     "events": [{"type": "AGREE", "cameo": "036" (optional),
                 "source": [{"code": "USA"}, ...], "target": [{"code": "JOR"}],
                 "symmetric": false (optional)}]}

`code` may also be written as a plain string. Records with the same text are one
sentence with several gold events. Scoring, per text, matches each gold event to at
most one coded event (negated events never match):

- PLOVER type: the coded event's PLOVER type equals the gold type.
- CAMEO root: the coded code's root equals the gold code's root; without a gold CAMEO
  code, it must be one of the roots that map to the gold PLOVER type.
- "+ source": the coded source's country is one of the gold source codes.
- "+ source and target": also the coded target's country is a gold target code, or the
  gold has no target (then any target is accepted). A reciprocal coded event may match
  with its sides swapped; a gold event with several sources and no target is matched by
  a coded event between two of them.

The coder writes one event per dyad, as dyadic event data does; so a gold event with
several distinct targets ("lift embargoes on Iran, Libya and Cuba") counts as one gold
event per target, each matched by the coded event for that dyad.

Country codes are compared after mapping old CAMEO codes (JAP, VTN, ITL ...) to ISO;
UNO and EUR count as IGO, and so does NGO: the PLOVER gold writes IGO for international
organisations of both kinds (Amnesty International, the Red Cross), while the coder keeps
CAMEO's NGO for them. Both mean "no state"; the comparison does not split them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import E016, InputError
from .records import Article, Event

LEGACY_CODES = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA", "ROM": "ROU", "ZAR": "COD",
                "TMP": "TLS", "YUG": "SRB", "UNO": "IGO", "EUR": "IGO", "NGO": "IGO"}
# Which CAMEO roots a PLOVER type covers (for gold without CAMEO codes).
PLOVER_ROOTS = {
    "AGREE": {"03"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "COOPERATE": {"06"}, "AID": {"07"},
    "CONCEDE": {"08"}, "RETREAT": {"08"}, "ACCUSE": {"09", "11"}, "REQUEST": {"02", "10"},
    "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"}, "MOBILIZE": {"15"},
    "SANCTION": {"16"}, "COERCE": {"17"}, "ASSAULT": {"18", "19", "20"},
}
LEVELS = ("type", "type+source", "type+source+target", "root", "root+source",
          "root+source+target")


@dataclass(slots=True)
class GoldEvent:
    type: str | None
    cameo: str | None
    sources: frozenset[str]
    targets: frozenset[str]
    symmetric: bool = False
    record: str = ""


@dataclass(slots=True)
class GoldText:
    text: str
    ids: list[str]
    date: str | None
    events: list[GoldEvent] = field(default_factory=list)


def country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()[:3]
    return LEGACY_CODES.get(code, code)


def read_gold(path: Path) -> list[GoldText]:
    texts: dict[str, GoldText] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(E016, path=path, problem=f"cannot read it ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(E016, path=path, problem=f"line {number}: {exc.msg}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise InputError(E016, path=path, problem=f"line {number}: no 'text'")
        text = data["text"].strip()
        gold = texts.setdefault(text, GoldText(text, [], data.get("date")))
        record_id = str(data.get("id", f"line {number}"))
        gold.ids.append(record_id)
        for event in data.get("events") or []:
            sources = frozenset(_codes(event.get("source")))
            targets = frozenset(_codes(event.get("target")))
            for dyad_targets in ([frozenset({t}) for t in sorted(targets)]
                                 if len(targets) > 1 else [targets]):
                gold.events.append(GoldEvent(
                    type=event.get("type"), cameo=event.get("cameo"), sources=sources,
                    targets=dyad_targets, symmetric=bool(event.get("symmetric")),
                    record=record_id))
    return list(texts.values())


def _codes(side: Any) -> list[str]:
    codes = []
    for item in side or []:
        code = item.get("code") if isinstance(item, dict) else item
        mapped = country(code) if isinstance(code, str) else None
        if mapped:
            codes.append(mapped)
    return codes


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class Report:
    texts: int = 0
    gold_events: int = 0
    coded_events: int = 0
    skipped: int = 0
    skipped_texts: list[dict[str, str]] = field(default_factory=list)  # where and why
    levels: dict[str, Tally] = field(default_factory=lambda: {lv: Tally() for lv in LEVELS})
    by_type: dict[str, Tally] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "texts": self.texts, "gold_events": self.gold_events,
            "coded_events": self.coded_events, "skipped": self.skipped,
            "skipped_texts": self.skipped_texts,
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
            "misses": self.misses, "false_alarms": self.false_alarms,
        }

    def format(self, *, errors: bool = False) -> str:
        lines = [f"{self.texts} texts, {self.gold_events} gold events, "
                 f"{self.coded_events} coded events"
                 + (f", {self.skipped} texts skipped (they count as coding nothing)"
                    if self.skipped else ""), ""]
        for skipped in self.skipped_texts:
            lines.insert(-1, f"  skipped {skipped['id']}: {skipped['reason']}")
        lines.append(f"{'level':<24}{'P':>8}{'R':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
        names = {"type": "PLOVER type", "type+source": "  + source country",
                 "type+source+target": "  + source and target",
                 "root": "CAMEO root", "root+source": "  + source country",
                 "root+source+target": "  + source and target"}
        for level in LEVELS:
            t = self.levels[level]
            lines.append(f"{names[level]:<24}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}"
                         f"{t.tp:>6}{t.fp:>6}{t.fn:>6}")
        lines += ["", "By PLOVER type (source and target country matched):",
                  f"{'type':<12}{'P':>8}{'R':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}"]
        for name, t in sorted(self.by_type.items()):
            lines.append(f"{name:<12}{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}"
                         f"{t.tp:>6}{t.fp:>6}{t.fn:>6}")
        if errors:
            lines += ["", f"Misses ({len(self.misses)}):"]
            for miss in self.misses:
                lines.append(f"  [{miss['id']}] {miss['type']} {miss['source']} -> "
                             f"{miss['target']}: {miss['text']}")
                for coded in miss["coded"]:
                    lines.append(f"      coded: {coded}")
            lines += ["", f"False alarms ({len(self.false_alarms)}):"]
            for alarm in self.false_alarms:
                lines.append(f"  [{alarm['id']}] {alarm['event']}: {alarm['text']}")
        return "\n".join(lines)


def _describe(event: Event) -> str:
    source = event.source.code if event.source else "-"
    target = event.target.code if event.target else "-"
    return (f"{source} {event.cameo} {event.plover_type or '-'} {target} "
            f"\"{event.snippet}\"{' (negated)' if event.negated else ''}")


def _fits(gold: GoldEvent, event: Event, level: str) -> bool:
    root = event.cameo[:2]
    if level.startswith("type"):
        if event.plover_type != gold.type:
            return False
    else:
        roots = {gold.cameo[:2]} if gold.cameo else PLOVER_ROOTS.get(gold.type or "", set())
        if root not in roots:
            return False
    if level.endswith("source") or level.endswith("target"):
        source = country(event.source.country) if event.source else None
        target = country(event.target.country) if event.target else None
        need_target = level.endswith("target")

        def sides_fit(src: str | None, tgt: str | None) -> bool:
            if src not in gold.sources:
                return False
            if not need_target or not gold.targets:
                return True
            return tgt in gold.targets

        if sides_fit(source, target):
            return True
        return bool((event.reciprocal or gold.symmetric) and sides_fit(target, source))
    return True


def score_text(gold: GoldText, article: Article, report: Report, *, keep_errors: bool) -> None:
    coded = [e for e in article.events if not e.negated]
    report.coded_events += len(coded)
    report.gold_events += len(gold.events)
    for level in LEVELS:
        free = list(range(len(coded)))
        matched_gold: set[int] = set()
        for g_index, event in enumerate(gold.events):
            for c_index in free:
                candidate = coded[c_index]
                if level.startswith("type") and candidate.plover_type is None:
                    continue
                if _fits(event, candidate, level):
                    free.remove(c_index)
                    matched_gold.add(g_index)
                    break
        tally = report.levels[level]
        tally.tp += len(matched_gold)
        tally.fn += len(gold.events) - len(matched_gold)
        # an event with no PLOVER type (a CAMEO 01 statement) is no false alarm against
        # PLOVER gold, which has no such type to code it with, at root level too
        countable = [i for i in free if coded[i].plover_type]
        tally.fp += len(countable)
        if level == "type+source+target":
            for g_index, event in enumerate(gold.events):
                per_type = report.by_type.setdefault(event.type or "-", Tally())
                if g_index in matched_gold:
                    per_type.tp += 1
                else:
                    per_type.fn += 1
                    if keep_errors:
                        report.misses.append({
                            "id": event.record, "type": event.type,
                            "source": sorted(event.sources), "target": sorted(event.targets),
                            "text": gold.text, "coded": [_describe(e) for e in coded]})
            for c_index in countable:
                report.by_type.setdefault(coded[c_index].plover_type or "-", Tally()).fp += 1
                if keep_errors:
                    report.false_alarms.append({"id": gold.ids[0],
                                                "event": _describe(coded[c_index]),
                                                "text": gold.text})


def evaluate(coder, gold: Iterable[GoldText], *, keep_errors: bool = False,
             default_date: str = "2000-01-01") -> Report:
    from .io.checks import InputRecord

    texts = list(gold)
    report = Report(texts=len(texts))
    records = [InputRecord(text=g.text, id=str(i), date=g.date or default_date,
                           origin=g.ids[0]) for i, g in enumerate(texts)]
    articles = {a.id: a for a in coder.code_many(
        records, on_error=lambda r: report.skipped_texts.append(
            {"id": r.origin, "reason": str(r.error)}))}
    report.skipped = len(report.skipped_texts)
    for index, gold_text in enumerate(texts):
        article = articles.get(str(index)) or Article(id=str(index))
        score_text(gold_text, article, report, keep_errors=keep_errors)
    return report


__all__ = ["GoldEvent", "GoldText", "Report", "Tally", "country", "evaluate", "read_gold"]
