"""One event per fact: readings of the same fact merged, the story's other side filled
in where it goes without saying."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ..tables import vocabulary
from ..tables.lexicon import NONSTATE_COUNTRIES
from .arguments import Arg
from .drafts import PROTEST_PURPOSES, PROTEST_ROOT, Draft, family, side_key

Drop = Callable[[Draft, str], None]


def _keep(draft: Draft, rule: str) -> None:
    """No trace wanted: a dropped draft is forgotten."""

COUNTERPART_ROOTS = vocabulary.cameo_class("counterpart")
DYAD_SHARE = 0.6  # the two leading countries' share of country-coded mentions


def article_dyad(doc: Doc) -> tuple[str, str] | None:
    """The two countries a story is about, when two clearly lead it."""
    counts: dict[str, int] = {}
    for actor in doc._.communique_actors or []:
        country = actor.get("country")
        if country and len(country) == 3 and country not in NONSTATE_COUNTRIES:
            counts[country] = counts.get(country, 0) + len(actor["mentions"])
    if len(counts) < 2:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    total = sum(counts.values())
    (first, a), (second, b) = ranked[:2]
    if (a + b) / total < DYAD_SHARE or (len(ranked) > 2 and ranked[2][1] == b):
        return None
    return first, second


def infer_counterparts(drafts: list[Draft], doc: Doc) -> None:
    """'The Chinese leader called for closer exchanges' in a China-Russia story is
    addressed to Russia: fill a missing target with the other side of the story's dyad,
    at lower confidence."""
    dyad = article_dyad(doc)
    if dyad is None:
        return
    actors = doc._.communique_actors or []
    for draft in drafts:
        if draft.target is not None or draft.source is None or draft.reciprocal:
            continue
        if draft.code[:2] not in COUNTERPART_ROOTS or draft.source.country not in dyad:
            continue
        other = dyad[1] if draft.source.country == dyad[0] else dyad[0]
        candidates = [a for a in actors if a.get("country") == other]
        if not candidates:
            continue
        best = max(candidates, key=lambda a: (a["sector"] == "GOV", len(a["mentions"])))
        first = best["mentions"][0]
        draft.target = Arg(best["id"], best["name"], best["country"], best["sector"],
                           best.get("org"), first["start"], first["end"], -1, inferred=True,
                           kind=best["kind"])
        draft.confidence = max(0.05, draft.confidence - 0.2)
        draft.shaped_by("story-counterpart")


def one_per_fact(drafts: list[Draft], drop: Drop = _keep) -> list[Draft]:
    """A sentence yields one event per fact: the same actors and kind of event coded once,
    the most specific reading kept; a reading without a target absorbed by one with it;
    the demand a protest makes ("staged rallies to demand reforms") folded into the
    protest, as PLOVER codes it."""
    best: dict[tuple, Draft] = {}
    order: list[tuple] = []
    for draft in drafts:
        key = (side_key(draft.source), side_key(draft.target), family(draft),
               draft.negated)
        if draft.reciprocal and draft.source and draft.target:
            key = (frozenset({draft.source.key, draft.target.key}), None, family(draft),
                   draft.negated)
        current = best.get(key)
        if current is None:
            best[key] = draft
            order.append(key)
        elif _better(draft, current):
            best[key] = draft
            drop(current, "same-fact-better-reading")
        else:
            drop(draft, "same-fact-better-reading")
    kept = _one_dyad_per_trigger([best[k] for k in order], drop)
    kept = _fold_protest_demands(kept, drop)
    result: list[Draft] = []
    for draft in kept:
        absorbed = ""
        for other in kept:
            if other is draft or family(other) != family(draft) \
                    or other.negated != draft.negated:
                continue
            same_source = side_key(draft.source) == side_key(other.source)
            if same_source and family(draft) == "ASSAULT" and draft.trigger.dep_ == "advcl" \
                    and draft.trigger.head.i == other.trigger.i and other.target is not None:
                # "was attacked by militiamen ..., killing 156 people": one attack, coded
                # as the main clause tells it
                absorbed = "told-by-main-clause"
                break
            if same_source and draft.target is not None and (
                    draft.target.kind == "place" or (draft.target.kind == "country"
                                                     and draft.target.inferred)) \
                    and other.target is not None and other.target.kind not in {
                        "place", "country"} \
                    and other.target.country == draft.target.country:
                # "killed 23 people when they blew themselves up in Tel Aviv": the place
                # stands in for the victims the other reading names
                absorbed = "place-stands-for-victims"
                break
            if same_source and draft.target is None and other.target is not None:
                absorbed = "reading-with-target-kept"
                if _more_specific(draft, other):
                    other.shaped_by("code-of-more-specific-reading")
                    other.code, other.trigger, other.specificity = \
                        draft.code, draft.trigger, draft.specificity
                    other.mode, other.plover, other.snippet = \
                        draft.mode, draft.plover, draft.snippet
                break
            if draft.source is None and other.source is not None and (
                    side_key(draft.target) == side_key(other.target)
                    or (other.target is None and draft.target is not None)):
                absorbed = "reading-with-source-kept"
                if other.target is None:
                    other.target = draft.target
                    other.shaped_by("target-of-sourceless-reading")
                    if _more_specific(draft, other):
                        other.code, other.mode = draft.code, draft.mode
                break
        if absorbed:
            drop(draft, absorbed)
        else:
            result.append(draft)
    return result


def _one_dyad_per_trigger(drafts: list[Draft], drop: Drop) -> list[Draft]:
    """'Israeli helicopters and tanks shelled ...' is one Israeli shelling, not two."""
    seen: set[tuple] = set()
    kept = []
    for draft in drafts:
        key = (draft.trigger.i, draft.code, _code_of(draft.source), _code_of(draft.target))
        if key in seen and (draft.source is None or draft.source.country):
            drop(draft, "one-dyad-per-trigger")
            continue
        target = draft.target
        if target is not None and target.country in NONSTATE_COUNTRIES and any(
                other.trigger.i == draft.trigger.i and other.code == draft.code
                and _code_of(other.source) == _code_of(draft.source)
                and other.target is not None and other.target.country == target.country
                and "organization" in {other.target.kind, target.kind}
                and other.target.kind != target.kind for other in kept):
            # "expelled inspectors of the IAEA": the body and its people, once
            drop(draft, "body-and-its-people-once")
            continue
        seen.add(key)
        kept.append(draft)
    return kept


def _code_of(arg: Arg | None) -> tuple | None:
    return (arg.country, arg.sector) if arg else None


def _fold_protest_demands(drafts: list[Draft], drop: Drop) -> list[Draft]:
    protests = [d for d in drafts if d.code[:2] == PROTEST_ROOT and not d.negated]
    if not protests:
        return drafts
    kept = []
    for draft in drafts:
        # "took to the streets to oppose the president's bid", "marched to demand ...":
        # what the protest is for is the protest, as PLOVER codes it
        if draft.code[:2] in PROTEST_PURPOSES:
            protest = next((p for p in protests if side_key(p.source) == side_key(draft.source)),
                           None)
            if protest is not None:
                if protest.target is None and draft.target is not None:
                    protest.target = draft.target
                    protest.shaped_by("protest-takes-target-of-its-purpose")
                drop(draft, "purpose-folded-into-protest")
                continue
        kept.append(draft)
    return kept


def _better(a: Draft, b: Draft) -> bool:
    return (a.target is not None, a.specificity, len(a.code), a.confidence) > (
        b.target is not None, b.specificity, len(b.code), b.confidence)


def _more_specific(a: Draft, b: Draft) -> bool:
    return (a.specificity, len(a.code), a.confidence) > (b.specificity, len(b.code),
                                                          b.confidence)
