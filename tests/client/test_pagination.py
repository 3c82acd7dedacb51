"""Pagination: `iter_<method>` yields the items of every page in order and stops at an empty token."""

from __future__ import annotations

import pytest
from depot_ci.v1 import Code, ConnectError, GetJobAttemptLogsRequest, ListArtifactsRequest, ListRunsRequest

from .support import Caller


def test_every_item_of_every_page_in_order_with_the_requested_page_size(caller: Caller) -> None:
    request = ListRunsRequest(page_size=3, status=["finished"])
    runs = caller.call(lambda client: client.iter_list_runs(request))
    assert [run.run_id for run in runs] == caller.script.runs
    assert caller.script.page_sizes == [3, 3, 3]
    assert request.page_token == ""  # the caller's request is left as it was


def test_a_limit_caps_the_items_and_the_pages_fetched(caller: Caller) -> None:
    runs = caller.call(lambda client: client.iter_list_runs(ListRunsRequest(page_size=3), limit=4))
    assert [run.run_id for run in runs] == caller.script.runs[:4]
    assert caller.script.calls["list_runs"] == 2


def test_a_limit_of_zero_fetches_nothing(local_caller: Caller) -> None:
    assert local_caller.call(lambda client: client.iter_list_runs(ListRunsRequest(), limit=0)) == []
    assert "list_runs" not in local_caller.script.calls


def test_an_empty_first_page_yields_nothing(caller: Caller) -> None:
    artifacts = caller.call(lambda client: client.iter_list_artifacts(ListArtifactsRequest(run_id="run_1")))
    assert artifacts == []
    assert caller.script.calls["list_artifacts"] == 1


def test_the_server_default_page_size_and_a_last_empty_page(local_caller: Caller) -> None:
    lines = local_caller.call(
        lambda client: client.iter_get_job_attempt_logs(GetJobAttemptLogsRequest(attempt_id="attempt_1"))
    )
    assert [line.body for line in lines] == local_caller.script.log_lines
    # 10 lines in pages of 4; the fourth page is empty and carries no token.
    assert local_caller.script.calls["get_job_attempt_logs"] == 4



def test_a_server_repeating_its_page_token_is_an_error_not_a_loop(local_caller: Caller) -> None:
    local_caller.script.repeat_page_token = True
    with pytest.raises(ConnectError) as raised:
        local_caller.call(lambda client: client.iter_list_runs(ListRunsRequest()))
    assert raised.value.code == Code.INTERNAL
    assert str(raised.value) == "internal: the server answered page token 'same' with the same token again"
    assert len(local_caller.received) == 2 and local_caller.script.calls["list_runs"] == 2


def test_a_negative_limit_is_a_clear_error(local_caller: Caller) -> None:
    with pytest.raises(ValueError, match="limit"):
        local_caller.call(lambda client: client.iter_list_runs(ListRunsRequest(), limit=-1))
