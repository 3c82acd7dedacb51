"""`strategy.matrix` expansion and `runs-on` runner configuration, as GitHub Actions defines them.

Matrix rules (GitHub's): the cartesian product of the non-`include`/`exclude` keys in written order;
`exclude` entries remove every combination they match (all their pairs equal); then each `include`
entry, in order, is merged into every original combination (one of the product, never one an
earlier entry created) whose original values it does not overwrite (values added by earlier
entries may be overwritten), or becomes a new combination when it fits none; a matrix with only
`include` has one combination per entry. Source: GitHub Actions documentation, "Using a matrix
for your jobs", sections "Expanding or adding matrix configurations" and "Example: Adding
configurations".
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["MAX_MATRIX_JOBS", "MatrixError", "expand_matrix", "matrix_value", "runner_config"]

MAX_MATRIX_JOBS = 256
"""GitHub's limit of jobs one matrix may produce."""

_EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.S)
_DEPOT_SIZE = re.compile(r"^depot-.+-(2|4|8|16|32|64)$")


class MatrixError(ValueError):
    """A matrix or runner configuration the emulator cannot expand; the message says where and why."""


def matrix_value(value: Any) -> str:
    """A matrix value serialized as the API reports it: scalars as text, lists and maps as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(_plain(value), separators=(",", ":"), sort_keys=False)
    return str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def expand_matrix(matrix: Any, where: str) -> list[dict[str, Any]]:
    """The combinations of a `strategy.matrix` mapping, in GitHub's order.

    Args:
        matrix: The parsed `strategy.matrix` value.
        where: Where it is, for messages (e.g. `workflowContent[0]: jobs.test.strategy.matrix`).

    Returns:
        One mapping (matrix key -> raw YAML value) per job instance; never empty.

    Raises:
        MatrixError: If the matrix is not a mapping of lists, uses an expression the emulator
            cannot evaluate, produces no combination, or more than `MAX_MATRIX_JOBS`.
    """
    if isinstance(matrix, str) and _EXPRESSION.search(matrix):
        msg = f"{where}: matrix expressions ({matrix.strip()}) are not evaluated by the emulator; write the values"
        raise MatrixError(msg)
    if not isinstance(matrix, Mapping) or not matrix:
        msg = f"{where}: must be a non-empty mapping of keys to lists of values"
        raise MatrixError(msg)
    keys = [str(k) for k in matrix if k not in ("include", "exclude")]
    axes: list[list[Any]] = []
    for key in keys:
        values = matrix[key]
        if isinstance(values, str) and _EXPRESSION.search(values):
            msg = f"{where}.{key}: matrix expressions are not evaluated by the emulator; write the values as a list"
            raise MatrixError(msg)
        if not isinstance(values, list) or not values:
            msg = f"{where}.{key}: must be a non-empty list of values"
            raise MatrixError(msg)
        axes.append(list(values))
    combos: list[dict[str, Any]] = [dict(zip(keys, c, strict=True)) for c in itertools.product(*axes)] if keys else []
    for index, rule in enumerate(_entries(matrix.get("exclude"), f"{where}.exclude")):
        unknown = [k for k in rule if k not in keys]
        if unknown:
            msg = f"{where}.exclude[{index}]: {unknown[0]!r} is not a matrix key (keys: {', '.join(keys)})"
            raise MatrixError(msg)
        combos = [c for c in combos if not all(_same(c[k], v) for k, v in rule.items())]
    combos += _include(combos, keys, _entries(matrix.get("include"), f"{where}.include"))
    if not combos:
        msg = f"{where}: produces no job (every combination is excluded)"
        raise MatrixError(msg)
    if len(combos) > MAX_MATRIX_JOBS:
        msg = f"{where}: produces {len(combos)} jobs; a matrix may produce at most {MAX_MATRIX_JOBS}"
        raise MatrixError(msg)
    return combos


def _include(originals: list[dict[str, Any]], keys: list[str], entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Applies `include` entries to `originals` in place; returns the new combinations, in entry order.

    An entry is matched only against the original combinations (never against one an earlier
    entry created): it is merged into each whose original values (`keys`) it does not change,
    overwriting values earlier entries added; an entry merged into none becomes a combination.
    """
    added: list[dict[str, Any]] = []
    for entry in entries:
        fits = [c for c in originals if all(_same(c[k], v) for k, v in entry.items() if k in keys)]
        for combo in fits:
            combo.update({k: v for k, v in entry.items() if k not in keys})
        if not fits:
            added.append(dict(entry))
    return added


def _entries(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        msg = f"{where}: must be a list of mappings"
        raise MatrixError(msg)
    return [{str(k): v for k, v in entry.items()} for entry in value]


def _same(a: Any, b: Any) -> bool:
    return matrix_value(a) == matrix_value(b)


def runner_config(runs_on: Any, container: Any, where: str) -> dict[str, Any]:
    """The runner configuration the API reports for a job's `runs-on` (and `container`).

    Depot runner labels `depot-<os>-<N>` give N CPUs and 4*N GB (plain `depot-<os>`: 2 CPUs, 8 GB);
    other labels leave CPUs and memory at 0. A label or image still holding a `${{ }}` expression
    (after matrix values were substituted) is reported as `size`, with CPUs and memory 0.

    Returns:
        `{"labels": [...], "image": str, "cpus": int, "memory_gb": int, "size": str}`.

    Raises:
        MatrixError: If `runs-on` is missing or not a label, a list of labels, or a mapping with
            `labels`.
    """
    if isinstance(runs_on, Mapping):
        runs_on = runs_on.get("labels", runs_on.get("group"))
    labels = [runs_on] if isinstance(runs_on, str) else runs_on
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        msg = f"{where}: runs-on is required: a runner label, a list of labels, or a mapping with labels"
        raise MatrixError(msg)
    image = ""
    if isinstance(container, str):
        image = container
    elif isinstance(container, Mapping) and isinstance(container.get("image"), str):
        image = container["image"]
    expressions = [x for x in [*labels, image] if _EXPRESSION.search(x)]
    cpus = memory = 0
    if not expressions:
        for label in labels:
            found = _DEPOT_SIZE.match(label)
            if found:
                cpus, memory = int(found[1]), 4 * int(found[1])
            elif label.startswith("depot-") and not cpus:
                cpus, memory = 2, 8
    size = next((x for x in labels if _EXPRESSION.search(x)), labels[-1] if expressions else "")
    return {"labels": [str(x) for x in labels], "image": image, "cpus": cpus, "memory_gb": memory, "size": size}
