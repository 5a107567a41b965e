"""The hostile-input battery: about sixty inputs that have broken text tools, on `code`,
`ingest` and the HTTP API. Prints each check and, at the end, the three figures that
must be 0: crashes (a traceback, or an exit status other than 0 or 1), silent losses
(a record neither coded nor reported, or a valid record of the same run not coded) and
500s (an API answer with a server fault).

    PYTHONPATH=src python benchmarks/hostile_battery.py [--only code|ingest|api]

The command runs (`code`, `ingest`) are real processes of the installed CLI, each loading
the model (about 4 s a run on 2 cores; the battery takes a few minutes); the API checks
run in-process over a new store with one Coder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

GOOD = "Russia praised China on Monday for its support in the talks."
GOOD_LINE = {"id": "good", "text": GOOD, "date": "2026-02-02"}
SPANISH = "El presidente de Berlín se reunió con el ministro de Asuntos Exteriores."
FRENCH = ("Le président a déclaré mardi que le gouvernement tiendrait des discussions avec "
          "l'opposition la semaine prochaine, après un mois de manifestations. ") * 3
RUSSIAN = "Президент встретился с министром иностранных дел в Москве во вторник."
CHINESE = "习近平与普京举行视频会晤，双方讨论了能源合作。"
ARABIC = "التقى الرئيس بوزير الخارجية في القاهرة يوم الثلاثاء"
ZW = GOOD.replace("Russia", "Rus\u200bsia").replace("praised", "prai\u200dsed")
BIDI = GOOD.replace("China", "\u202bChina\u202c").replace("Russia", "\u200fRussia")
SOFT = GOOD.replace("praised", "prai\u00adsed").replace("support", "sup\u00adport")
NBSP = GOOD.replace(" ", "\u00a0")
COMBINING = "Russia" + "\u0301" * 500 + " praised China."
CONTROLS = "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) * 20


@dataclass
class Tally:
    checks: int = 0
    crashes: list[str] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)

    def line(self, kind: str, name: str, ok: bool, note: str) -> None:
        self.checks += 1
        print(f"{'ok  ' if ok else 'FAIL'} {kind:7} {name:42} {note}")


def jsonl(*records: object, raw: bytes = b"") -> bytes:
    """JSON lines as a scraper writes them (ASCII, surrogates escaped), then `raw`."""
    return b"".join(json.dumps(r).encode("ascii") + b"\n" for r in records) + raw


# name, file suffix (or "-" for standard input), bytes, records in it, ids that must come out
CODE_CASES: list[tuple[str, str, bytes | None, int, set[str]]] = [
    ("empty file", ".txt", b"", 1, set()),
    ("whitespace only", ".txt", b"   \n\t\n", 1, set()),
    ("binary bytes", ".txt", bytes(range(256)) * 8, 1, set()),
    ("NUL bytes in text", ".txt", (GOOD + "\x00") .encode() * 3, 1, set()),
    ("latin-1, not UTF-8", ".txt", "Le Président à Paris".encode("latin-1"), 1, set()),
    ("UTF-16 with BOM", ".txt", GOOD.encode("utf-16"), 1, set()),
    ("UTF-8 BOM", ".txt", b"\xef\xbb\xbf" + GOOD.encode(), 1, {"input"}),
    ("huge text (over the limit)", ".txt", b"word " * 220_000, 1, set()),
    ("one 200k-letter word", ".txt", b"a" * 200_000, 1, set()),
    ("Spanish, short", ".txt", SPANISH.encode(), 1, set()),
    ("French, long", ".txt", FRENCH.encode(), 1, set()),
    ("Russian", ".txt", RUSSIAN.encode(), 1, set()),
    ("Chinese", ".txt", CHINESE.encode(), 1, set()),
    ("Arabic", ".txt", ARABIC.encode(), 1, set()),
    ("zero-width characters in words", ".txt", ZW.encode(), 1, {"input"}),
    ("bidi marks", ".txt", BIDI.encode(), 1, {"input"}),
    ("soft hyphens", ".txt", SOFT.encode(), 1, {"input"}),
    ("non-breaking spaces", ".txt", NBSP.encode(), 1, {"input"}),
    ("500 combining marks", ".txt", COMBINING.encode(), 1, {"input"}),
    ("control characters", ".txt", CONTROLS.encode(), 1, set()),
    ("emoji only", ".txt", "\U0001f600\U0001f4a5" .encode() * 50, 1, set()),
    ("digits and punctuation only", ".txt", b"123 456 !!! ??? ... 789" * 10, 1, set()),
    ("no date (text file)", ".txt", GOOD.encode(), 1, {"input"}),
    ("CRLF line ends", ".txt", (GOOD + "\r\n") .encode() * 3, 1, {"input"}),
    ("malformed JSON line", ".jsonl", jsonl(GOOD_LINE, raw=b'{"id": "x", "text": \n'), 2,
     {"good"}),
    ("truncated JSON", ".jsonl", jsonl(GOOD_LINE, raw=b'{"id": "y", "te'), 2, {"good"}),
    ("JSON array, string, number, null lines", ".jsonl",
     jsonl(GOOD_LINE, [1, 2], "text", 3, None), 5, {"good"}),
    ("control character inside a JSON string", ".jsonl",
     jsonl(GOOD_LINE, raw=b'{"text": "a\x01b"}\n'), 2, {"good"}),
    ("missing text / text null", ".jsonl", jsonl(GOOD_LINE, {"id": "m"}, {"text": None}), 3,
     {"good"}),
    ("text a number, a list, an object", ".jsonl",
     jsonl(GOOD_LINE, {"text": 5}, {"text": ["a"]}, {"text": {"a": 1}}), 4, {"good"}),
    ("id a list; id a number", ".jsonl",
     jsonl(GOOD_LINE, {"id": [1], "text": GOOD}, {"id": 7, "text": GOOD}), 3, {"good", "7"}),
    ("id with a line break", ".jsonl", jsonl(GOOD_LINE, {"id": "a\nb", "text": 5}), 2,
     {"good"}),
    ("bad dates", ".jsonl", jsonl(GOOD_LINE, {"text": GOOD, "date": "2026-02-30"},
                                  {"text": GOOD, "date": 20260204},
                                  {"text": GOOD, "date": "yesterday"}), 4, {"good"}),
    ("lone surrogate in text", ".jsonl",
     jsonl(GOOD_LINE, {"id": "s", "text": GOOD.replace("China", "Chi\ud800na")}), 2,
     {"good", "s"}),
    ("lone surrogates in id and title", ".jsonl",
     jsonl(GOOD_LINE, {"id": "s\udc80", "title": "\ud83d", "text": GOOD}), 2, {"good"}),
    ("10,000 nested brackets", ".jsonl", jsonl(GOOD_LINE, raw=b"[" * 10_000 + b"\n"), 2,
     {"good"}),
    ("non-UTF-8 line among good ones", ".jsonl",
     jsonl(GOOD_LINE, raw=b'{"text": "caf\xe9"}\n'), 2, {"good"}),
    ("unknown fields", ".jsonl", jsonl({**GOOD_LINE, "body": 1, "lang": "en"}), 1, {"good"}),
    ("blank lines only", ".jsonl", b"\n\n  \n", 0, set()),
    ("CSV without a text column", ".csv", b"id,body\n1,hello\n", 1, set()),
    ("CSV ragged row", ".csv", f"id,text\ng,{GOOD}\nx,a,b,c\n".encode(), 2, {"g"}),
    ("Parquet that is not Parquet", ".parquet", b"PAR1garbage", 1, set()),
    ("HTML with no article", ".html", b"<html><body><nav>menu</nav></body></html>", 1,
     set()),
    ("feed that is not a feed", ".xml", b"<notafeed/>", 1, set()),
    ("binary on standard input", "-", bytes(range(256)) * 4, 1, set()),
    ("JSONL with a surrogate on standard input", "-",
     jsonl(GOOD_LINE, {"id": "s", "text": "Xi \udfff met Putin."}), 2, {"good", "s"}),
    ("standard input closed", "closed", None, 1, set()),
]
INGEST_CASES = [c for c in CODE_CASES if c[0] in {
    "lone surrogate in text", "lone surrogates in id and title", "malformed JSON line",
    "binary bytes", "JSON array, string, number, null lines", "standard input closed",
    "zero-width characters in words", "Spanish, short"}]


def cli() -> list[str]:
    return [sys.executable, "-m", "communique"]


def run_cli(args: list[str], data: bytes | None, suffix: str, folder: Path
            ) -> tuple[subprocess.CompletedProcess, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    if suffix in ("-", "closed"):
        stdin = subprocess.DEVNULL if data is None else subprocess.PIPE
        if suffix == "closed":  # `<&-`: the process starts with descriptor 0 closed
            result = subprocess.run(["bash", "-c", 'exec "$@" <&-', "battery", *cli(),
                                     *args, "-"], capture_output=True, env=env)
        else:
            result = subprocess.run([*cli(), *args, "-"], input=data, capture_output=True,
                                    env=env)
        del stdin
    else:
        path = folder / f"input{suffix}"
        path.write_bytes(data or b"")
        result = subprocess.run([*cli(), *args, str(path)], capture_output=True, env=env)
    stderr = result.stderr.decode("utf-8", "replace")
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped:")]
    return result, skipped


def battery_code(tally: Tally, folder: Path) -> None:
    for name, suffix, data, records, must in CODE_CASES:
        result, skipped = run_cli(["code"], data, suffix, folder)
        stderr = result.stderr.decode("utf-8", "replace")
        out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()
               if line.strip()]
        ids = {str(r["id"]) for r in out}
        crash = "Traceback" in stderr or result.returncode not in (0, 1)
        lost = len(out) + len(skipped) < records or not must <= ids
        if crash:
            tally.crashes.append(f"code: {name}")
        if lost:
            tally.losses.append(f"code: {name}")
        note = f"{len(out)} coded, {len(skipped)} reported (exit {result.returncode})"
        if skipped:
            note += f": {skipped[0][9:90]}"
        tally.line("code", name, not (crash or lost), note)


def battery_ingest(tally: Tally, folder: Path) -> None:
    import duckdb

    for number, (name, suffix, data, records, must) in enumerate(INGEST_CASES):
        db = folder / f"store{number}.duckdb"
        result, skipped = run_cli(["ingest", "--db", str(db), "--workers", "1"], data, suffix,
                                  folder)
        stderr = result.stderr.decode("utf-8", "replace")
        stored: set[str] = set()
        if db.exists():
            with duckdb.connect(str(db), read_only=True) as connection:
                stored = {row[0] for row in connection.execute(
                    "SELECT article_id FROM articles").fetchall()}
        crash = "Traceback" in stderr or result.returncode not in (0, 1)
        lost = len(stored) + len(skipped) < records or not must <= stored
        if crash:
            tally.crashes.append(f"ingest: {name}")
        if lost:
            tally.losses.append(f"ingest: {name}")
        tally.line("ingest", name, not (crash or lost),
                   f"{len(stored)} stored, {len(skipped)} reported (exit {result.returncode})")


def battery_api(tally: Tally, folder: Path) -> None:
    from fastapi.testclient import TestClient

    from communique import Coder
    from communique.api import create_app

    token = "a-battery-token-of-some-length"
    auth = {"authorization": f"Bearer {token}", "content-type": "application/json"}
    app = create_app(folder / "api.duckdb", token=token, coder=Coder())
    with TestClient(app, raise_server_exceptions=False) as client:
        def check(name: str, response, *, coded: int | None = None,
                  must: str | None = None) -> None:
            fault = response.status_code >= 500
            if fault:
                tally.faults.append(f"api: {name}")
            lost = False
            if coded is not None:  # an /ingest: every article stored or reported
                body = response.json()
                counted = body.get("coded", 0) + body.get("unchanged", 0) + body.get(
                    "skipped", 0)
                lost = counted < coded or (must is not None and client.get(
                    f"/articles/{must}").status_code != 200)
                if lost:
                    tally.losses.append(f"api: {name}")
            tally.line("api", name, not (fault or lost), f"{response.status_code} "
                       f"{response.text[:70]}")

        def post(path: str, body: object):
            return client.post(path, content=json.dumps(body), headers=auth)

        check("POST /code lone surrogate", post("/code", {"text": "Xi \ud800 met Putin."}))
        check("POST /code empty text", post("/code", {"text": ""}))
        check("POST /code text null", post("/code", {"text": None}))
        check("POST /code Spanish", post("/code", {"text": SPANISH}))
        check("POST /code control characters", post("/code", {"text": CONTROLS}))
        check("POST /code invisible characters", post("/code", {"text": ZW}))
        check("POST /code body not JSON", client.post("/code", content=b"{not json",
                                                      headers=auth))
        check("POST /code body a list", post("/code", [1, 2]))
        check("POST /code body non-UTF-8", client.post("/code", content=b'{"text": "\xff"}',
                                                       headers=auth))
        check("POST /code bad date", post("/code", {"text": GOOD, "date": "2026-13-01"}))
        check("POST /ingest surrogate beside a good one",
              post("/ingest", {"articles": [{"id": "s", "text": "Chi\ud800na"}, GOOD_LINE]}),
              coded=2, must="good")
        check("POST /ingest articles not objects",
              post("/ingest", {"articles": [1, "x", None, {**GOOD_LINE, "id": "g2"}]}),
              coded=4, must="g2")
        check("POST /ingest unknown fields and missing text",
              post("/ingest", {"articles": [{"body": 1}, {"id": "u", "text": GOOD,
                                                          "lang": "en"},
                                            {**GOOD_LINE, "id": "g3"}]}), coded=3, must="g3")
        check("POST /ingest binary-looking text",
              post("/ingest", {"articles": [{"text": "\x00" * 50}, {**GOOD_LINE, "id": "g4"}]}),
              coded=2, must="g4")
        for path in ("/events", "/articles", "/actors"):
            check(f"GET {path}?offset=1e20", client.get(f"{path}?offset=99999999999999999999"))
            check(f"GET {path}?offset=-1", client.get(f"{path}?offset=-1"))
            check(f"GET {path}?limit=0", client.get(f"{path}?limit=0"))
            check(f"GET {path}?since=2026-02-30", client.get(f"{path}?since=2026-02-30"))
        check("GET /events?dyad=CHN,", client.get("/events?dyad=CHN,"))
        check("GET /events?actor=%ED%A0%80 (a surrogate)", client.get("/events?actor=%ED%A0%80"))
        check("GET /events?actor=' OR 1=1 --", client.get("/events?actor=' OR 1=1 --"))
        check("GET /events?actor= 10k chars", client.get("/events?actor=" + "x" * 10_000))
        check("GET /dyads/CHN/RUS?period=decade", client.get("/dyads/CHN/RUS?period=decade"))
        check("GET /articles/%00", client.get("/articles/%00"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["code", "ingest", "api"])
    args = parser.parse_args()
    tally = Tally()
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "code"):
            battery_code(tally, Path(folder))
        if args.only in (None, "ingest"):
            battery_ingest(tally, Path(folder))
        if args.only in (None, "api"):
            battery_api(tally, Path(folder))
    print(f"\n{tally.checks} checks: crashes {len(tally.crashes)}, silent losses "
          f"{len(tally.losses)}, 500s {len(tally.faults)}")
    for label, items in (("crash", tally.crashes), ("loss", tally.losses),
                         ("500", tally.faults)):
        for item in items:
            print(f"  {label}: {item}")
    return 0 if not (tally.crashes or tally.losses or tally.faults) else 1


if __name__ == "__main__":
    sys.exit(main())
