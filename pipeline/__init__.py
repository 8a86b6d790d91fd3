"""newsie: information extraction from news about diplomacy and economic deals.

Library API (the CLI is a thin layer over it)::

    import pipeline
    nlp = pipeline.load_pipeline()                      # once; reuse for many texts
    tables = pipeline.extract(text, published="2023-10-17", nlp=nlp)
    tables["quotes"]                                     # a pandas DataFrame
    pipeline.run(["corpus/"], out="outputs/")            # the batch, as `newsie run`
    frames = pipeline.read_tables("outputs/")            # typed DataFrames of a run

The names are imported on first use (PEP 562): ``import pipeline`` alone loads nothing
heavy. spaCy imports this package whenever it looks up a factory (newsie registers its
stages as ``spacy_factories`` entry points), so an eager import here would load pandas,
the viewer and the run machinery into every spaCy program of the environment.
"""

from __future__ import annotations

import importlib

#: public name -> (module, attribute); module None: the module itself
_EXPORTS = {
    "extract": ("pipeline.api", "extract"),
    "run": ("pipeline.api", "run"),
    "load_pipeline": ("pipeline.core.config", "load_pipeline"),
    "ModelNotFound": ("pipeline.core.config", "ModelNotFound"),
    "ConfigError": ("pipeline.core.config", "ConfigError"),
    "read_tables": ("pipeline.core.tables", "read_tables"),
    "TABLES": ("pipeline.core.schema", "TABLES"),
    "columns": ("pipeline.core.schema", "columns"),
    "schema": ("pipeline.core.schema", None),
    "render": ("pipeline.viewer", "render"),   # the article viewer: pipeline.render("outputs", article_id)
}

__all__ = ["extract", "run", "load_pipeline", "read_tables", "TABLES", "columns", "schema",
           "ModelNotFound", "ConfigError", "render"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    module, attr = _EXPORTS[name]
    value = importlib.import_module(module)
    value = value if attr is None else getattr(value, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
