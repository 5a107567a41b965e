"""Input records are checked before coding; each problem has its own clear error."""

from __future__ import annotations

import pytest

from communique.errors import InputError
from communique.io.checks import InputRecord, check_record, normalise_date

ENGLISH = ("The president said on Tuesday that the government would hold talks with the "
           "opposition next week, after a month of protests in the capital. ") * 2


def check(text, **fields):
    return check_record(InputRecord(text=text, origin="in.jsonl:7", **fields), max_chars=5000)


@pytest.mark.parametrize(("text", "code"), [
    ("", "E004"), ("   \n\t ", "E004"),
    ("abc\x00def" * 10, "E005"),
    ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 5, "E005"),
    ("x" * 5001, "E009"),
    ("Der Präsident sagte am Dienstag, dass die Regierung nächste Woche Gespräche mit der "
     "Opposition führen werde, nach einem Monat voller Proteste in der Hauptstadt. " * 2,
     "E010"),
    ("Президент заявил во вторник, что правительство проведет переговоры с оппозицией "
     "на следующей неделе после месяца протестов в столице страны и регионах. " * 2, "E010"),
])
def test_bad_text_is_rejected_with_its_code(text, code):
    with pytest.raises(InputError) as caught:
        check(text)
    assert caught.value.code == code
    assert "in.jsonl:7" in caught.value.message


def test_english_passes_and_short_text_is_not_judged():
    assert check(ENGLISH).text == ENGLISH
    assert check("Xi, Putin hold video summit").text


def test_dense_english_with_few_function_words_passes():
    # 3 of 27 words are common English words; no other language claims it
    dense = ("Hong Kong police arrested 15 prominent pro-democracy figures on Saturday, "
             "including media tycoon Jimmy Lai and veteran barrister Martin Lee, over last "
             "year's anti-government protests.")
    assert check(dense).text == dense


@pytest.mark.parametrize("text", [
    "Le président a déclaré mardi que le gouvernement tiendrait des discussions avec "
    "l'opposition la semaine prochaine, après un mois de manifestations dans la capitale "
    "et les régions du pays.",
    "El presidente dijo el martes que el gobierno mantendrá conversaciones con la oposición "
    "la próxima semana, tras un mes de protestas en la capital y en las regiones del país.",
])
def test_other_latin_languages_are_still_rejected(text):
    with pytest.raises(InputError) as caught:
        check(text)
    assert caught.value.code == "E010"


def test_plain_english_is_known_without_the_detector(monkeypatch):
    from communique.io import language

    def no_detector():
        raise AssertionError("the detector was asked")

    monkeypatch.setattr(language, "detector", no_detector)
    assert language.plainly_english(ENGLISH)
    assert check(ENGLISH).text == ENGLISH
    # a long text in another language has none of English's own words: it is judged
    for text in ("De minister zei dinsdag dat de regering volgende week gesprekken zal voeren "
                 "met de oppositie, na een maand van protesten in de hoofdstad. Het was een "
                 "lange dag en hij had er geen zin in, zei hij.",
                 "Der Präsident sagte am Dienstag, dass die Regierung nächste Woche Gespräche "
                 "mit der Opposition führen werde, nach einem Monat voller Proteste in der "
                 "Hauptstadt. Er war für sie da, sagte er."):
        assert not language.plainly_english(text)
        with pytest.raises(AssertionError, match="the detector was asked"):
            check(text)


def test_dates_are_normalised_or_rejected():
    assert check(ENGLISH, date="2026-02-04T10:30:00Z").date == "2026-02-04"
    with pytest.raises(InputError) as caught:
        check(ENGLISH, date="04/02/2026")
    assert caught.value.code == "E011"
    with pytest.raises(InputError):
        normalise_date("2026-02-30", "here")


def test_fields_must_be_strings():
    with pytest.raises(InputError) as caught:
        check(ENGLISH, id=12)
    assert caught.value.code == "E012"
