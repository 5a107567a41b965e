"""The one way in: a mapping becomes a record by one set of rules, and every record holds
only text that can be written out."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from communique.errors import InputError
from communique.io.checks import InputRecord, Unreadable, check_record, make_record
from communique.io.readers import read_inputs, read_jsonl, read_stream

ENGLISH = "The president said on Tuesday that talks with the opposition would resume."


def test_a_mapping_becomes_a_record_with_numbers_as_ids_and_blank_fields_missing():
    record = InputRecord.from_mapping({"id": 7, "text": ENGLISH, "title": " ", "extra": 1,
                                       "date": dt.date(2026, 2, 4)}, "in.jsonl:3")
    assert (record.id, record.title, record.date, record.origin) == \
        ("7", None, "2026-02-04", "in.jsonl:3")


@pytest.mark.parametrize(("data", "code", "words"), [
    ({"id": "a"}, "E008", "'text'"),
    ({"text": None}, "E008", "'text'"),
    ({"text": 12}, "E012", "not a number"),
    ({"text": ENGLISH, "id": {"x": 1}}, "E012", "'id'"),
    ({"text": ENGLISH, "title": ["a"]}, "E012", "'title'"),
    ([1, 2], "E012", "not a JSON object"),
    ({"text": b"\xff\xfe"}, "E006", "UTF-8"),
])
def test_what_cannot_be_a_record_is_said_with_its_place(data, code, words):
    item = make_record(data, "in.jsonl:3")
    assert isinstance(item, Unreadable)
    assert item.error.code == code and words in item.error.message
    assert item.error.message.startswith("in.jsonl:3")


def test_the_api_refuses_unknown_fields_where_readers_pass_them_over():
    assert isinstance(make_record({"text": ENGLISH, "body": 1}, "articles[0]",
                                  extra="forbid"), Unreadable)
    assert isinstance(make_record({"text": ENGLISH, "body": 1}, "x"), InputRecord)


def test_lone_surrogates_are_repaired_in_place_and_ids_stay_apart():
    text = "Putin\ud800 met Xi" + " in Beijing."
    record = InputRecord(text=text, id="a\ud800", title="T\udfff")
    assert record.text == "Putin\ufffd met Xi in Beijing." and len(record.text) == len(text)
    assert record.id == "a\\ud800" and InputRecord(text="x", id="a\ud801").id != record.id
    assert record.title == "T\ufffd"
    json.dumps(record.text, ensure_ascii=False).encode("utf-8")  # writable


def test_a_jsonl_line_with_an_escaped_surrogate_reads_as_a_repaired_record():
    lines = b'{"id": "s", "text": "Xi \\ud800 met Putin."}\n{"id": "t", "text": "ok"}\n'
    items = list(read_stream(__import__("io").BytesIO(lines), "<stdin>"))
    assert [i.id for i in items] == ["s", "t"]
    assert items[0].text == "Xi \ufffd met Putin."


def test_json_errors_say_the_column_once():
    (item,) = read_jsonl(__import__("io").BytesIO(b'{"text": "a\x01b"}\n'), "f.jsonl")
    assert item.error.code == "E007"
    assert "at at" not in item.error.message and "at column" in item.error.message


def test_closed_standard_input_is_one_rejection(monkeypatch):
    monkeypatch.setattr("sys.stdin", None)
    (item,) = read_inputs(["-"])
    assert isinstance(item, Unreadable) and "standard input is closed" in item.error.message


@pytest.mark.parametrize(("text", "language"), [
    ("El presidente de Berlín se reunió con el ministro.", "Spanish"),
    ("Le président a rencontré le ministre à Paris hier.", "French"),
    ("Президент встретился с министром в Москве.", "Russian"),
    ("习近平与普京举行视频会晤，双方讨论了能源合作。", "Chinese"),
])
def test_a_rejected_article_names_its_language_short_texts_included(text, language):
    with pytest.raises(InputError) as caught:
        check_record(InputRecord(text=text, origin="x"), max_chars=10_000)
    assert caught.value.code == "E010" and language in caught.value.message


@pytest.mark.parametrize("text", [
    ENGLISH, "Putin meets Xi", "Brazilian President Luiz Inacio Lula da Silva",
    "Thai Prime Minister Anutin Charnvirakul met Cambodian Prime Minister Hun Manet in "
    "Kuala Lumpur.",
    "Iraqi missiles hit Tel Aviv and Haifa on Friday.",
    "Turkey condemned the attack on its embassy in Stockholm.",
])
def test_english_full_of_foreign_names_is_english(text):
    assert check_record(InputRecord(text=text), max_chars=10_000).text == text


def test_a_stage_failing_on_one_article_costs_only_that_article(coder):
    from spacy.language import Language

    if "explode_on_word" not in Language.factories:
        @Language.component("explode_on_word")
        def explode_on_word(doc):
            if "explode" in doc.text:
                raise RuntimeError("boom")
            return doc

    coder.nlp.add_pipe("explode_on_word", last=True)
    try:
        rejected = []
        records = [{"id": "a", "text": ENGLISH}, {"id": "b", "text": ENGLISH + " explode"},
                   {"id": "c", "text": ENGLISH}]
        coded = [a.id for a in coder.code_many(records, on_error=rejected.append)]
        assert coded == ["a", "c"]
        assert [r.id for r in rejected] == ["b"]
        assert "explode_on_word stage failed" in rejected[0].error.message
        with pytest.raises(InputError) as caught:
            coder.code(ENGLISH + " explode", id="d")
        assert caught.value.code == "E012" and "(id d)" in caught.value.message
    finally:
        coder.nlp.remove_pipe("explode_on_word")
