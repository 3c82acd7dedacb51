"""`from_env`: base URL, token and organization from the environment; explicit arguments win."""

from __future__ import annotations

import pytest
from depot_ci.v1 import CIServiceClient, CIServiceClientSync, GetRunRequest

from .support import Caller

REQUEST = GetRunRequest(run_id="run_1")


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("DEPOT_API_URL", "DEPOT_TOKEN", "DEPOT_ORG_ID"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_url_token_and_organization_come_from_the_environment(caller: Caller, environment: pytest.MonkeyPatch) -> None:
    environment.setenv("DEPOT_API_URL", caller.url)
    environment.setenv("DEPOT_TOKEN", "token-from-env")
    environment.setenv("DEPOT_ORG_ID", "org-from-env")
    assert caller.call(lambda client: client.get_run(REQUEST), from_env=True).run_id == "run_1"
    assert caller.script.headers == [{"authorization": "Bearer token-from-env", "x-depot-org": "org-from-env"}]


def test_explicit_arguments_win(local_caller: Caller, environment: pytest.MonkeyPatch) -> None:
    environment.setenv("DEPOT_API_URL", "not a url, and not used")
    environment.setenv("DEPOT_TOKEN", "token-from-env")
    environment.setenv("DEPOT_ORG_ID", "org-from-env")
    local_caller.call(
        lambda client: client.get_run(REQUEST),
        from_env=True,
        base_url=local_caller.url,
        token="explicit-token",
        headers={"X-Depot-Org": "explicit-org"},
    )
    assert local_caller.script.headers == [{"authorization": "Bearer explicit-token", "x-depot-org": "explicit-org"}]


def test_without_an_organization_no_organization_header_is_sent(
    local_caller: Caller, environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("DEPOT_TOKEN", "token-from-env")
    local_caller.call(lambda client: client.get_run(REQUEST), from_env=True)
    assert local_caller.script.headers == [{"authorization": "Bearer token-from-env", "x-depot-org": ""}]


@pytest.mark.parametrize("client_class", [CIServiceClientSync, CIServiceClient])
def test_a_missing_token_is_a_clear_error_naming_the_variable(
    client_class: type[CIServiceClientSync | CIServiceClient], environment: pytest.MonkeyPatch
) -> None:
    environment.setenv("DEPOT_ORG_ID", "org-from-env")
    with pytest.raises(ValueError, match="DEPOT_TOKEN"):
        client_class.from_env()
    environment.setenv("DEPOT_TOKEN", "")
    with pytest.raises(ValueError, match="DEPOT_TOKEN"):
        client_class.from_env()


def test_a_base_url_from_the_environment_without_a_scheme_names_the_variable(environment: pytest.MonkeyPatch) -> None:
    environment.setenv("DEPOT_TOKEN", "token-from-env")
    environment.setenv("DEPOT_API_URL", "api.depot.dev")
    with pytest.raises(ValueError, match="DEPOT_API_URL"):
        CIServiceClientSync.from_env()


@pytest.mark.parametrize("url", ["api.depot.dev", "localhost:8080", "ftp://api.depot.dev", ""])
def test_the_constructor_rejects_a_base_url_without_an_http_scheme(url: str) -> None:
    with pytest.raises(ValueError, match="scheme"):
        CIServiceClientSync(url)


def test_an_explicit_authorization_header_stands_in_for_the_token(
    local_caller: Caller, environment: pytest.MonkeyPatch
) -> None:
    local_caller.call(lambda client: client.get_run(REQUEST), from_env=True, headers={"Authorization": "Bearer h"})
    assert local_caller.script.headers == [{"authorization": "Bearer h", "x-depot-org": ""}]


SECRET = "dev-token-SECRET"


@pytest.mark.parametrize("written", [f"{SECRET}\n", f"  {SECRET}\r\n", f"Bearer {SECRET}", f"bearer  {SECRET}\n"])
def test_a_token_loses_surrounding_whitespace_and_a_written_scheme(
    local_caller: Caller, environment: pytest.MonkeyPatch, written: str
) -> None:
    # A variable set from a file (`$(cat token)` keeps no newline, `export X=$'...\n'` does) and a
    # token copied with its scheme both reach the server as one clean `Bearer <token>`.
    environment.setenv("DEPOT_TOKEN", written)
    environment.setenv("DEPOT_ORG_ID", " org-from-env\n")
    local_caller.call(lambda client: client.get_run(REQUEST), from_env=True)
    local_caller.call(lambda client: client.get_run(REQUEST), from_env=True, token=written)
    expected = {"authorization": f"Bearer {SECRET}", "x-depot-org": "org-from-env"}
    assert local_caller.script.headers == [expected, expected]


@pytest.mark.parametrize("client_class", [CIServiceClientSync, CIServiceClient])
@pytest.mark.parametrize("token", ["", " \n", "Bearer ", "Bearer \t"])
def test_an_empty_explicit_token_is_refused_like_an_empty_variable(
    client_class: type[CIServiceClientSync | CIServiceClient], environment: pytest.MonkeyPatch, token: str
) -> None:
    environment.setenv("DEPOT_TOKEN", SECRET)
    with pytest.raises(ValueError, match=r"^token is empty \(or only whitespace\): set it to an API token$"):
        client_class.from_env(token=token)
    environment.setenv("DEPOT_TOKEN", token or "\n")
    with pytest.raises(ValueError, match=r"^\$DEPOT_TOKEN is empty"):
        client_class.from_env()


@pytest.mark.parametrize("client_class", [CIServiceClientSync, CIServiceClient])
@pytest.mark.parametrize("bad", [f"dev-token\n{SECRET}", f"dev-token-\x1b{SECRET}", f"dev-token-é{SECRET}"])
def test_a_token_a_header_cannot_carry_fails_at_construction_without_showing_it(
    client_class: type[CIServiceClientSync | CIServiceClient], environment: pytest.MonkeyPatch, bad: str
) -> None:
    environment.setenv("DEPOT_TOKEN", bad)
    with pytest.raises(ValueError) as raised:
        client_class.from_env()
    assert str(raised.value).startswith("$DEPOT_TOKEN holds a character an HTTP header cannot carry (code point ")
    assert "position 9" in str(raised.value) or "position 10" in str(raised.value)
    with pytest.raises(ValueError) as raised_again:
        client_class.from_env(token=bad)
    assert str(raised_again.value).startswith("token holds a character")
    for error in (raised.value, raised_again.value):
        assert SECRET not in str(error) and "dev-token" not in str(error)
    environment.setenv("DEPOT_TOKEN", SECRET)
    environment.setenv("DEPOT_ORG_ID", "org\nid")
    with pytest.raises(ValueError, match=r"^\$DEPOT_ORG_ID holds a character"):
        client_class.from_env()
