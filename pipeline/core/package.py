"""``newsie package OUT``: the newsie pipeline as a spaCy pipeline directory.

``spacy.load(OUT)`` then gives the full newsie pipeline in any environment where newsie is
installed: the factories are registered through the ``spacy_factories`` entry points of the
newsie distribution, so nothing needs to import ``pipeline`` first. The rule data is the
installed package's own (``pipeline/models``): paths that point at it are written as empty
settings, which every stage reads as "the package's data". A config whose paths point
elsewhere keeps them (absolute), so a custom rule set is packaged by reference.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

from .paths import models_dir


def _path_settings(section: dict) -> list:
    return [k for k in section if k == "data_dir" or k.endswith(("_dir", "_table"))]


def _inside(value, base: Path) -> bool:
    return isinstance(value, str) and bool(value) and Path(value).resolve().is_relative_to(base)


def package_pipeline(nlp: Language, out: Path, version: str) -> Path:
    """Write ``nlp`` to ``out``, data settings that point at the package's data emptied."""
    import spacy

    out = Path(out)
    nlp.meta["name"] = "newsie"
    nlp.meta["version"] = version
    nlp.meta["requirements"] = sorted(set(nlp.meta.get("requirements", [])) | {f"newsie=={version}"})
    nlp.meta["description"] = ("newsie: quotes, signed documents, money and dates from news; "
                               "needs the newsie package installed (its factories and rule data).")
    nlp.to_disk(out)
    base = models_dir().resolve()
    cfg = spacy.util.load_config(out / "config.cfg", interpolate=False)
    for name, section in cfg["components"].items():
        if str(section.get("factory", "")).startswith("newsie_"):
            for key in _path_settings(section):
                if _inside(section[key], base):
                    section[key] = None
    cfg.to_disk(out / "config.cfg")
    (out / "newsie.json").write_text(json.dumps({"newsie_version": version}, indent=2) + "\n", encoding="utf-8")
    return out
