"""``newsie bench stages [PATH]``: each component's share of the pipeline's time on a corpus.

The articles are tokenised and then passed through the components one at a time, in
batches (``component.pipe`` where it has one, as ``nlp.pipe`` does), timing each with the
process's CPU clock so that other load on the machine does not count. Components are
grouped into the base model's and newsie's own stages (those the config adds).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language

from .config import read_config
from .extensions import register_extensions
from .inputs import read_inputs


def newsie_stage_names(config: Optional[Path] = None) -> set[str]:
    cfg, _ = read_config(config)
    settings = cfg["newsie"]
    return set(settings.get("before_parser", [])) | set(settings.get("after", []))


def profile_stages(nlp: Language, paths: Iterable[Path], *, min_articles: int = 100, batch_size: int = 16,
                   config: Optional[Path] = None) -> dict:
    """CPU seconds per component (``tokenizer`` first) over the articles under ``paths``
    (repeated up to ``min_articles``), after one untimed warm-up pass over a few of them."""
    register_extensions()
    arts = [a for a in read_inputs([Path(p) for p in paths]) if not a.error]
    for _ in nlp.pipe([a.body for a in arts[:4]]):
        pass
    arts = arts * max(1, -(-min_articles // max(len(arts), 1)))
    seconds = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for i in range(0, len(arts), batch_size):
        chunk = arts[i:i + batch_size]
        start = time.process_time()
        docs = []
        for art in chunk:
            doc = nlp.make_doc(art.body)
            doc._.published = art.published
            docs.append(doc)
        seconds["tokenizer"] += time.process_time() - start
        for name, proc in nlp.pipeline:
            start = time.process_time()
            docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            seconds[name] += time.process_time() - start
    ours = newsie_stage_names(config)
    return {"articles": len(arts), "seconds": seconds,
            "newsie": sorted(n for n in seconds if n in ours)}


def format_profile(result: dict) -> str:
    seconds, ours = result["seconds"], set(result["newsie"])
    total = sum(seconds.values()) or 1e-9
    lines = [f"{result['articles']} articles, CPU seconds per component (batches of nlp.pipe)",
             f"{'component':<16} {'group':<7} {'seconds':>8} {'share':>7}"]
    for name, secs in sorted(seconds.items(), key=lambda kv: -kv[1]):
        group = "newsie" if name in ours else "model"
        lines.append(f"{name:<16} {group:<7} {secs:8.2f} {100 * secs / total:6.1f}%")
    newsie = sum(s for n, s in seconds.items() if n in ours)
    model = total - newsie
    lines.append(f"newsie's stages: {100 * newsie / total:.1f}% of the time, "
                 f"{newsie / model if model else 0:.2f}x the base model's ({model:.2f} s)")
    return "\n".join(lines)
