"""The project's shared data beside the clone (`../shared`): gold data and reference tables.

A user's clone has no `../shared`, so a test that needs it is skipped with a reason that
names the missing file; CI sets COMMUNIQUE_REQUIRE_SHARED=1, and there the same test fails
instead, so that nothing it checks goes unchecked where the data is.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "eval" / "seed"
REQUIRE = "COMMUNIQUE_REQUIRE_SHARED"


def shared_file(path: Path) -> Path:
    """`path` (under ../shared) if it is there; otherwise skip the test, or fail it under CI."""
    if path.exists():
        return path
    reason = f"needs {path} (the project's shared data, beside the clone as ../shared)"
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{reason}; {REQUIRE}=1 says it must be there")
    pytest.skip(reason)
