"""The fuzz tests' budget: bounded for CI, raised locally with FACTCHECK_FUZZ_EXAMPLES.

Derandomized (a fixed seed per test) so CI is reproducible, with no example database
written into the work tree; the deadline is the "bounded time" of the property.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=10),
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
