"""News-like articles for the batch benchmarks, written as JSONL.

Each article is three of the repository's hand-written news texts (the quote test set's
articles, the actor test set's sentences six to a paragraph, the examples, and the seed
article and development gold sentences where `../shared` is present) joined as
paragraphs, about 150 to 450 words, with an id, a date and a title. Article n is always
the same, so runs compare like with like.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def pieces() -> list[str]:
    texts = [(ROOT / "examples" / "demo-article.txt").read_text(encoding="utf-8")]
    for line in (ROOT / "examples" / "articles.jsonl").read_text().splitlines():
        texts.append(json.loads(line)["text"])
    for case in yaml.safe_load((ROOT / "tests" / "quotes" / "articles.yaml").read_text()):
        texts.append(case["text"].strip())
    sentences = [case["text"] for case in
                 yaml.safe_load((ROOT / "tests" / "actors" / "cases.yaml").read_text())]
    shared = ROOT.parent / "shared" / "eval"
    if shared.exists():
        texts.append((shared / "seed" / "article.txt").read_text(encoding="utf-8"))
        sentences += [json.loads(line)["text"] for line in
                      (shared / "plover_gsr_dev.jsonl").read_text().splitlines()]
    texts += [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    return texts


def article(number: int, texts: list[str], *, length: int = 1) -> dict:
    """Article `number`; `length` > 1 joins that many articles' paragraphs into one."""
    n = len(texts)
    paragraphs = []
    for part in range(length):
        k = number * length + part
        paragraphs += [texts[k % n], texts[(k * 7 + 3) % n], texts[(k * 13 + 5) % n]]
    date = dt.date(2026, 1, 1) + dt.timedelta(days=number % 365)
    return {"id": f"bench-{number:06d}", "date": date.isoformat(),
            "title": paragraphs[0].splitlines()[0][:80], "text": "\n\n".join(paragraphs)}


def write_corpus(path: Path, count: int, *, length: int = 1) -> Path:
    texts = pieces()
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps(article(number, texts, length=length)) + "\n")
    return path


def words(path: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
