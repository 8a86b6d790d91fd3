"""The per-article time budget (``--article-timeout``).

The batch writes the budget into each doc (``doc.user_data``) so it travels with the doc
to whichever process runs the pipeline (``--workers N``: spaCy's worker processes). Every
newsie stage runs inside ``spend(doc)``: the time the article's stages have used so far is
kept on the doc, and a ``SIGALRM`` timer interrupts the stage when the rest of the budget
runs out (Python's regex engine and loops check for signals, so a runaway pattern is
stopped too). The stage that ran out records the timeout as the article's error; the later
stages skip the article; its rows so far are kept and its articles row says
``status=error``. The model's own components (tagger, parser, NER) are linear and not
timed. Without ``SIGALRM`` (Windows) or outside a process's main thread the budget is
checked between stages only.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator, Optional

from spacy.tokens import Doc

#: default seconds of newsie-stage time per article
DEFAULT_TIMEOUT = 300.0
BUDGET_KEY = "newsie_budget"
SPENT_KEY = "newsie_spent"
EXPIRED_KEY = "newsie_timed_out"


class ArticleTimeout(BaseException):
    """The article's time budget ran out. A BaseException, so a stage's own
    ``except Exception`` cannot swallow it."""


def set_budget(doc: Doc, seconds: Optional[float]) -> None:
    """Give the doc a budget of ``seconds`` (None or <= 0: no budget)."""
    if seconds is not None and seconds > 0:
        doc.user_data[BUDGET_KEY] = float(seconds)


def expired(doc: Doc) -> bool:
    return bool(doc.user_data.get(EXPIRED_KEY))


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def spend(doc: Doc) -> Iterator[None]:
    """Run a stage on the doc within what is left of its budget; raises ArticleTimeout."""
    budget = doc.user_data.get(BUDGET_KEY)
    if budget is None:
        yield
        return
    spent = doc.user_data.get(SPENT_KEY, 0.0)
    left = budget - spent
    if left <= 0:
        doc.user_data[EXPIRED_KEY] = True
        raise ArticleTimeout(_message(budget))
    alarm = _can_alarm()
    previous = None
    if alarm:
        def on_alarm(signum, frame):
            raise ArticleTimeout(_message(budget))

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, left)
    start = time.monotonic()
    try:
        yield
    except ArticleTimeout:
        doc.user_data[EXPIRED_KEY] = True
        raise
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        doc.user_data[SPENT_KEY] = spent + time.monotonic() - start


def _message(budget: float) -> str:
    return f"the article took longer than {budget:g} s (--article-timeout); stopped"
