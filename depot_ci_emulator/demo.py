"""The demo run `--demo` (and `make serve`) triggers at start-up, so there is something to look at."""

from __future__ import annotations

from .clock import Clock
from .lifecycle import NewRun, create_run
from .sources import default_sha
from .store import Store
from .workflows import parse_workflow

__all__ = ["DEMO_REPO", "DEMO_WORKFLOW", "seed_demo_run"]

DEMO_REPO = "depot/demo"
"""The repository the demo run belongs to."""

DEMO_WORKFLOW = """\
name: CI
on: [push, workflow_dispatch]
jobs:
  build:
    runs-on: depot-ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - name: Build
        run: |
          echo building
          sleep 2
          echo built
  test:
    needs: build
    runs-on: depot-ubuntu-24.04-4
    strategy:
      matrix:
        python: ["3.11", "3.12"]
    steps:
      - run: echo testing on Python ${{ matrix.python }}
  deploy:
    needs: test
    runs-on: depot-ubuntu-24.04
    steps:
      - id: deploy
        run: |
          echo deploying
          echo "no credentials configured" >&2
          exit 1
  notify:
    needs: deploy
    if: failure()
    runs-on: depot-ubuntu-24.04
    steps:
      - run: echo the deploy failed
"""
"""A workflow that exercises needs, a matrix, a failing job and an `if: failure()` job."""


def seed_demo_run(store: Store, clock: Clock, org_id: str) -> str:
    """Trigger the demo run for `org_id`; returns its run id."""
    plan = parse_workflow(DEMO_WORKFLOW, "demo", ".depot/workflows/ci.yml")
    new = NewRun(
        org_id=org_id,
        repo=DEMO_REPO,
        ref="refs/heads/main",
        sha=default_sha(DEMO_REPO, [DEMO_WORKFLOW]),
        trigger="push",
        workflows=[plan],
    )
    return create_run(store, clock, new)
