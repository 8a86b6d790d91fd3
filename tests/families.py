"""Pathological text families for the linear-time tests (issue 10): ``make(n) -> text``,
the text growing linearly with ``n``. Shared so every stage can be measured on them."""

from __future__ import annotations


def bullet_lines(n: int) -> str:
    """A list of ``n`` bullet items, one a line."""
    return "The ministers signed these documents:\n" + "".join(
        f"• Agreement on trade and transport number {i};\n" for i in range(n))


def nested_guillemets(n: int) -> str:
    """Runs of opening guillemets that never close properly («« « ...)."""
    return ("Tokayev said " + "«" * n + " the talks went well " + "»" * (n // 2) + ". "
            + "« " * n + "and the sides agreed.")


def blank_line_runs(n: int) -> str:
    """Runs of ``n`` blank lines (plain and with spaces) between short paragraphs."""
    return ("Leaders met in Astana.\n" + "\n" * n + "They signed a treaty on trade.\n"
            + " \n" * n + "\t\n" * n + "The talks ended.")


def long_line(n: int) -> str:
    """One line of ``n`` short sentences (no line break at all)."""
    return "Leaders met. " * n


def said_that_chain(n: int) -> str:
    """"X said that Y said that ..." ``n`` deep."""
    return "Officials said " + " ".join(f"minister {i} said that" for i in range(n)) + " the deal was signed."


def spaces_in_signing(n: int) -> str:
    """A run of ``n`` spaces inside a signing sentence."""
    return "The two sides signed an agreement on" + " " * n + "trade in Astana."


def dash_bullets_dates(n: int) -> str:
    """``n`` dash bullets, each holding a date."""
    return "Dates:\n" + "".join(f"- on 12 May 2023 item {i}\n" for i in range(n))


FAMILIES = {
    "bullet_lines": bullet_lines,
    "nested_guillemets": nested_guillemets,
    "blank_line_runs": blank_line_runs,
    "long_line": long_line,
    "said_that_chain": said_that_chain,
    "spaces_in_signing": spaces_in_signing,
    "dash_bullets_dates": dash_bullets_dates,
}
