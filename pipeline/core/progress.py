"""Progress people can read: total, percentage, articles/s and ETA.

On a terminal one line is redrawn in place (at most five times a second); otherwise (a log
file, CI) a plain line is printed every ``interval`` seconds and once at the end, so logs
stay short. ``count_articles`` gives the total up front: files are listed, ``.jsonl``
files' non-blank lines counted (no parsing).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Iterable, Optional, TextIO

from .inputs import iter_files


def count_articles(paths: Iterable[Path]) -> int:
    total = 0
    for path, _, problem in iter_files(paths):
        if not problem and path.suffix.lower() == ".jsonl":   # never open a refused path (a FIFO)
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"


class Progress:
    """Call ``update(done, total)`` after each batch; ``close()`` at the end."""

    def __init__(self, stream: TextIO = None, *, tty: Optional[bool] = None, interval: float = 30.0):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval if not self.tty else 0.2
        self.start = time.monotonic()
        self.first: Optional[int] = None     # articles already done when this run began (resume)
        self.last_shown = 0.0
        self.line = ""

    def text(self, done: int, total: Optional[int], now: float) -> str:
        if self.first is None:
            self.first = done
        elapsed = max(now - self.start, 1e-9)
        rate = (done - self.first) / elapsed
        parts = [f"{done}/{total}" if total else f"{done}"]
        if total:
            parts.append(f"{100.0 * done / total:5.1f}%")
        parts.append(f"{rate:.1f} articles/s")
        if total and rate > 0 and done < total:
            parts.append(f"ETA {_clock((total - done) / rate)}")
        parts.append(f"elapsed {_clock(elapsed)}")
        return "  ".join(parts)

    def __call__(self, done: int, total: Optional[int]) -> None:
        now = time.monotonic()
        if self.first is None:      # the start: what a resumed run had done already
            self.first = done
            if not self.tty:
                return
        if now - self.last_shown < self.interval and done != total:
            return
        self.last_shown = now
        self.line = self.text(done, total, now)
        if self.tty:
            self.stream.write("\r" + self.line + "\x1b[K")
        else:
            self.stream.write("progress: " + self.line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.line:
            self.stream.write("\n")
            self.stream.flush()
