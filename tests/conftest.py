"""Shared fixtures. The real English model loads once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "eval" / "seed"


@pytest.fixture(scope="session")
def coder():
    from communique import Coder

    return Coder()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((SEED_DIR / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(coder, seed_gold):
    text = (SEED_DIR / seed_gold["article"]).read_text(encoding="utf-8")
    return coder.code(text, date=seed_gold["published"], id="seed")


def pytest_collection_modifyitems(items):
    for item in items:
        if "coder" in getattr(item, "fixturenames", ()) or "seed_article" in getattr(
                item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
