"""What keeps the server safe to run: the write token, request body limits, the Host
check and the headers every response carries.

- Writing (`POST /ingest`) needs the token the server was started with, sent as
  `Authorization: Bearer TOKEN` and compared in constant time. A server started without
  one refuses every write.
- A request body over the limit is refused (413) before any of it reaches a route,
  whether it declares its length or streams it in chunks.
- On a loopback address the server answers only requests addressed to a loopback name,
  so a web page elsewhere cannot reach it by pointing a host name of its own at
  127.0.0.1 (DNS rebinding).
- Every response forbids scripts, styles and frames from anywhere but the server itself
  (Content-Security-Policy): even text that slipped through escaping could not run.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from typing import Any

from ..errors import E030, E031, E032, E033, CommuniqueError, RequestError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 5_000_000  # bytes: a long article several times over, as JSON
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
MIN_TOKEN_LENGTH = 16
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(authorization: str | None, token: str | None, *, action: str) -> None:
    """Raise unless `authorization` carries the server's `token`."""
    if token is None:
        raise RequestError(E032, action=action)
    if not authorization:
        raise RequestError(E031, action=action, problem="the request has no Authorization "
                           "header")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise RequestError(E031, action=action, problem="the Authorization header is not "
                           "'Bearer TOKEN'")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise RequestError(E031, action=action, problem="the token is not the server's")


class Guard:
    """ASGI middleware: the Host check, the body limit and the security headers."""

    def __init__(self, app: ASGIApp, *, max_body: int,
                 allowed_hosts: Collection[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = ({h.lower().strip("[]") for h in allowed_hosts}
                              if allowed_hosts is not None else None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        host = _hostname(headers.get("host", ""))
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            await _refuse(send_with_headers, RequestError(
                E030, where="The Host header",
                problem=f"{host or 'no host'!r} is not a name of this server"))
            return
        try:
            body = await _read_body(receive, headers, self.max_body)
        except RequestError as error:
            await _refuse(send_with_headers, error)
            return
        await self.app(scope, _replay(body, receive), send_with_headers)


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _read_body(receive: Receive, headers: dict[str, str], limit: int) -> bytes:
    """The whole request body, refused as soon as it is known to be over `limit`."""
    declared = headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise RequestError(E030, where="The Content-Length header",
                               problem=f"{declared!r} is not a number of bytes")
        if int(declared) > limit:
            raise RequestError(E033, limit=limit)
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise RequestError(E033, limit=limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that hands the app the body already read, then waits as before."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, error: CommuniqueError) -> None:
    body = json.dumps({"error": error.to_dict()}).encode()
    await send({"type": "http.response.start", "status": error.status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
