"""Killing ingest at any moment and running it again gives the same store as a run never
killed. The test kills `communique ingest` (SIGKILL, no chance to clean up) twice: once
just after a batch was stored, once in the middle of a later batch, with two worker
processes, which must not outlive it; then runs the same command to the end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from communique.io.readers import read_inputs
from communique.parallel import ParallelCoder
from communique.settings import Settings
from communique.store import Store, ingest

from .conftest import dump
from .corpus import make_articles

pytestmark = pytest.mark.model
ARTICLES = 48


def command(source: Path, db: Path, *more: str) -> list[str]:
    return [sys.executable, "-m", "communique", "-v", "ingest", str(source), "--db", str(db),
            "--commit-every", "3", "--no-progress", *more]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_after(args: list[str], stored_lines: int, delay: float = 0.0) -> int:
    """Start ingest, SIGKILL it `delay` seconds after its n-th stored batch; the number
    of batches it had stored."""
    process = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True)
    seen = 0
    for line in process.stderr:
        if "stored" in line:
            seen += 1
            if seen == stored_lines:
                break
    assert seen == stored_lines, "ingest ended before it could be killed"
    time.sleep(delay)
    workers = children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    deadline = time.monotonic() + 60  # a worker may still be loading its model
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(w) for w in workers), "worker processes outlived ingest"
    return seen


def test_killed_twice_and_run_again_gives_the_same_store(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in make_articles(ARTICLES)))
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"
    # the run never killed, in this process, with a coder of its own as the command makes
    with Store.open(whole, write=True) as store:
        ingest(store, read_inputs([str(source)]), ParallelCoder(Settings.load(), workers=1))
    kill_after(command(source, killed, "--workers", "1"), stored_lines=2)
    with Store.open(killed) as store:
        partial = store.counts()["articles"]
    assert 0 < partial < ARTICLES
    kill_after(command(source, killed, "--workers", "2"), stored_lines=1, delay=0.3)
    finished = subprocess.run(command(source, killed, "--workers", "1"), check=True,
                              capture_output=True, text=True)
    assert "unchanged" in finished.stdout
    with Store.open(whole) as one, Store.open(killed) as other:
        assert one.counts()["articles"] == ARTICLES
        assert dump(one) == dump(other)
