"""Shared fixtures. The real English model loads once per test session."""

from __future__ import annotations

import json

import pytest

from .shared import ROOT, SEED_DIR, shared_file

__all__ = ["ROOT", "SEED_DIR"]


@pytest.fixture(scope="session")
def coder():
    from communique import Coder

    return Coder()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(shared_file(SEED_DIR / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(coder, seed_gold):
    text = shared_file(SEED_DIR / seed_gold["article"]).read_text(encoding="utf-8")
    return coder.code(text, date=seed_gold["published"], id="seed")


def pytest_collection_modifyitems(items):
    for item in items:
        if "coder" in getattr(item, "fixturenames", ()) or "seed_article" in getattr(
                item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
