"""Python source text for the templates: string literals, `__all__` lists and docstring literals.

These are the Jinja filters of the render stage (`py_str`, `py_list`, `docstring`): views hold
plain values and `Doc`s, and the templates turn them into text formatted the way ruff and
pycodestyle expect, so the generated code needs no formatter.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "DOC_WIDTH",
    "Doc",
    "DocSection",
    "docstring",
    "docstring_filter",
    "member_sort_key",
    "natural_key",
    "py_list",
    "py_str",
    "split_summary",
]

DOC_WIDTH = 100
"""Docstring lines are wrapped to this many columns, indentation included."""

_LIST_MARKER = re.compile(r"(?:[-*+]|\d+[.)])\s+")
# The end of a sentence: a period and white space before a capital letter, a digit or a backtick.
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z0-9`])")
_SUMMARY_WIDTH = 88
_DIGITS = re.compile(r"(\d+)")


def py_str(value: str) -> str:
    """A Python string literal for `value`, quoted as ruff formats it: double quotes, unless only they occur."""
    literal = json.dumps(value, ensure_ascii=False)
    if '"' not in value or "'" in value:
        return literal
    return "'" + _ESCAPE.sub(lambda escape: '"' if escape[1] == '"' else escape[0], literal[1:-1]) + "'"


_ESCAPE = re.compile(r"\\(.)")


def py_list(items: Iterable[str], indent: int) -> str:
    """A list of string literals, one per line, closing bracket at `indent` (for `__all__`)."""
    values = list(items)
    if not values:
        return "[]"
    pad = " " * (indent + 4)
    body = "".join(f"{pad}{py_str(item)},\n" for item in values)
    return "[\n" + body + " " * indent + "]"


def natural_key(text: str) -> tuple[str | int, ...]:
    """Sort key comparing runs of digits as numbers (`Item2` before `Item10`), as isort does."""
    return tuple(int(chunk) if index % 2 else chunk for index, chunk in enumerate(_DIGITS.split(text)))


def member_sort_key(name: str) -> tuple[int, tuple[str | int, ...], tuple[str | int, ...]]:
    """isort's order for imported names and `__all__`: CONSTANTS, then Classes, then everything else."""
    if len(name) > 1 and name.isupper():
        kind = 0
    elif name[:1].isupper():
        kind = 1
    else:
        kind = 2
    return kind, natural_key(name.lower()), natural_key(name)


# ---------------------------------------------------------------------------------------------
# Docstrings


@dataclass(frozen=True, slots=True)
class DocSection:
    """A Google-style docstring section (`Args:`, `Returns:`, `Raises:`, `Yields:`)."""

    title: str
    entries: tuple[tuple[str, str], ...]
    """(name, text) pairs; an empty name writes the text as a plain paragraph of the section."""


@dataclass(frozen=True, slots=True)
class Doc:
    """The parts of a docstring, before wrapping and escaping."""

    summary: str
    body: str = ""
    """Free text from the API document (markdown): line breaks are kept, long lines wrapped."""
    notes: tuple[str, ...] = ()
    """Paragraphs the generator adds after the body."""
    sections: tuple[DocSection, ...] = ()


def split_summary(description: str) -> tuple[str, str]:
    """Take a summary line from the start of a description: (summary, the rest of the description).

    The first paragraph is the summary when it is one short line; otherwise its first sentence is,
    when short enough. A description that starts with a list, a heading or a code block gives none.
    """
    text = _clean(description)
    first, _, rest = text.partition("\n\n")
    if not first or _LIST_MARKER.match(first) or first.startswith(("#", "```", "~~~", "|", " ")):
        return "", text
    if "\n" not in first and len(first) <= _SUMMARY_WIDTH:
        return first, rest
    sentence = _SENTENCE_END.search(first)
    if sentence and sentence.start() + 1 <= _SUMMARY_WIDTH and "\n" not in first[: sentence.start()]:
        remainder = first[sentence.end() :]
        return first[: sentence.start() + 1], "\n\n".join(part for part in (remainder, rest) if part)
    return "", text


def docstring(doc: Doc, indent: int) -> str:
    """The docstring literal (quotes included), to be placed at `indent` columns.

    Continuation lines carry no indentation of their own: templates indent them (blank lines stay empty).
    """
    width = DOC_WIDTH - indent
    summary = _sentence(_clean(doc.summary).replace("\n", " "))
    parts: list[list[str]] = []
    body = _clean(doc.body)
    if body:
        parts.append(_wrap_markdown(body, width))
    for note in doc.notes:
        parts.append(_wrap(_clean(note), width, "", ""))
    for section in doc.sections:
        lines = [f"{section.title}:"]
        for name, text in section.entries:
            if name:
                lines += _wrap(f"{name}: {_clean(text)}", width, "    ", "        ")
            else:
                lines += _wrap(_clean(text), width, "    ", "    ")
        parts.append(lines)
    first = _wrap(summary, width - 3, "", "")
    if not parts and len(first) == 1:
        text = _escape(first[0])
        if text.endswith('"'):
            text = text[:-1] + '\\"'
        return f'"""{text}"""'
    lines = list(first)
    for part in parts:
        lines.append("")
        lines.extend(part)
    return '"""' + "\n".join(_escape(line) for line in lines) + '\n"""'


def docstring_filter(doc: Doc, indent: int) -> str:
    """`docstring(doc, indent)` with its continuation lines indented by `indent` (blank lines stay empty)."""
    first, *rest = docstring(doc, indent).split("\n")
    return "\n".join([first, *(" " * indent + line if line else line for line in rest)])


def _clean(text: str) -> str:
    """Normalise line ends, tabs, trailing spaces and runs of blank lines; strip outer blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")]
    result: list[str] = []
    for line in lines:
        if line or (result and result[-1]):
            result.append(line)
    return textwrap.dedent("\n".join(result)).strip("\n")


def _sentence(text: str) -> str:
    """End a summary with a period unless it ends with punctuation or a quote already."""
    text = text.strip()
    return text + "." if text and (text[-1].isalnum() or text[-1] in ")`'") else text


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _wrap(text: str, width: int, first_indent: str, indent: str) -> list[str]:
    """Wrap prose, keeping explicit line breaks."""
    lines: list[str] = []
    for index, line in enumerate(text.split("\n")):
        prefix = first_indent if index == 0 else indent
        lines += _wrap_line(line, width, prefix, indent) if line else [""]
    return lines


def _wrap_line(line: str, width: int, first_indent: str, indent: str) -> list[str]:
    wrapped = textwrap.wrap(
        line,
        width=max(width, 40),
        initial_indent=first_indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [first_indent.rstrip()]


def _wrap_markdown(text: str, width: int) -> list[str]:
    """Wrap long prose lines of a markdown text; code blocks, tables and indented lines stay as written."""
    lines: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            lines.append(line)
            continue
        if in_fence or len(line) <= width or line.startswith((" ", "|")):
            lines.append(line)
            continue
        marker = _LIST_MARKER.match(line)
        hanging = " " * (marker.end() if marker else 0)
        lines += _wrap_line(line, width, "", hanging)
    return lines
