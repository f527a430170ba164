"""Fixtures of the operations tests: the per-test output folder (test-output/, git-ignored)
and a wall-time line per test (shown with -s or in the captured output)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.ops.opskit import OUTPUT


@pytest.fixture
def output_dir(request) -> Path:
    path = OUTPUT / request.node.name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(autouse=True)
def _wall_time(request):
    start = time.monotonic()
    yield
    print(f"\n[wall] {request.node.nodeid}: {time.monotonic() - start:.1f}s")
