"""Runners: the same step list, run locally or on Ray."""

from rashomon.runners.local import run_local

__all__ = ["run_local"]
