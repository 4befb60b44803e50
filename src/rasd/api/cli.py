"""`rasd serve [--db URL] [--host 127.0.0.1] [--port 8000]`: the API and the map page."""
from __future__ import annotations

import argparse
import gc
import os
import secrets
import sys
import threading


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from rasd.api.app import create_app
    except ImportError as exc:   # the optional part is not installed
        print(f"rasd: serve needs the server extra (pip install 'rasd[server]'): {exc}", file=sys.stderr)
        return 2
    from rasd.api.security import LOOPBACK_HOSTS
    from rasd.api.workers import ExtractionPool

    loopback = args.host in LOOPBACK_HOSTS
    token = args.token or os.environ.get("RASD_TOKEN") or None
    if not loopback and token is None and not args.no_token:
        token = secrets.token_urlsafe(24)   # beyond this machine, never open by accident
    hosts = [*LOOPBACK_HOSTS, *([] if args.host in ("0.0.0.0", "::") else [args.host]), *args.allow_host]
    pool = ExtractionPool(workers=args.workers, timeout=args.extract_timeout, max_words=args.max_words,
                          nice=args.extract_nice, batch_words=args.batch_words)
    threading.Thread(target=pool.warm, daemon=True, name="rasd-warm-up").start()   # workers ready before use
    app = create_app(args.db, max_request_bytes=args.max_request_bytes, allowed_hosts=hosts, token=token, pool=pool,
                     cache_bytes=int(args.cache_mb * 1024 * 1024))
    threading.Thread(target=_warm_reads, args=(app,), daemon=True, name="rasd-warm-reads").start()
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"rasd: serving {app.state.repo.url} on http://{shown}:{args.port}/ (API docs at /docs)",
          file=sys.stderr, flush=True)
    if token:
        print(f"rasd: every request needs the token: open http://{shown}:{args.port}/?token={token} once, "
              "or send 'Authorization: Bearer TOKEN'", file=sys.stderr, flush=True)
    elif not loopback:
        print("rasd: warning: --no-token: the API has no authentication and POST /articles writes to the store",
              file=sys.stderr, flush=True)
    if not loopback and args.host in ("0.0.0.0", "::") and not args.allow_host:
        print("rasd: note: only loopback Host names are served; add the names clients use with --allow-host",
              file=sys.stderr, flush=True)
    # what was made to start (modules, the app, its routes and models) lives as long as the server: moved
    # out of the garbage collector's generations, a full collection no longer walks it (it took up to
    # 0.1 s of CPU under load, a pause of every request in flight)
    gc.collect()
    gc.freeze()
    from rasd.api.fastpath import protocol_class
    protocol = None if args.plain_protocol else protocol_class(app.state.answers)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, timeout_keep_alive=args.keep_alive,
                http=protocol or "auto")
    return 0


def _warm_reads(app) -> None:
    try:
        app.state.warm_reads()
    except Exception as exc:   # noqa: BLE001 — the requests read it themselves then
        print(f"rasd: note: reading the store ahead of the first requests failed: {type(exc).__name__}: {exc}",
              file=sys.stderr, flush=True)


def register(subparsers) -> None:
    from rasd.api.limits import DEFAULT_CACHE_BYTES, DEFAULT_MAX_REQUEST_BYTES
    from rasd.api.workers import (DEFAULT_BATCH_WORDS, DEFAULT_MAX_WORDS, DEFAULT_NICE, DEFAULT_TIMEOUT,
                                  DEFAULT_WORKERS)

    p = subparsers.add_parser("serve", help="serve the HTTP API and the map page (default http://127.0.0.1:8000)")
    p.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-request-bytes", type=int, default=DEFAULT_MAX_REQUEST_BYTES,
                   help=f"refuse larger request bodies with 413 (default {DEFAULT_MAX_REQUEST_BYTES:,})")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="also serve requests whose Host header is NAME (the loopback names and --host always are)")
    p.add_argument("--token", help="require this token on every request but /health (default $RASD_TOKEN; "
                                   "bound beyond loopback without one, a random token is made and printed)")
    p.add_argument("--no-token", action="store_true", help="beyond loopback, serve without a token (behind a "
                                                           "proxy that controls access)")
    p.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                   help=f"extraction worker processes (default {DEFAULT_WORKERS})")
    p.add_argument("--extract-timeout", type=float, default=DEFAULT_TIMEOUT,
                   help=f"seconds one extraction may take before it is stopped with 503 (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--max-words", type=int, default=DEFAULT_MAX_WORDS,
                   help=f"refuse articles over this many words with 413 (default {DEFAULT_MAX_WORDS:,})")
    p.add_argument("--extract-nice", type=int, default=DEFAULT_NICE, metavar="N",
                   help=f"extract articles over --batch-words words N steps below the server's CPU priority "
                        f"(default {DEFAULT_NICE}; 0: the same priority), so that reads and short articles "
                        "are served first when the CPUs are busy")
    p.add_argument("--batch-words", type=int, default=DEFAULT_BATCH_WORDS, metavar="W",
                   help=f"articles over W words are batch work, extracted at --extract-nice (default "
                        f"{DEFAULT_BATCH_WORDS:,})")
    p.add_argument("--cache-mb", type=float, default=DEFAULT_CACHE_BYTES / 1024 / 1024,
                   help="memory for cached read answers, served until the store changes (default "
                        f"{DEFAULT_CACHE_BYTES // 1024 // 1024}; 0: no cache)")
    p.add_argument("--keep-alive", type=float, default=75.0,
                   help="seconds an idle client connection stays open (default 75; a busy client reusing a "
                        "connection the server has just closed sees a connection error)")
    p.add_argument("--plain-protocol", action="store_true",
                   help="answer every request through the application, also the read answers at hand that the "
                        "HTTP protocol writes itself by default (rasd.api.fastpath); for comparison")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=cmd_serve)
