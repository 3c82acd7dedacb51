"""Workflow YAML -> a plan the executor runs: jobs (matrix-expanded), their `needs` DAG, steps,
conditions, runner configuration and the workflow_dispatch input schema.

YAML is read as YAML 1.2 by ruamel.yaml, so `on:` stays the key "on" (YAML 1.1 reads it as true).
Every error is a `WorkflowError` whose message starts with where the problem is: the request field
or file (`workflowContent[1]`, `.depot/workflows/ci.yml`), the key path in the document, and the
line when known, then what to do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .inputs import InputError, InputSpec, parse_inputs
from .matrix import MatrixError, expand_matrix, matrix_value, runner_config

__all__ = [
    "MAX_TIMEOUT_MINUTES",
    "MAX_WORKFLOW_BYTES",
    "JobPlan",
    "StepPlan",
    "WorkflowError",
    "WorkflowPlan",
    "parse_workflow",
]

MAX_WORKFLOW_BYTES = 1 << 20
"""Largest workflow document accepted (1 MiB)."""

MAX_TIMEOUT_MINUTES = 43_200
"""Largest `timeout-minutes` accepted (30 days)."""

# 64 flow collections opened one inside the other: no workflow does that, and ruamel.yaml takes
# seconds (quadratic) to refuse a few thousand of them.
_DEEP_FLOW = re.compile(r"(?:[\[{][^\[\]{}\n]{0,40}){64}")
_JOB_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_BOOLEAN = re.compile(r"^(?:(?P<plain>true|false)|\$\{\{\s*(?P<expression>true|false)\s*\}\})$", re.I)
_MATRIX_REF = re.compile(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")


class WorkflowError(ValueError):
    """A workflow that cannot be planned; the message says where (field or file, key path, line)."""


@dataclass(frozen=True)
class StepPlan:
    """One step of a job, as written (matrix values substituted)."""

    position: int
    step_id: str
    name: str
    run: str | None
    uses: str | None
    with_: dict[str, str]
    condition: str
    continue_on_error: bool

    @property
    def step_key(self) -> str:
        """The Depot-assigned key of the step: stable for the step across attempts and responses."""
        return f"step-{self.position}"

    def to_json(self) -> dict[str, Any]:
        """The step as a JSON object (how the store keeps it)."""
        return {
            "position": self.position,
            "id": self.step_id,
            "name": self.name,
            "run": self.run,
            "uses": self.uses,
            "with": self.with_,
            "if": self.condition,
            "continue_on_error": self.continue_on_error,
        }


@dataclass(frozen=True)
class JobPlan:
    """One job instance: a workflow job, or one combination of its matrix."""

    key: str
    display_name: str
    needs: tuple[str, ...]
    condition: str
    matrix: tuple[tuple[str, str], ...]
    strategy_index: int | None
    strategy_total: int | None
    runs_on: dict[str, Any]
    steps: tuple[StepPlan, ...]
    timeout_minutes: float | None
    continue_on_error: bool = False
    """`continue-on-error: true`: the job is reported failed when it fails, but its workflow is not."""


@dataclass(frozen=True)
class WorkflowPlan:
    """A parsed workflow: its name, triggers, dispatch inputs and job instances in written order."""

    name: str
    path: str
    source: str
    triggers: tuple[str, ...]
    dispatch_inputs: dict[str, InputSpec] | None
    jobs: tuple[JobPlan, ...] = field(default=())

    @property
    def job_keys(self) -> list[str]:
        """The workflow's job keys, in written order, each once."""
        return list(dict.fromkeys(job.key for job in self.jobs))


def _line(node: Any, key: Any) -> str:
    try:
        return f" (line {node.lc.key(key)[0] + 1})"
    except (AttributeError, KeyError, TypeError):
        return ""


def _load(source: str, where: str) -> Any:
    if len(source.encode()) > MAX_WORKFLOW_BYTES:
        msg = f"{where}: the workflow is larger than {MAX_WORKFLOW_BYTES} bytes"
        raise WorkflowError(msg)
    if _DEEP_FLOW.search(source):
        msg = f"{where}: the YAML nests flow collections ([...] or {{...}}) too deeply to be a workflow"
        raise WorkflowError(msg)
    try:
        return YAML(typ="rt", pure=True).load(source)
    except YAMLError as exc:
        detail = " ".join(str(exc).split())
        msg = f"{where}: invalid YAML: {detail}"
        raise WorkflowError(msg) from exc
    except RecursionError:
        msg = f"{where}: the YAML nests too deeply to be a workflow"
        raise WorkflowError(msg) from None


