"""Print the table schema as Markdown, or rewrite the README's schema section (--write)."""

import sys
from pathlib import Path

from pipeline.core.schema import markdown

START, END = "<!-- schema:start -->", "<!-- schema:end -->"

if __name__ == "__main__":
    if "--write" in sys.argv:
        readme = Path(__file__).resolve().parent.parent / "README.md"
        text = readme.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        readme.write_text(f"{head}{START}\n{markdown()}{END}{tail}", encoding="utf-8")
    else:
        print(markdown(), end="")
