"""Named errors: the CLI turns each into one clear line and a non-zero exit code."""

from __future__ import annotations


class RashomonError(Exception):
    """Base class of every error the project raises on purpose."""

    exit_code = 1


class UnusableInput(RashomonError):
    """An input page or file that cannot be used (binary, empty, malformed ...)."""

    exit_code = 3


class StoreError(RashomonError):
    """The store cannot be opened, migrated or written."""

    exit_code = 4


class StaleState(StoreError):
    """A saved state changed after it was read: another run saved first."""


class NotFound(RashomonError):
    """A story, article or storyline id that the store does not hold."""

    exit_code = 2


class MissingDependency(RashomonError):
    """An optional dependency is missing; the message gives the pip command."""

    exit_code = 5


class EngineError(RashomonError):
    """The compute engine (a Ray cluster) cannot be joined or started."""

    exit_code = 6


def require(module: str, extra: str) -> object:
    """Import ``module`` or raise MissingDependency naming ``pip install 'rashomon[extra]'``."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependency(
            f"{module} is needed for this: pip install 'rashomon[{extra}]'"
        ) from exc
