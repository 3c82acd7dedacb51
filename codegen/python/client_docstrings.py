"""The docstrings of the generated clients (the rest of the prose is in `docstrings.py`)."""

from __future__ import annotations

from collections.abc import Mapping

from ..config import ClientSettings
from ..model import Api, Method, Service
from .docstrings import and_list, deprecated_note, method_summary, python_terms
from .source import Doc, DocSection

__all__ = [
    "client_class",
    "client_close",
    "client_enter",
    "client_exit",
    "client_from_env",
    "client_in_process",
    "client_init",
    "client_method",
    "client_pages",
]


def client_class(service: Service, class_name: str, is_async: bool) -> Doc:
    """The docstring of a client class."""
    usage = (
        f"Use it as `async with {class_name}(...) as client:` or call `await client.close()` when done."
        if is_async
        else f"Use it as `with {class_name}(...) as client:` or call `client.close()` when done."
    )
    kind = "Asynchronous" if is_async else "Synchronous"
    return Doc(summary=f"{kind} client of `{service.full_name}`", body=service.description, notes=(usage,))


def client_init(api: Api, service: Service) -> Doc:
    """The docstring of a client's `__init__` (the same for async and sync clients)."""
    base_url = (
        f"The server's URL, scheme included; defaults to `{api.base_url}`."
        if api.base_url
        else "The server's URL, scheme included."
    )
    args = (
        ("base_url", base_url),
        ("headers", 'HTTP headers sent with every call, e.g. `{"Authorization": "Bearer <token>"}`.'),
        *_OPTIONS,
    )
    return Doc(
        summary=f"Create a client of `{service.full_name}`",
        sections=(DocSection("Args", args), DocSection("Raises", _OPTION_ERRORS)),
    )


_OPTIONS = (
    ("encoding", '`"proto"` (binary protobuf, the default) or `"json"` (protobuf JSON).'),
    (
        "timeout_ms",
        "Default timeout of unary and paged calls in milliseconds, retries included; None (the default) "
        "waits indefinitely. A call's own `timeout_ms` replaces it.",
    ),
    (
        "stream_timeout_ms",
        "Default timeout of streaming calls in milliseconds, from opening the stream to its last message "
        "(reopenings included); None (the default) lets streams run as long as the server sends.",
    ),
    (
        "retry",
        "How calls that are safe to repeat (methods without side effects) are retried after `unavailable` "
        "or a connection failure; by default 3 attempts in all with exponential backoff. None disables "
        "retries; a call's own `retry` replaces it.",
    ),
    (
        "http_client",
        "The pyqwest client to send requests with (TLS settings, test transports); "
        "the caller closes it. By default a shared client is used.",
    ),
    ("interceptors", "connectrpc interceptors run around every call."),
    ("protocol", "The wire protocol: Connect (default), gRPC or gRPC-Web."),
    ("send_compression", "Compression of request bodies (gzip by default); None sends them as is."),
    ("accept_compression", "Compressions accepted for responses; None accepts the runtime's defaults."),
    ("read_max_bytes", "Largest response message accepted; None sets no limit."),
)

_OPTION_ERRORS = (
    (
        "ValueError",
        'If `base_url` is not an http(s) URL, `encoding` is neither `"proto"` nor `"json"`, or a timeout is negative.',
    ),
)


