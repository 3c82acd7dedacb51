"""Old and new generated packages talking to each other, for every kind of change in the table.

For each case a package is generated from the base document (old) and one from the edited
document (new, numbered with the lock the old one left plus the case's declared renames). An old
client calls the new server and a new client calls the old server, in binary protobuf and in JSON;
the servers echo what they understood. A change the report classes as breaking nothing must work
both ways; for a breaking change the test shows the break the report names: a value lost or
refused on the wire or in JSON, a name gone from the Python package.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from .cases import CASES, Case
from .packages import Package, build_package, run_clients, serving
from .specs import base, edited
from .support import declared_lock

WIDGET = {"id": "w1", "name": "Widget one", "size": 3, "color": "COLOR_RED", "tags": ["a", "b"]}
PROTO, JSON = 0, 1


def _put(widget: Mapping[str, Any], method: str = "PutWidget") -> dict[str, Any]:
    return {"method": method, "request": {"widget": dict(widget)}}


def _plan(*calls: dict[str, Any], probes: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"calls": list(calls), "probes": list(probes)}


def _with(**changes: Any) -> dict[str, Any]:
    widget = {**WIDGET, **changes}
    return {key: value for key, value in widget.items() if value is not None}


BOTH = _plan(_put(WIDGET), _put(WIDGET, "WatchWidget"))
"""Call the unary and the streaming method with a full widget."""


def _echoed(outcome: dict[str, Any], *, dropped: tuple[str, ...] = ()) -> None:
    """The call worked and the answer is what was sent, less the widget fields in `dropped`."""
    assert outcome["ok"], outcome
    expected = copy.deepcopy(outcome["sent"])
    for key in dropped:
        expected["widget"].pop(key, None)
    assert outcome["received"] and all(answer == expected for answer in outcome["received"]), outcome


def _refused(outcome: dict[str, Any], code: str | None = None) -> None:
    assert not outcome["ok"], outcome
    if code is not None:
        assert outcome["code"] == code, outcome


def _all_echoed(outcomes: dict[str, Any], *, proto: tuple[str, ...] = (), json: tuple[str, ...] = ()) -> None:
    for encoding, dropped in ((PROTO, proto), (JSON, json)):
        for outcome in outcomes["calls"][encoding]:
            _echoed(outcome, dropped=dropped)


Check = Callable[[dict[str, Any], dict[str, Any]], None]
"""(what the old client saw from the new server, what the new client saw from the old server)"""


def _compatible(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old)
    _all_echoed(new)


def _field_added(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old)
    # Old servers skip the new field in both encodings; new clients read its default.
    _all_echoed(new, proto=("weight",), json=("weight",))


def _field_removed(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old, proto=("name",), json=("name",))  # old clients read the default
    _all_echoed(new)
    assert not new["probes"][0]["ok"] and "name" in new["probes"][0]["error"]  # the Python break


def _renamed_without_lock(old: dict[str, Any], new: dict[str, Any]) -> None:
    # A new number: the value is lost in both encodings, both ways; Python needs the new name.
    _all_echoed(old, proto=("name",), json=("name",))
    _all_echoed(new, proto=("title",), json=("title",))
    assert not new["probes"][0]["ok"]


def _renamed(old: dict[str, Any], new: dict[str, Any]) -> None:
    # The lock keeps the number: binary peers agree; JSON peers drop the value; Python needs the new name.
    _all_echoed(old, json=("name",))
    _all_echoed(new, json=("title",))
    assert not new["probes"][0]["ok"] and new["probes"][1]["ok"]


def _json_name_changed(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old, json=("name",))
    _all_echoed(new, json=("displayName",))
    assert new["probes"][0]["ok"]  # Python keeps the field name


def _retyped(old: dict[str, Any], new: dict[str, Any]) -> None:
    for outcomes in (old, new):
        for outcome in outcomes["calls"][PROTO]:
            _echoed(outcome, dropped=("name",))  # misread on the wire: dropped as an unknown field
        for outcome in outcomes["calls"][JSON]:
            _refused(outcome, "invalid_argument")
    assert not new["probes"][0]["ok"]


def _widened(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old)
    for encoding in (PROTO, JSON):
        _echoed(new["calls"][encoding][0])
    # What the report warns about: a value only int64 holds is truncated by an old binary peer and
    # refused by an old JSON one.
    assert new["calls"][PROTO][1]["received"][0]["widget"]["size"] == str(3_000_000_000 - 2**32)
    _refused(new["calls"][JSON][1], "invalid_argument")


def _made_repeated(old: dict[str, Any], new: dict[str, Any]) -> None:
    for outcome in old["calls"][JSON] + new["calls"][JSON]:
        _refused(outcome, "invalid_argument")
    # The old server keeps only the last of the names a new client sends.
    (answer,) = new["calls"][PROTO][0]["received"]
    assert new["calls"][PROTO][0]["sent"]["widget"]["name"] == ["x", "y"]
    assert answer["widget"]["name"] == ["y"]
    assert old["probes"] == [] and new["probes"][0] == {"ok": True, "value": "['a', 'b']"}


def _made_required(old: dict[str, Any], new: dict[str, Any]) -> None:
    for outcome in old["calls"][PROTO] + old["calls"][JSON]:
        _refused(outcome, "invalid_argument")
    _all_echoed(new)


def _added_required(old: dict[str, Any], new: dict[str, Any]) -> None:
    for outcome in old["calls"][PROTO] + old["calls"][JSON]:
        _refused(outcome, "invalid_argument")  # old clients do not send it; new servers require it
    _all_echoed(new, proto=("weight",), json=("weight",))


def _value_added(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old)
    # Binary keeps the unknown number; old JSON servers read the zero value (the field is dropped).
    _all_echoed(new, json=("color",))


def _value_removed(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old, json=("color",))
    _all_echoed(new)
    assert not new["probes"][0]["ok"]


def _value_renamed(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old, json=("color",))
    _all_echoed(new, json=("color",))
    assert not new["probes"][0]["ok"] and new["probes"][1]["ok"]


def _method_added(old: dict[str, Any], new: dict[str, Any]) -> None:
    _all_echoed(old)
    for encoding in (PROTO, JSON):
        put, watch, copy_ = new["calls"][encoding]
        _echoed(put)
        _echoed(watch)
        _refused(copy_, "unimplemented")


def _method_removed(old: dict[str, Any], new: dict[str, Any]) -> None:
    for encoding in (PROTO, JSON):
        put, watch = old["calls"][encoding]
        _echoed(put)
        _refused(watch, "unimplemented")
    _all_echoed(new)
    assert not new["probes"][0]["ok"]


def _streaming_changed(old: dict[str, Any], new: dict[str, Any]) -> None:
    for outcome in old["calls"][PROTO] + old["calls"][JSON] + new["calls"][PROTO] + new["calls"][JSON]:
        _refused(outcome)


def _method_renamed(old: dict[str, Any], new: dict[str, Any]) -> None:
    for encoding in (PROTO, JSON):
        _refused(old["calls"][encoding][0], "unimplemented")  # the old path is gone
        _refused(new["calls"][encoding][0], "unimplemented")  # the new path is unknown to old servers
    assert not new["probes"][0]["ok"] and new["probes"][1]["ok"]


def _message_renamed(old: dict[str, Any], new: dict[str, Any]) -> None:
    _compatible(old, new)
    assert not new["probes"][0]["ok"] and new["probes"][1]["ok"]


# case name -> (old client's plan, new client's plan, check)
PLANS: dict[str, tuple[dict[str, Any], dict[str, Any], Check]] = {
    "field-added": (BOTH, _plan(_put(_with(weight=7)), _put(_with(weight=7), "WatchWidget")), _field_added),
    "field-added-required": (
        _plan(_put(WIDGET)),
        _plan(_put(_with(weight=7)), _put(_with(weight=7), "WatchWidget")),
        _added_required,
    ),
    "field-removed": (BOTH, _plan(_put(_with(name=None)), probes=("api.Widget(name='x')",)), _field_removed),
    "field-renamed-without-lock": (
        _plan(_put(WIDGET)),
        _plan(_put(_with(name=None, title="Widget one")), probes=("api.Widget(name='x')",)),
        _renamed_without_lock,
    ),
    "field-renamed": (
        _plan(_put(WIDGET)),
        _plan(_put(_with(name=None, title="Widget one")), probes=("api.Widget(name='x')", "api.Widget(title='x')")),
        _renamed,
    ),
    "field-json-name-changed": (
        _plan(_put(WIDGET)),
        _plan(_put(_with(name=None, displayName="Widget one")), probes=("api.Widget(name='x')",)),
        _json_name_changed,
    ),
    "field-retyped-wire-compatible": (
        BOTH,
        _plan(_put(_with(size="3")), _put(_with(size="3000000000"))),
        _widened,
    ),
    "field-retyped": (_plan(_put(WIDGET)), _plan(_put(_with(name=5)), probes=("api.Widget(name='abc')",)), _retyped),
    "field-made-optional": (BOTH, BOTH, _compatible),
    "field-made-repeated": (
        _plan(_put(WIDGET)),
        _plan(_put(_with(name=["x", "y"])), probes=("list(api.Widget(name='ab').name)",)),
        _made_repeated,
    ),
    "field-made-required": (_plan(_put(_with(id=None))), _plan(_put(WIDGET)), _made_required),
    "field-validation-changed": (BOTH, BOTH, _compatible),
    "field-deprecated": (BOTH, BOTH, _compatible),
    "enum-value-added": (BOTH, _plan(_put(_with(color="COLOR_BLUE"))), _value_added),
    "enum-value-removed": (
        _plan(_put(_with(color="COLOR_GREEN"))),
        _plan(_put(WIDGET), probes=("api.Color.Value('COLOR_GREEN')",)),
        _value_removed,
    ),
    "enum-value-renamed": (
        _plan(_put(_with(color="COLOR_GREEN"))),
        _plan(
            _put(_with(color="COLOR_LIME")), probes=("api.Color.Value('COLOR_GREEN')", "api.Color.Value('COLOR_LIME')")
        ),
        _value_renamed,
    ),
    "method-added": (BOTH, _plan(_put(WIDGET), _put(WIDGET, "WatchWidget"), _put(WIDGET, "CopyWidget")), _method_added),
    "method-removed": (BOTH, _plan(_put(WIDGET), probes=("api.WidgetsClientSync.watch_widget",)), _method_removed),
    "method-streaming-changed": (_plan(_put(WIDGET)), _plan(_put(WIDGET)), _streaming_changed),
    "method-renamed": (
        _plan(_put(WIDGET)),
        _plan(
            _put(WIDGET, "StoreWidget"),
            probes=("api.WidgetsClientSync.put_widget", "api.WidgetsClientSync.store_widget"),
        ),
        _method_renamed,
    ),
    "method-idempotency-changed": (BOTH, BOTH, _compatible),
    "message-renamed": (BOTH, _plan(_put(WIDGET), probes=("api.Widget", "api.Gadget")), _message_renamed),
}


def test_every_case_has_a_plan() -> None:
    assert sorted(PLANS) == sorted(case.name for case in CASES)


@pytest.fixture(scope="module")
def old_package(tmp_path_factory: pytest.TempPathFactory) -> Package:
    return build_package(tmp_path_factory.mktemp("old") / "package", base())


@pytest.fixture(scope="module")
def old_server(old_package: Package) -> Iterator[str]:
    with serving(old_package) as url:
        yield url


@pytest.mark.parametrize("case", CASES, ids=str)
def test_old_and_new_packages_talk_as_the_report_says(
    case: Case, old_package: Package, old_server: str, tmp_path: Path
) -> None:
    new_package = build_package(
        tmp_path / "new", edited(*case.edits), declared_lock(json.loads(old_package.lock_text), case.lock)
    )
    old_plan, new_plan, check = PLANS[case.name]
    with serving(new_package) as new_server:
        old_outcomes, new_outcomes = run_clients(
            [(old_package, new_server, old_plan), (new_package, old_server, new_plan)]
        )
    check(old_outcomes, new_outcomes)
