"""The README stays true: the two commands first, the schema generated from pipeline.core.schema."""

from pathlib import Path

from pipeline.core.schema import markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    block = text.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["make run", "make test"]


def test_readme_schema_matches_the_code():
    text = README.read_text(encoding="utf-8")
    section = text.split("<!-- schema:start -->\n", 1)[1].split("<!-- schema:end -->", 1)[0]
    assert section == markdown(), "run: .venv/bin/python scripts/schema_doc.py --write"
