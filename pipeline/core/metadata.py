"""Article metadata: the bounded front-matter reader and the checks on every metadata value.

Front matter is YAML read by ``BoundedLoader`` (a ``yaml.SafeLoader``): at most
``MAX_FRONT_MATTER`` characters, at most ``MAX_ALIASES`` aliases, and a node tree that,
with every alias expanded, stays under ``MAX_EXPANDED`` (scalar characters plus one per
node). The expanded size is computed on the composed node graph (each shared node once),
so an alias bomb is refused before anything is expanded. Timestamps are not resolved by
YAML: ``published`` stays the text that was written and ``normalise_date`` checks it.

Every problem is a ``MetadataError`` with a message for the article's error row.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

import yaml

#: characters of front matter read at most (the closing ``---`` must come before)
MAX_FRONT_MATTER = 65_536
#: aliases (``*name``) allowed in one front matter
MAX_ALIASES = 100
#: size of the front matter with every alias expanded: scalar characters + 1 per node
MAX_EXPANDED = 1_000_000
#: characters of one title, url, source or published value
MAX_VALUE = 10_000
#: metadata keys read into the articles table; all must be scalars
TEXT_KEYS = ("title", "url", "source")

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
REDUCED_DATE = re.compile(r"\A(\d{4})(?:-(\d{2}))?\Z")
FULL_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})(?:[T ](.*))?\Z", re.S)


class MetadataError(ValueError):
    """Metadata that cannot be used; the message goes into the article's error row."""


class BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that counts aliases and leaves timestamps as text."""

    yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise MetadataError(f"front matter uses more than {MAX_ALIASES} YAML aliases; refused")
        return super().compose_node(parent, index)


# an explicit !!timestamp stays text too; normalise_date checks it
BoundedLoader.add_constructor(TIMESTAMP_TAG, lambda loader, node: loader.construct_scalar(node))


def expanded_size(root: yaml.Node) -> int:
    """Scalar characters plus one per node, as if every alias were expanded; each shared
    node is measured once. Raises MetadataError past MAX_EXPANDED or on a recursive alias."""
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            active.discard(key)
            if isinstance(node, yaml.ScalarNode):
                size = 1 + len(node.value)
            else:
                children = node.value if isinstance(node, yaml.SequenceNode) else \
                    [n for pair in node.value for n in pair]
                size = 1 + sum(sizes[id(c)] for c in children)
            if size > MAX_EXPANDED:
                raise MetadataError(f"front matter expands to more than {MAX_EXPANDED:,} characters "
                                    f"(YAML aliases); refused")
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in active:
            raise MetadataError("front matter has a recursive YAML alias; refused")
        active.add(key)
        stack.append((node, True))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((c, False) for c in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend((c, False) for pair in reversed(node.value) for c in reversed(pair))
    return sizes[id(root)]


def load_front_matter(source: str) -> dict:
    """The front matter's mapping, scalar keys raw where YAML typed them (``title: 1984``
    is the text ``1984``). Raises MetadataError."""
    if len(source) > MAX_FRONT_MATTER:
        raise MetadataError(f"front matter is over {MAX_FRONT_MATTER:,} characters")
    loader = None
    try:
        loader = BoundedLoader(source)   # the reader refuses unprintable characters here
        node = loader.get_single_node()
        if node is None:
            return {}
        expanded_size(node)
        data = loader.construct_document(node)
    except MetadataError:
        raise
    except yaml.YAMLError as exc:
        raise MetadataError(f"front matter is not valid YAML: {str(exc).splitlines()[0]}") from None
    except Exception as exc:  # noqa: BLE001 - a tag the constructor refuses (!!int abc)
        raise MetadataError(f"front matter has a value YAML cannot read: {type(exc).__name__}: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict):
        raise MetadataError("front matter is not a mapping of keys to values")
    raw = _raw_scalars(node)
    return {key: raw.get(key, value) if key in TEXT_KEYS + ("published",) and _is_plain(value) else value
            for key, value in data.items()}


def _raw_scalars(node: yaml.Node) -> dict:
    """Top-level key -> the scalar's text as written, for scalar values with scalar keys."""
    out = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
                out[key.value] = value.value
    return out


def _is_plain(value) -> bool:
    """A scalar YAML typed as something other than text (number, bool, date)."""
    return isinstance(value, (int, float, dt.date)) and value is not None


def text_value(key: str, value) -> Optional[str]:
    """A title/url/source value: text or nothing; raises MetadataError otherwise."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise MetadataError(f"{key} must be text, not {_kind(value)}")
    check_text(key, value)
    return value


def check_text(key: str, value: str, limit: int = MAX_VALUE) -> None:
    if len(value) > limit:
        raise MetadataError(f"{key} is {len(value):,} characters, over the limit of {limit:,}")
    if _has_surrogate(value):
        raise MetadataError(f"{key} holds a lone surrogate (not valid Unicode)")


def _has_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _kind(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__} ({str(value)[:40]!r})"


def normalise_date(value) -> Optional[str]:
    """A publication date as ISO text: ``YYYY-MM-DD`` (a time of day is dropped), or the
    reduced precision ``YYYY-MM`` / ``YYYY`` kept as given. Raises MetadataError (a
    ValueError) for anything else, with the reason (impossible day, hour 25, ...)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise MetadataError(f"published is not a date: {value!r}")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        raise MetadataError(f"published must be an ISO date, not {_kind(value)}")
    text = value.strip()
    check_text("published", text, 100)
    reduced = REDUCED_DATE.match(text)
    if reduced:
        if reduced.group(2) and not 1 <= int(reduced.group(2)) <= 12:
            raise MetadataError(f"published {text!r} is not a real date: month must be 01..12")
        return text
    full = FULL_DATE.match(text)
    if not full:
        raise MetadataError(f"published is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY): {text!r}")
    try:
        day = dt.date(int(full.group(1)), int(full.group(2)), int(full.group(3)))
        if full.group(4) is not None:
            dt.datetime.fromisoformat(f"{day.isoformat()}T{full.group(4).strip()}")
    except ValueError as exc:
        raise MetadataError(f"published {text!r} is not a real date: {exc}") from None
    return day.isoformat()
