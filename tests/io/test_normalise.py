"""Invisible characters are taken out before parsing; offsets point into the original."""

from __future__ import annotations

import pytest

from communique.io.normalise import normalise

HIDDEN = {"zero-width space": "\u200b", "left-to-right mark": "\u200e",
          "right-to-left mark": "\u200f", "zero-width joiner": "\u200d",
          "soft hyphen": "\u00ad", "word joiner": "\u2060", "byte-order mark": "\ufeff",
          "bidi isolate": "\u2066"}


def test_invisible_characters_go_and_other_spaces_become_spaces():
    text = "Pu\u200btin\u00a0met \u202aXi\u202c in Bei\u00adjing."
    normal, offsets = normalise(text)
    assert normal == "Putin met Xi in Beijing."
    assert text[offsets.start(0):offsets.end(5)] == "Pu\u200btin"
    assert text[offsets.start(16):offsets.end(24)] == "Bei\u00adjing."
    assert text[offsets.start(10):offsets.end(12)] == "Xi"


def test_text_without_invisible_characters_keeps_its_offsets():
    assert normalise("Xi\u00a0Jinping") == ("Xi Jinping", None)
    assert normalise("plain") == ("plain", None)


def test_a_text_starting_with_removed_characters_maps_its_first_offset():
    normal, offsets = normalise("\u200b\u200bXi")
    assert normal == "Xi" and offsets.start(0) == 2 and offsets.end(2) == 4


CLEAN = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on "
         "Wednesday and praised China for its support.")


def _every_span(record: dict) -> list[dict]:
    spans = [m for a in record["actors"] for m in a["mentions"]]
    spans += [e["trigger"] for e in record["events"]]
    spans += [*record["places"], *record["dates"]]
    return spans


@pytest.mark.parametrize("name", list(HIDDEN))
def test_hidden_characters_inside_words_lose_no_event_and_offsets_slice_the_original(
        coder, name):
    char = HIDDEN[name]
    hidden = (CLEAN.replace("Putin", f"Pu{char}tin").replace("praised", f"prai{char}sed")
              .replace("Beijing", f"Bei{char}jing").replace(" ", "\u00a0", 2))
    clean = coder.code(CLEAN, date="2026-02-04").to_dict()
    article = coder.code(hidden, date="2026-02-04")
    record = article.to_dict(include_text=True)
    assert record["text"] == hidden
    assert [(e["cameo"], e["source"]["code"], e["target"]["code"])
            for e in record["events"]] == \
        [(e["cameo"], e["source"]["code"], e["target"]["code"]) for e in clean["events"]]
    spans = _every_span(record)
    assert spans
    for span in spans:
        assert hidden[span["start"]:span["end"]] == span["text"]
        assert span["text"].replace(char, "").replace("\u00a0", " ") in CLEAN
    names = {a["name"] for a in record["actors"]}
    assert "Vladimir Putin" in names  # the actor's name is the word as read
    putin = next(a for a in record["actors"] if a["name"] == "Vladimir Putin")
    first = putin["mentions"][0]
    assert hidden[first["start"]:first["end"]].endswith(f"Vladimir Pu{char}tin")
    for event in record["events"]:
        for side in (event["source"], event["target"]):
            assert hidden[side["start"]:side["end"]].strip()
