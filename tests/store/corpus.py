"""A corpus of news-like articles made from templates, for ingest tests and benchmarks.

Each article reports two or three happenings (talks, shelling, sanctions, arrests, aid,
praise, accusations) between countries, in the words of a wire report, with filler
sentences between. Happenings are drawn from a pool, so several articles, from several
sources, report the same one on nearby days: the material of story events.
"""

from __future__ import annotations

import datetime as dt
import random

COUNTRIES = [
    # name, demonym, capital, a minister's name
    ("France", "French", "Paris", "Claire Dumont"),
    ("Germany", "German", "Berlin", "Lukas Brandt"),
    ("Japan", "Japanese", "Tokyo", "Kenji Sato"),
    ("China", "Chinese", "Beijing", "Wang Lei"),
    ("Russia", "Russian", "Moscow", "Igor Petrov"),
    ("Turkey", "Turkish", "Ankara", "Emre Yilmaz"),
    ("Greece", "Greek", "Athens", "Nikos Pappas"),
    ("Egypt", "Egyptian", "Cairo", "Omar Hassan"),
    ("Israel", "Israeli", "Jerusalem", "David Levi"),
    ("India", "Indian", "New Delhi", "Arjun Mehta"),
    ("Pakistan", "Pakistani", "Islamabad", "Imran Qureshi"),
    ("Brazil", "Brazilian", "Brasilia", "Ana Souza"),
    ("Kenya", "Kenyan", "Nairobi", "Grace Wanjiru"),
    ("Nigeria", "Nigerian", "Abuja", "Tunde Bello"),
]

HAPPENINGS = [
    "{A} and {B} agreed on {day} to resume talks on trade, officials said.",
    "{DA} Foreign Minister {NA} met his {DB} counterpart in {CB} on {day}.",
    "{DA} troops shelled {DB} positions near the border on {day}, killing {n} soldiers.",
    "The {DA} foreign ministry accused {B} of violating the ceasefire.",
    "{A} imposed new sanctions on {B} over its missile programme.",
    "{A} praised {B} for its help with the investigation.",
    "{A} sent humanitarian aid to {B} after the floods.",
    "Police arrested {n} protesters in {CA} after demonstrators blocked the main road.",
    "{DA} President {NA} threatened to expel {DB} diplomats.",
    "The United Nations called on {A} and {B} to show restraint.",
]

FILLER = [
    "The talks are expected to continue next week.",
    "Analysts said the move could raise tensions in the region.",
    "The statement gave no further details.",
    "Markets in the region were little changed on the news.",
    "Both sides have traded blame for months.",
    "Officials declined to comment on the reports.",
]

SOURCES = ["Wire One", "Daily Courier", "Evening Post", "Radio Metro", "The Observer"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_articles(count: int, *, seed: int = 7, start: dt.date = dt.date(2026, 1, 5),
                  days: int = 120, pool: int | None = None) -> list[dict]:
    """`count` articles as JSONL-ready dicts (id, date, source, title, text)."""
    rng = random.Random(seed)
    pool_size = pool or max(4, count // 3)
    happenings = [_happening(rng, start, days) for _ in range(pool_size)]
    articles = []
    for number in range(count):
        chosen = rng.sample(happenings, k=min(len(happenings), rng.choice([2, 3])))
        date = max(h[1] for h in chosen) + dt.timedelta(days=rng.choice([0, 0, 1, 2]))
        sentences: list[str] = []
        for sentence, _ in chosen:
            sentences.append(sentence)
            sentences.extend(rng.sample(FILLER, k=rng.choice([1, 2])))
        articles.append({
            "id": f"gen-{number:05d}", "date": date.isoformat(),
            "source": rng.choice(SOURCES), "title": chosen[0][0].split(",")[0][:80],
            "text": " ".join(sentences),
        })
    return articles


def _happening(rng: random.Random, start: dt.date, days: int) -> tuple[str, dt.date]:
    (a, da, ca, na), (b, db, cb, _) = rng.sample(COUNTRIES, k=2)
    template = rng.choice(HAPPENINGS)
    date = start + dt.timedelta(days=rng.randrange(days))
    text = template.format(A=a, B=b, DA=da, DB=db, CA=ca, CB=cb, NA=na,
                           day=WEEKDAYS[date.weekday()], n=rng.randrange(2, 40))
    return text, date
