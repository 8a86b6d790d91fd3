"""The lock installs today and in a year: every requirement that an installed distribution
declares (with the extras it asks for, for this platform and Python) is pinned in
requirements.lock with those extras, at a version the requirement allows.

`--strip-extras` once dropped `smart-open[http]` and `lxml[html_clean]` from the lock; pip then
looked for the newest release of those packages and the hash check refused it. This test fails
on exactly that (tried: removing `[html-clean]` from the lock's lxml line fails it)."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[([^\]]*)\])?==(\S+)", re.M)


def read_lock(text: str) -> dict[str, tuple[str, set[str]]]:
    """name -> (version, extras) for every pinned line of a pip-compile lock."""
    out = {}
    for name, extras, version in LINE.findall(text):
        found = {canonicalize_name(e) for e in extras.split(",") if e.strip()}
        out[canonicalize_name(name)] = (version, found)
    return out


def missing_requirements(lock: dict[str, tuple[str, set[str]]], roots: list[Requirement]) -> list[str]:
    """What the installed distributions ask for that the lock does not give, walking from the
    roots through each distribution's declared requirements (markers evaluated for the extras
    requested of it)."""
    problems: list[str] = []
    seen: set[tuple[str, frozenset]] = set()
    todo = [(req, "requirements.in") for req in roots]
    while todo:
        req, origin = todo.pop()
        name = canonicalize_name(req.name)
        extras = frozenset(canonicalize_name(e) for e in req.extras)
        if name not in lock:
            problems.append(f"{req} (from {origin}) is not in the lock")
            continue
        version, locked_extras = lock[name]
        if req.specifier and not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req} (from {origin}) does not allow the locked {name}=={version}")
        if not extras <= locked_extras:
            problems.append(f"{req} (from {origin}) asks for extras {sorted(extras - locked_extras)} "
                            f"that the lock's {name} line does not carry")
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name} is locked but not installed")
            continue
        for spec in dist.requires or []:
            child = Requirement(spec)
            envs = [{"extra": e} for e in extras] or [{"extra": ""}]
            if child.marker is None or any(child.marker.evaluate(env) for env in envs):
                todo.append((child, f"{name}{'[' + ','.join(sorted(extras)) + ']' if extras else ''}"))
    return problems


def roots() -> list[Requirement]:
    reqs = []
    for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            reqs.append(Requirement(line))
    return reqs


def test_lock_covers_every_declared_requirement():
    lock = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert missing_requirements(lock, roots()) == []


def test_every_lock_entry_is_hashed():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for match in LINE.finditer(text):
        after = text[match.end():match.end() + 200]
        assert "--hash=sha256:" in after.split("\n", 2)[1], match.group(0)


def test_a_dropped_extra_is_caught():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert "lxml[html-clean]==" in text
    stripped = read_lock(text.replace("lxml[html-clean]==", "lxml=="))
    problems = missing_requirements(stripped, roots())
    assert any("html-clean" in p and "lxml" in p for p in problems), problems


@pytest.mark.parametrize("name", ["pip", "setuptools"])
def test_installer_is_pinned(name):
    lock = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    assert canonicalize_name(name) in lock
    assert metadata.version(name) == lock[canonicalize_name(name)][0]
