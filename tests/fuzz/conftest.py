"""Hypothesis profiles: `fast` (the default, a few seconds a test, for every run of the
suite) and `long` (many more examples, by hand: HYPOTHESIS_PROFILE=long)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow,
                                                        HealthCheck.function_scoped_fixture,
                                                        HealthCheck.data_too_large]}
settings.register_profile("fast", max_examples=25, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=1000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
