"""newsie: information extraction from news about diplomacy and economic deals.

Library API (the CLI is a thin layer over it)::

    import pipeline
    nlp = pipeline.load_pipeline()                      # once; reuse for many texts
    tables = pipeline.extract(text, published="2023-10-17", nlp=nlp)
    tables["quotes"]                                     # a pandas DataFrame
    pipeline.run(["corpus/"], out="outputs/")            # the batch, as `newsie run`
    frames = pipeline.read_tables("outputs/")            # typed DataFrames of a run
"""

from __future__ import annotations

from .api import extract, run
from .core import schema
from .core.config import ConfigError, ModelNotFound, load_pipeline
from .core.schema import TABLES, columns
from .core.tables import read_tables
from .viewer import render  # the article viewer: pipeline.render("outputs", article_id)

__all__ = ["extract", "run", "load_pipeline", "read_tables", "TABLES", "columns", "schema",
           "ModelNotFound", "ConfigError", "render"]
__version__ = "0.1.0"