def client_from_env(api: Api, settings: ClientSettings) -> Doc:
    """The docstring of a client's `from_env`."""
    default = f"`{api.base_url}`" if api.base_url else "none"
    url = (
        f"The server's URL; by default `${settings.base_url_env}`, else {default}."
        if settings.base_url_env
        else f"The server's URL; by default {default}."
    )
    token_header = f"`{settings.token_header}: {settings.token_format.replace('{token}', '<token>')}`"
    scheme = settings.token_format.partition("{token}")[0].strip()
    cleaned = "Surrounding whitespace (a variable read from a file often ends with a line break) is removed" + (
        f", and a token that starts with `{scheme} ` is sent with the scheme once." if scheme else "."
    )
    token = (
        f"The API token, sent as {token_header}; by default `${settings.token_env}`. {cleaned}"
        if settings.token_env
        else f"An API token, sent as {token_header}. {cleaned}"
    )
    from_variables = [f"`{header}` from `${variable}`" for header, variable in settings.header_env]
    headers = "HTTP headers sent with every call; they replace those read from the environment" + (
        f" ({and_list(from_variables)}, each when set)." if from_variables else "."
    )
    errors = list(_OPTION_ERRORS)
    errors.insert(
        0,
        (
            "ValueError",
            "If `token` or a variable read is empty once trimmed, or holds a character an HTTP header cannot "
            "carry (the message names the argument or the variable, never the value).",
        ),
    )
    if settings.token_env:
        errors.insert(0, ("ValueError", f"If no `token` is given and `${settings.token_env}` is unset or empty."))
    return Doc(
        summary="Create a client configured from the environment (arguments win)",
        sections=(
            DocSection("Args", (("base_url", url), ("token", token), ("headers", headers), *_OPTIONS)),
            DocSection("Raises", tuple(errors)),
        ),
    )


def client_in_process(service: Service, protocol: str, application: str, is_async: bool) -> Doc:
    """The docstring of a client's `in_process`."""
    return Doc(
        summary="Create a client that calls `service` in this process, with no server and no socket",
        notes=(
            f"The client talks to `{application}(service)` through an in-memory transport, over the same Connect "
            "protocol and codecs as over the network: meant for tests of code that uses the client.",
        ),
        sections=(
            DocSection(
                "Args",
                (
                    ("service", f"An implementation of `{protocol}`; methods it leaves out answer `unimplemented`."),
                    ("headers", "HTTP headers sent with every call."),
                    ("encoding", '`"proto"` (the default) or `"json"`.'),
                    ("timeout_ms", "As for the constructor."),
                    ("stream_timeout_ms", "As for the constructor."),
                    ("retry", "As for the constructor."),
                    ("interceptors", "connectrpc interceptors run around every call."),
                ),
            ),
        ),
    )


def client_close() -> Doc:
    """The docstring of a client's `close`."""
    return Doc(summary="Close the client; an `http_client` passed in stays open for its owner to close")


def client_enter(is_async: bool) -> Doc:
    """The docstring of a client's `__aenter__` or `__enter__`."""
    return Doc(summary=f"Use the client in `{'async with' if is_async else 'with'}`; it is closed on exit")


def client_exit() -> Doc:
    """The docstring of a client's `__aexit__` or `__exit__`."""
    return Doc(summary="Close the client")


