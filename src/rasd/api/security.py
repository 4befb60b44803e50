"""What every request passes through before the application: Host allow-list, optional token, security headers.

- **Host allow-list** (DNS rebinding): a web page elsewhere can point its own host name at 127.0.0.1 and
  then read and write a local `rasd serve` from the user's browser; the browser still sends that foreign
  name as Host. Only the names the server is reached by (loopback names, the bound address, and any
  given with `--allow-host`) are served; anything else is 400.
- **Token** (when set; `rasd serve` sets one when bound beyond loopback): `Authorization: Bearer TOKEN`, or
  the `rasd_token` cookie that opening `/?token=TOKEN` once sets for the page. `/health` stays open.
- **Headers on every answer**: X-Content-Type-Options nosniff, Referrer-Policy no-referrer, X-Frame-Options
  DENY and a Content-Security-Policy (a route's own policy, e.g. the page's, wins; everything else gets one
  that allows nothing, frame-ancestors 'none' included).
"""
from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
TOKEN_COOKIE = "rasd_token"
OPEN_PATHS = ("/health",)
# the headers every answer gets (an answer's own header of the same name wins)
SECURITY_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"), (b"content-security-policy", DEFAULT_CSP.encode()))


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):                     # [::1]:8000
        return host[1:host.index("]")] if "]" in host else host
    if host.count(":") == 1:                     # name:port
        return host.split(":", 1)[0]
    return host


def _json(status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None):
    body = json.dumps({"detail": detail}).encode()
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                         *(headers or [])]}
    return start, {"type": "http.response.body", "body": body}


class Guard:
    """ASGI middleware: Host check, token check, security headers."""

    def __init__(self, app, allowed_hosts: list[str] | tuple[str, ...] = LOOPBACK_HOSTS, token: str | None = None):
        self.app = app
        self.allowed = {_hostname(h) for h in allowed_hosts}
        self.any_host = "*" in allowed_hosts
        self.token = token or None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *((k, v) for k, v in SECURITY_HEADERS if k not in have)]}
            await send(message)

        async def refuse(status: int, detail: str, extra=None):
            start, body = _json(status, detail, extra)
            await send_with_headers(start)
            await send(body)

        host = headers.get(b"host", b"").decode("latin-1")
        if not self.any_host and _hostname(host) not in self.allowed:
            return await refuse(400, f"Host {host!r} is not served here (DNS rebinding guard); "
                                     "add it with rasd serve --allow-host")
        if self.token and scope["path"] not in OPEN_PATHS:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if scope["path"] == "/" and "token" in query:   # the page's link: remember the token in a cookie
                if not hmac.compare_digest(query["token"].encode(), self.token.encode()):
                    return await refuse(401, "wrong token")
                rest = urlencode({k: v for k, v in query.items() if k != "token"})
                cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
                start, body = _json(303, "see /", [(b"location", ("/?" + rest if rest else "/").encode()),
                                                   (b"set-cookie", cookie.encode())])
                await send_with_headers(start)
                return await send(body)
            if not self._authorised(headers):
                return await refuse(401, "this server needs a token: send 'Authorization: Bearer TOKEN' "
                                         "or open /?token=TOKEN once", [(b"www-authenticate", b"Bearer")])
        return await self.app(scope, receive, send_with_headers)

    def admits(self, headers: list[tuple[bytes, bytes]], path: str) -> bool:
        """True when a request with these headers (names in lower case) to `path` passes the Host check
        and the token: what `__call__` lets through to the application (rasd.api.fastpath asks it)."""
        host = authorization = cookie = None
        for name, value in headers:
            if name == b"host":
                host = value
            elif name == b"authorization":
                authorization = value
            elif name == b"cookie":
                cookie = value
        if not self.any_host and _hostname((host or b"").decode("latin-1")) not in self.allowed:
            return False
        if self.token and path not in OPEN_PATHS:
            given = {}
            if authorization is not None:
                given[b"authorization"] = authorization
            if cookie is not None:
                given[b"cookie"] = cookie
            return self._authorised(given)
        return True

    def _authorised(self, headers: dict[bytes, bytes]) -> bool:
        given = None
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        elif b"cookie" in headers:
            cookie = SimpleCookie()
            try:
                cookie.load(headers[b"cookie"].decode("latin-1"))
            except Exception:   # noqa: BLE001 — a malformed cookie is no token
                return False
            if TOKEN_COOKIE in cookie:
                given = cookie[TOKEN_COOKIE].value
        return given is not None and self.token is not None and hmac.compare_digest(given.encode(),
                                                                                    self.token.encode())