def parse_workflow(source: str, where: str, path: str = "") -> WorkflowPlan:
    """Parse one workflow document into a plan.

    Args:
        source: The workflow YAML text.
        where: Where it came from, prefixed to every message: `workflowContent[0]` or a file path.
        path: The workflow's path in its repository (empty for `workflowContent`).

    Raises:
        WorkflowError: On invalid YAML, a missing or malformed `on` or `jobs`, an invalid job key,
            unknown `needs`, a `needs` cycle, a bad matrix, `runs-on` or step, or a bad input schema.
    """
    doc = _load(source, where)
    try:
        return _plan(doc, source, where, path)
    except RecursionError:  # aliases can make self-referencing values
        msg = f"{where}: the workflow refers to itself through YAML aliases; write the values out"
        raise WorkflowError(msg) from None


def _plan(doc: Any, source: str, where: str, path: str) -> WorkflowPlan:
    if not isinstance(doc, Mapping):
        msg = f"{where}: a workflow must be a YAML mapping with `on` and `jobs`"
        raise WorkflowError(msg)
    on = doc["on"] if "on" in doc else doc.get(True)  # a `%YAML 1.1` document reads `on` as true
    if on is None:
        msg = f"{where}: `on` is required: the events that trigger the workflow (e.g. `on: [push, workflow_dispatch]`)"
        raise WorkflowError(msg)
    triggers, inputs = _triggers(on, where)
    name = doc.get("name")
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if path else ""
    plan = WorkflowPlan(
        name=str(name) if name is not None else stem,
        path=path,
        source=source,
        triggers=triggers,
        dispatch_inputs=inputs,
    )
    jobs = doc.get("jobs")
    if not isinstance(jobs, Mapping) or not jobs:
        msg = f"{where}: `jobs` is required: a mapping of job keys to jobs{_line(doc, 'jobs')}"
        raise WorkflowError(msg)
    planned: list[JobPlan] = []
    for key, job in jobs.items():
        planned.extend(_jobs(str(key), job, f"{where}: jobs.{key}", _line(jobs, key), set(map(str, jobs))))
    _check_cycles(planned, where)
    return WorkflowPlan(plan.name, plan.path, plan.source, plan.triggers, plan.dispatch_inputs, tuple(planned))


def _triggers(on: Any, where: str) -> tuple[tuple[str, ...], dict[str, InputSpec] | None]:
    if isinstance(on, str):
        events: dict[str, Any] = {on: None}
    elif isinstance(on, list) and all(isinstance(e, str) for e in on):
        events = dict.fromkeys(on)
    elif isinstance(on, Mapping):
        events = {str(k): v for k, v in on.items()}
    else:
        msg = f"{where}: on: must be an event name, a list of event names, or a mapping of events"
        raise WorkflowError(msg)
    inputs = None
    if "workflow_dispatch" in events:
        settings = events["workflow_dispatch"] or {}
        if not isinstance(settings, Mapping):
            msg = f"{where}: on.workflow_dispatch: must be empty or a mapping with `inputs`"
            raise WorkflowError(msg)
        try:
            inputs = parse_inputs(settings.get("inputs"), f"{where}: on.workflow_dispatch.inputs")
        except InputError as exc:
            raise WorkflowError(str(exc)) from exc
    return tuple(events), inputs


def _substitute(value: Any, matrix: Mapping[str, Any], unknown: str | None = None) -> Any:
    """`value` with `${{ matrix.KEY }}` replaced; a KEY the combination lacks becomes `unknown`
    (None: left as written, for scripts, whose log notes it when they run, and runner labels)."""
    if isinstance(value, str):
        return _MATRIX_REF.sub(
            lambda m: matrix_value(matrix[m[1]]) if m[1] in matrix else m[0] if unknown is None else unknown, value
        )
    if isinstance(value, list):
        return [_substitute(v, matrix, unknown) for v in value]
    if isinstance(value, Mapping):
        return {k: _substitute(v, matrix, unknown) for k, v in value.items()}
    return value