def client_method(
    method: Method,
    service: Service,
    input_type: str,
    output_type: str,
    required: list[str],
    is_async: bool,
    terms: Mapping[str, str],
    retryable: bool,
    resumable: bool,
    error_codes: tuple[str, ...] = (),
) -> Doc:
    """The docstring of an RPC on a client.

    `required` holds the Python names of the request's required fields; `terms` the Python names
    of the API's JSON and RPC names (see `python_terms`); `error_codes` the codes the API documents.
    """
    required = [f"`{name}`" for name in required]
    stream = method.stream
    summary, body = method_summary(method, service)
    summary, body = python_terms(summary, terms), python_terms(body, terms)
    required_text = f" Required fields: {', '.join(required)}." if required else ""
    if stream.client_streams:
        iterables = "an iterable or async iterable." if is_async else "an iterable."
        request_doc = f"The `{input_type}` messages to send, {iterables}{required_text}"
    else:
        request_doc = f"The `{input_type}` to send.{required_text}"
    if stream.server_streams:
        answer = (
            f"An {'async ' if is_async else ''}iterator over the `{output_type}` messages the server "
            f"streams; iterate it with `{'async for' if is_async else 'for'}`."
        )
    else:
        answer = f"The `{output_type}` the server answers."
    streams = stream.server_streams or stream.client_streams
    default = "`stream_timeout_ms`" if streams else "`timeout_ms`"
    args: list[tuple[str, str]] = [
        ("requests" if stream.client_streams else "request", request_doc),
        ("headers", "HTTP headers of this call; they replace the client's default headers of the same name."),
        (
            "timeout_ms",
            f"Timeout of this call in milliseconds{', retries included' if retryable else ''}; by default the "
            f"client's {default}, None for no timeout.",
        ),
    ]
    if retryable and not stream.client_streams:
        when = "before the first message arrives" if stream.server_streams else "after a transient failure"
        args.append(
            (
                "retry",
                f"How this call is retried {when} (the method has no side effects); by default the client's "
                "policy, None for no retries.",
            )
        )
    if resumable:
        args.append(
            (
                "resume",
                "Reopen the stream after `unavailable`, a connection failure or a transport error, from the newest "
                "`next_cursor` received, with the retry policy's backoff: no message that carries a cursor is "
                "lost or delivered twice. It gives up after the policy's `max_attempts` failures in a row without "
                "a new cursor; a stream the server ends is not reopened.",
            )
        )
    raises = _codes(required, error_codes, retryable, stream.server_streams)
    notes = list(deprecated_note(method))
    if not retryable and not stream.client_streams:
        notes.append("Never retried: the method may have side effects.")
    return Doc(
        summary=summary,
        body=body,
        notes=tuple(notes),
        sections=(
            DocSection("Args", tuple(args)),
            DocSection("Returns", (("", answer),)),
            DocSection("Raises", (("ConnectError", raises),)),
        ),
    )


def _codes(required: list[str], error_codes: tuple[str, ...], retryable: bool, streams: bool) -> str:
    """What a client method's `ConnectError` says: the codes it can carry."""
    documented = [f"`{code}`" for code in error_codes if code not in ("unavailable", "deadline_exceeded")]
    listed = f"one of the codes the API documents ({and_list(documented)})" if documented else "its error"
    if required:
        server = f"The server's answer: `invalid_argument` when {' or '.join(required)} is missing, otherwise {listed}."
    else:
        server = f"The server's answer: {listed}."
    text = (
        f"{server} From the client: `unavailable` when the server cannot be reached (or says so), "
        "`deadline_exceeded` when the timeout passes. The error's text starts with its code; read `.code` "
        "and `.message`."
    )
    if retryable:
        text += " Raised once the retries are used up."
    if streams:
        text += " Raised while iterating, after the messages that came before the error."
    return text


def client_pages(method: Method, attribute: str, items: str, item_type: str, is_async: bool) -> Doc:
    """The docstring of a client's `iter_<method>`."""
    iterator = "An async iterator" if is_async else "An iterator"
    return Doc(
        summary=f"Every `{item_type}` of `{attribute}`, page after page",
        notes=(
            f"Calls `{attribute}` with `request` (its `page_size` sets the size of a page), then again with "
            "`page_token` set to the `next_page_token` of each answer until one has none. The request passed "
            "in is not changed.",
        ),
        sections=(
            DocSection(
                "Args",
                (
                    ("request", "The first page's request."),
                    ("limit", "The most items to yield (and so pages to fetch); None for all."),
                    ("headers", f"As for `{attribute}`."),
                    ("timeout_ms", f"As for `{attribute}`, for each page."),
                    ("retry", f"As for `{attribute}`, for each page."),
                ),
            ),
            DocSection("Returns", (("", f"{iterator} over the `{items}` of every page, in order."),)),
            DocSection(
                "Raises",
                (
                    ("ConnectError", f"As `{attribute}` does, while iterating."),
                    ("ValueError", "If `limit` is negative."),
                ),
            ),
        ),
    )
