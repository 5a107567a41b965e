"""PLOVER modes, decided in one place: from the words of the sentence while coding
(an assault's means, who is mobilised), and from the finished event (a meeting's venue)."""

from __future__ import annotations

from ..tables import vocabulary
from ..tables.cameo import CameoCode, CameoTable
from ..tables.patterns import EventGrammar
from .drafts import Draft

WEAPON_WORDS = vocabulary.words("weapon_words")


def fill_mode(draft: Draft, cameo: CameoTable, grammar: EventGrammar) -> None:
    """A mode the words tell: an assault's means ('killed ... in a bomb attack'); who
    or what is mobilised (troops, police, a militia, weapons)."""
    if draft.mode is not None or draft.framed:
        return
    code = cameo[draft.code]
    if code.plover_type == "MOBILIZE":  # the code's default mode is only a default
        draft.mode = mobilized(draft)
        draft.shaped_by(f"mobilized-{draft.mode}")
        return
    if code.plover_type != "ASSAULT" or code.plover_mode is not None:
        return
    sent = draft.trigger.sent
    best = None
    for token in sent:
        mode = grammar.assault_modes.get(token.lemma_.lower()) or \
            grammar.assault_modes.get(token.lower_)
        if mode is not None:
            distance = abs(token.i - draft.trigger.i)
            if best is None or distance < best[0]:
                best = (distance, mode)
    if best is not None:
        draft.mode = best[1]
        draft.shaped_by(f"assault-means-{draft.mode}")


def plover_mode(plain: dict, code: CameoCode, plover_type: str | None) -> str | None:
    """The mode of a finished event: the one its words told, else its code's default
    (when the event keeps its code's type), else a meeting's venue."""
    mode = plain.get("mode") or (code.plover_mode if plover_type == code.plover_type
                                 else None)
    if plover_type == "CONSULT" and mode is None:
        mode = consult_mode(plain)
    return mode


def consult_mode(plain: dict) -> str | None:
    """A meeting within an IGO is multilateral; one held where neither side is from is at
    a third-party venue (PLOVER CONSULT modes)."""
    sides = [side for side in (plain.get("source"), plain.get("target")) if side]
    if any(side.get("country") in {"IGO", "UNO"} for side in sides):
        return "multilateral"
    location = plain.get("location") or {}
    venue = location.get("country")
    countries = {side.get("country") for side in sides}
    if venue and len(sides) == 2 and None not in countries and venue not in countries:
        return "third-party"
    return None


def mobilized(draft: Draft) -> str:
    """PLOVER MOBILIZE mode: police, a non-state armed group, weapons, or troops."""
    sector = draft.source.sector if draft.source else None
    if sector == "COP":
        return "police"
    if sector in {"REB", "UAF", "CRM"}:
        return "militia"
    words = {t.lemma_.lower() for t in draft.trigger.sent}
    if words & WEAPON_WORDS and not words & {"troop", "soldier", "force", "army"}:
        return "weapons"
    return "troops"