def _jobs(key: str, job: Any, where: str, line: str, keys: set[str]) -> list[JobPlan]:
    if not _JOB_KEY.match(key):
        msg = f"{where}{line}: a job key must start with a letter or _ and hold only letters, digits, - and _"
        raise WorkflowError(msg)
    if not isinstance(job, Mapping):
        msg = f"{where}{line}: a job must be a mapping (runs-on, steps, ...)"
        raise WorkflowError(msg)
    if "uses" in job:
        msg = f"{where}.uses{line}: reusable workflows are not run by the emulator; inline the jobs"
        raise WorkflowError(msg)
    needs_raw = job.get("needs", [])
    needs = [needs_raw] if isinstance(needs_raw, str) else needs_raw
    if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
        msg = f"{where}.needs{line}: must be a job key or a list of job keys"
        raise WorkflowError(msg)
    for need in needs:
        if need not in keys:
            msg = f"{where}.needs{line}: unknown job {need!r} (jobs: {', '.join(sorted(keys))})"
            raise WorkflowError(msg)
        if need == key:
            msg = f"{where}.needs{line}: a job cannot need itself"
            raise WorkflowError(msg)
    strategy = job.get("strategy")
    combos: list[dict[str, Any]] = [{}]
    if isinstance(strategy, Mapping) and "matrix" in strategy:
        try:
            combos = expand_matrix(strategy["matrix"], f"{where}.strategy.matrix{line}")
        except MatrixError as exc:
            raise WorkflowError(str(exc)) from exc
    timeout = job.get("timeout-minutes")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= MAX_TIMEOUT_MINUTES
    ):
        msg = f"{where}.timeout-minutes{line}: must be a number of minutes above 0, at most {MAX_TIMEOUT_MINUTES}"
        raise WorkflowError(msg)
    plans = []
    for index, combo in enumerate(combos):
        values = tuple((k, matrix_value(v)) for k, v in combo.items())
        try:
            runs_on = runner_config(
                _substitute(job.get("runs-on"), combo), _substitute(job.get("container"), combo), where + line
            )
        except MatrixError as exc:
            raise WorkflowError(str(exc)) from exc
        name = job.get("name")
        if name is not None:
            display = str(_substitute(str(name), combo, ""))
        elif values:
            display = f"{key} ({', '.join(v for _, v in values)})"
        else:
            display = key
        plans.append(
            JobPlan(
                key=key,
                display_name=display,
                needs=tuple(needs),
                condition=_condition(job.get("if")),
                matrix=values,
                strategy_index=index if values else None,
                strategy_total=len(combos) if values else None,
                runs_on=runs_on,
                steps=_steps(job.get("steps"), combo, f"{where}.steps", line),
                timeout_minutes=float(timeout) if timeout is not None else None,
                continue_on_error=_continue_on_error(job, combo, f"{where}.continue-on-error{line}"),
            )
        )
    return plans


def _condition(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _continue_on_error(owner: Mapping[str, Any], combo: Mapping[str, Any], where: str) -> bool:
    """The `continue-on-error` of a job or step: true, false, or an expression giving one after
    matrix values are substituted (`${{ matrix.experimental }}`)."""
    value = owner.get("continue-on-error", False)
    if isinstance(value, bool):
        return value
    text = str(_substitute(value, combo)).strip() if isinstance(value, str) else ""
    found = _BOOLEAN.match(text)
    if found is None:
        msg = (
            f"{where}: must be true, false, or an expression the emulator can evaluate to one "
            f"(a matrix value such as ${{{{ matrix.experimental }}}}), not {value!r}"
        )
        raise WorkflowError(msg)
    return (found["plain"] or found["expression"]).lower() == "true"


def _steps(raw: Any, combo: Mapping[str, Any], where: str, line: str) -> tuple[StepPlan, ...]:
    if not isinstance(raw, list) or not raw:
        msg = f"{where}{line}: a job needs a non-empty list of steps"
        raise WorkflowError(msg)
    steps: list[StepPlan] = []
    seen_ids: set[str] = set()
    for index, step in enumerate(raw):
        at = f"{where}[{index}]{_line(raw, index) if hasattr(raw, 'lc') else ''}"
        if not isinstance(step, Mapping):
            msg = f"{at}: a step must be a mapping with `run` or `uses`"
            raise WorkflowError(msg)
        run, uses = step.get("run"), step.get("uses")
        if (run is None) == (uses is None):
            msg = f"{at}: a step needs exactly one of `run` (a script) or `uses` (an action)"
            raise WorkflowError(msg)
        step_id = str(step.get("id", ""))
        if step_id and step_id in seen_ids:
            msg = f"{at}.id: {step_id!r} is used by an earlier step; step ids must be unique in a job"
            raise WorkflowError(msg)
        seen_ids.add(step_id)
        with_ = step.get("with") or {}
        if not isinstance(with_, Mapping):
            msg = f"{at}.with: must be a mapping of action inputs"
            raise WorkflowError(msg)
        steps.append(
            StepPlan(
                position=index + 1,
                step_id=step_id,
                name=str(_substitute(str(step.get("name", "")), combo, "")),
                run=None if run is None else str(_substitute(str(run), combo)),
                uses=None if uses is None else str(uses),
                with_={str(k): matrix_value(_substitute(v, combo)) for k, v in with_.items()},
                condition=_condition(step.get("if")),
                continue_on_error=_continue_on_error(step, combo, f"{at}.continue-on-error"),
            )
        )
    return tuple(steps)


def _check_cycles(jobs: list[JobPlan], where: str) -> None:
    needs = {job.key: job.needs for job in jobs}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(key: str, path: list[str]) -> None:
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            cycle = [*path[path.index(key) :], key]
            msg = f"{where}: jobs.*.needs: the needs form a cycle: {' -> '.join(cycle)}; remove one of them"
            raise WorkflowError(msg)
        state[key] = 1
        for need in needs[key]:
            visit(need, [*path, key])
        state[key] = 2

    for key in needs:
        visit(key, [])
