"""Read answers at hand written by the HTTP protocol itself: `protocol_class(app)` for `rasd serve`.

A GET whose answer is kept by the cache of read answers (rasd.api.cache), or made at once by its `direct`
reader (GET /events/{id}, GET /events pages cut from blocks already read), needs no ASGI work at all:
no task, no middleware chain, no ASGI messages, one socket write. Under load that work was most of a
cached answer's CPU time (about 0.14 ms of 0.14 ms one at a time) and every request shares one event loop
on a CPU the machine gives out in slices, so what each answer costs sets how long the others queue.

The protocol is uvicorn's httptools protocol with one change: when a request's headers are complete and it
is a keep-alive HTTP/1.1 GET with no answer of the same connection still pending,
`Answers.answer(url, headers)` is asked for the whole response; when it has one, that is written and the
request is done, else uvicorn runs the application as always. The answer is the one the application's
middleware would give: the same Host check and token (security.Guard.admits, else the application
answers, with its 400 or 401), the same cached body, ETag, `If-None-Match` 304, `X-Rasd-Cache` and
security headers, and uvicorn's `date` and `server` headers. An access log line is written as uvicorn's
when its access log is on.
"""
from __future__ import annotations

import logging
import urllib.parse
from typing import Any

from rasd.api.cache import BODY, CACHED_PATHS, ETAG, HEAD, ResponseCache, _matches, cache_key
from rasd.api.security import SECURITY_HEADERS, Guard

_STATUS_200 = b"HTTP/1.1 200 OK\r\n"
_STATUS_304 = b"HTTP/1.1 304 Not Modified\r\n"
_SECURITY = b"".join(k + b": " + v + b"\r\n" for k, v in SECURITY_HEADERS)
MAX_TARGETS = 10_000   # request targets remembered (then forgotten all at once)


class Answers:
    """The whole HTTP response of a request whose answer is at hand, or None."""

    def __init__(self, cache: ResponseCache, guard: Guard):
        self.cache, self.guard = cache, guard
        self._defaults: tuple[Any, bytes] = (None, b"")
        self.answered = 0
        # request targets as sent -> (path as uvicorn gives it, query, cache key), or () when not cacheable
        self._targets: dict[bytes, tuple] = {}

    @staticmethod
    def _target(url: bytes) -> tuple:
        import httptools
        try:
            parsed = httptools.parse_url(url)
            path = parsed.path.decode("ascii")
        except (httptools.HttpParserInvalidURLError, UnicodeDecodeError):
            return ()
        if "%" in path:
            path = urllib.parse.unquote(path)
        if not CACHED_PATHS.match(path):
            return ()
        query = parsed.query or b""
        return path, query, cache_key({"path": path, "query_string": query})

    def answer(self, url: bytes, headers: list[tuple[bytes, bytes]],
               default_headers: list[tuple[bytes, bytes]]) -> bytes | None:
        target = self._targets.get(url)
        if target is None:
            target = self._targets[url] = self._target(url)
            if len(self._targets) > MAX_TARGETS:
                self._targets.clear()
        if not target:
            return None
        path, query, key = target
        if not self.guard.admits(headers, path):
            return None   # the application refuses it, as always
        found = self.cache.answer_now(path, query, key)
        if found is None:
            return None
        entry, state = found
        head = entry[HEAD]
        if head is None:
            return None   # an answer with a security header of its own: the Guard's merging, in the app
        if self._defaults[0] is not default_headers:   # uvicorn renews the list (its date) each second
            self._defaults = (default_headers, b"".join(k + b": " + v + b"\r\n" for k, v in default_headers))
        defaults = self._defaults[1]
        self.answered += 1
        if_none_match = None
        for name, value in headers:
            if name == b"if-none-match":
                if_none_match = value
        if _matches(if_none_match, entry[ETAG]):
            self.cache.not_modified += 1
            return b"".join((_STATUS_304, defaults, b"etag: ", entry[ETAG], b"\r\ncache-control: no-cache\r\n"
                             b"x-rasd-cache: ", state, b"\r\n", _SECURITY, b"\r\n"))
        return b"".join((_STATUS_200, defaults, head, b"x-rasd-cache: ", state, b"\r\n", _SECURITY, b"\r\n",
                         entry[BODY]))


def protocol_class(answers: Answers):
    """uvicorn's httptools protocol answering what `answers` has at hand itself (see the module's text);
    None when httptools is not installed (uvicorn then picks its own)."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:
        return None
    access = logging.getLogger("uvicorn.access")

    class AnsweringProtocol(HttpToolsProtocol):
        _answered = False

        def on_message_begin(self) -> None:
            self._answered = False
            super().on_message_begin()

        def on_headers_complete(self) -> None:
            parser = self.parser
            if (parser.get_method() == b"GET" and parser.get_http_version() == "1.1" and parser.should_keep_alive()
                    and not parser.should_upgrade() and (self.cycle is None or self.cycle.response_complete)
                    and not self.pipeline and not self.transport.is_closing()):
                out = answers.answer(self.url, self.headers, self.server_state.default_headers)
                if out is not None:
                    self._answered = True
                    self.scope["method"] = "GET"
                    self.transport.write(out)
                    if self.access_log:   # uvicorn's line (its formatter takes these five arguments)
                        access.info('%s - "%s %s HTTP/%s" %d', "%s:%d" % self.client if self.client else "-",
                                    "GET", self.url.decode("latin-1"), "1.1", int(out[9:12]))
                    self.on_response_complete()   # counted, and the keep-alive timer armed, as uvicorn does
                    return
            super().on_headers_complete()

        def on_body(self, body: bytes) -> None:
            if not self._answered:
                super().on_body(body)

        def on_message_complete(self) -> None:
            if not self._answered:
                super().on_message_complete()

    return AnsweringProtocol
