"""schemathesis against the emulator: every unary operation of the spec, positive and negative requests.

Bounded and reproducible: a fixed seed, `MAX_EXAMPLES` generated requests per operation and mode, no
example database. Checks on (see README "Fuzzing the emulator"): no server error, status codes,
content types, headers and bodies conform to the spec, positive data is accepted (or names an
unknown resource), and every rejection is a Connect error whose code matches its HTTP status.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig

from depot_ci_emulator.testing import RunningEmulator, run_emulator

SPEC = Path(__file__).resolve().parents[2] / "spec" / "depot-ci.openapi.json"
MAX_EXAMPLES = 25
LOOSE = [
    f"depot.ci.v1.CIService.{name}"
    for name in ("Run", "DispatchWorkflow", "ListRuns", "ListWorkflows", "GetJobSummary", "GetJobAttemptLogs")
]
STREAMS = ["depot.ci.v1.CIService.StreamJobAttemptLogs", "depot.ci.v1.CIService.ExportJobAttemptLogs"]

# The Connect protocol's code -> HTTP status mapping (connectrpc.com/docs/protocol/#error-codes).
CONNECT_STATUS = {
    "canceled": 499,
    "unknown": 500,
    "invalid_argument": 400,
    "deadline_exceeded": 504,
    "not_found": 404,
    "already_exists": 409,
    "permission_denied": 403,
    "resource_exhausted": 429,
    "failed_precondition": 400,
    "aborted": 409,
    "out_of_range": 400,
    "unimplemented": 501,
    "internal": 500,
    "unavailable": 503,
    "data_loss": 500,
    "unauthenticated": 401,
}

CONFIG = f"""
seed = 20261130

[generation]
mode = "all"
max-examples = {MAX_EXAMPLES}
deterministic = true
database = "none"

[checks]
# Unknown fields are ignored by the protobuf JSON decoder on purpose (forward compatibility), and
# proto3 JSON accepts more than one spelling of a value (int64 as string or number, enum numbers): a
# request the schema calls invalid may be a valid request, so rejection of negative data stays off.
negative_data_rejection.enabled = false
# Connect serves the side-effect-free methods (idempotency_level NO_SIDE_EFFECTS in the lock) over GET
# too, and says so in `Allow: GET, POST`; the spec, like the reference, documents POST only.
allow_header_conformance.enabled = false
# Schema-valid requests are accepted, or name an unknown resource (the schema cannot say which ids
# exist) or the caller.
positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404"]

# Rules of these operations that the schema does not express, so a schema-valid request may be
# invalid_argument (400) naming the field: Run (exactly one of workflow and workflowContent, valid
# workflow YAML), DispatchWorkflow (repo in owner/name format, a registered repository's workflow),
# ListRuns and ListWorkflows (status values, sha as hex, numeric pr, tokens this server issued),
# GetJobSummary (jobId or attemptId), GetJobAttemptLogs (exactly one of attemptId or jobId, tokens
# this server issued).
[[operations]]
include-operation-id = {json.dumps(LOOSE)}
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404"]
"""

schema = schemathesis.openapi.from_path(SPEC, config=SchemathesisConfig.from_str(CONFIG)).exclude(operation_id=STREAMS)


@schemathesis.check
def connect_error_envelope(ctx: Any, response: Any, case: Any) -> bool | None:
    """A non-2xx answer is a Connect error: JSON `{code, message}` whose code maps to the HTTP status."""
    if response.status_code < 300:
        return None
    if response.status_code == 405 and case.method.upper() != "POST":
        return None  # schemathesis probing other HTTP methods: an HTTP-level answer before Connect runs
    content_type = str(response.headers.get("content-type", [""]))
    assert "application/json" in content_type, f"HTTP {response.status_code} {content_type}: {response.content[:200]!r}"
    body = json.loads(response.content)
    code = body.get("code")
    assert code in CONNECT_STATUS, f"not a Connect error code: {body!r}"
    assert CONNECT_STATUS[code] == response.status_code, f"{code} answered with HTTP {response.status_code}"
    assert isinstance(body.get("message", ""), str)
    return None


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[RunningEmulator]:
    with run_emulator() as emulator:
        yield emulator


@schema.parametrize()
def test_unary_operations_survive_the_fuzzer(case: schemathesis.Case, fuzzed: RunningEmulator) -> None:
    # The deadline is the client's budget, not a property of the API: a short one legitimately ends in
    # deadline_exceeded (HTTP 504), which the not-a-server-error check would count as a failure.
    # A valid deadline becomes 10 s (set on the case itself, so the checks' replays without or with bad
    # credentials send it too); a malformed one stays, to be rejected.
    if case.headers is not None and str(case.headers.get("Connect-Timeout-Ms", "x")).isdigit():
        case.headers["Connect-Timeout-Ms"] = "10000"
    headers = {"Authorization": f"Bearer {fuzzed.token}"}
    response = case.call(base_url=fuzzed.base_url, headers=headers)
    sent = response.request.headers.get("Content-Type", "")
    if case.method.upper() == "GET" and response.status_code == 415:
        # schemathesis probing an undocumented method: Connect serves side-effect-free methods over GET
        # (the message in the query string), so a GET with a JSON body is an unsupported media type.
        return
    if response.status_code == 415:
        # The Connect protocol answers a request whose Content-Type it does not serve (here: a request
        # without a body, so without one) with a bare HTTP 415 before any handler runs.
        assert not sent.startswith("application/json"), f"415 for a JSON request: {case.as_curl_command()}"
        return
    case.validate_response(response, headers=headers, additional_checks=[connect_error_envelope])
