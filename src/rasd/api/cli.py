"""`rasd serve [--db URL] [--host 127.0.0.1] [--port 8000]`: the API and the map page."""
from __future__ import annotations

import argparse
import sys


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from rasd.api.app import create_app

    app = create_app(args.db, max_request_bytes=args.max_request_bytes)
    print(f"rasd: serving {app.state.repo.url} on http://{args.host}:{args.port}/ (API docs at /docs)",
          file=sys.stderr, flush=True)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("rasd: warning: the API has no authentication and POST /articles writes to the store; "
              "serve on a non-loopback address only behind a proxy that controls access", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def register(subparsers) -> None:
    from rasd.api.limits import DEFAULT_MAX_REQUEST_BYTES

    p = subparsers.add_parser("serve", help="serve the HTTP API and the map page (default http://127.0.0.1:8000)")
    p.add_argument("--db", help="database URL or SQLite path (default $RASD_DB or ./rasd.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-request-bytes", type=int, default=DEFAULT_MAX_REQUEST_BYTES,
                   help=f"refuse larger request bodies with 413 (default {DEFAULT_MAX_REQUEST_BYTES:,})")
    p.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=cmd_serve)
