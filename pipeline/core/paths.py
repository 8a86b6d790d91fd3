"""Where newsie's data lives: the pipeline config and rule files ship inside the package.

The canonical copy of the rule data is ``pipeline/models/`` (a package-data folder, so an
installed wheel carries it); the top-level ``models/`` of the repository is a symlink to it,
kept so the repository's rooms are where the design card says. Code reaches the data only
through these functions (``importlib.resources``), never through the checkout.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Optional


def models_dir() -> Path:
    """The package's ``models/`` folder (pipeline config and rule data)."""
    return Path(str(resources.files("pipeline").joinpath("models")))


def default_config_path() -> Path:
    return models_dir() / "newsie.cfg"


def stage_data_dir(stage: str, data_dir: Optional[str]) -> Path:
    """Where a stage's rule files are: ``data_dir`` if given (relative to models/), else models/<stage>."""
    if not data_dir:
        return models_dir() / stage
    path = Path(data_dir)
    return path if path.is_absolute() else models_dir() / path


def other_stage_path(path: Optional[str], stage: str, name: str = "") -> Path:
    """A configured path to another stage's data (a ``*_table``/``*_dir`` setting), else its
    standard place, models/<stage>/<name>."""
    if path:
        return Path(path)
    folder = stage_data_dir(stage, None)
    return folder / name if name else folder


def benchmarks_dir() -> Path:
    """The peer test suites: $NEWSIE_BENCHMARKS, else ../shared/benchmarks beside the checkout."""
    env = os.environ.get("NEWSIE_BENCHMARKS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "benchmarks"
