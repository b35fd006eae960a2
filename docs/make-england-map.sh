#!/usr/bin/env bash
# Makes docs/england-map.png, the picture in the README: the main job's England map, drawn by
# `placemap report --svg --png` (PNG through rsvg-convert or headless chromium).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build -c release --product placemap >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
.build/release/placemap england --out "$work/placemap-output" --quiet >/dev/null
.build/release/placemap report "$work/placemap-output" -o "$work/report.html" --svg "$work/maps" --png --quiet
cp "$work/maps/map-lad24-icb24.png" docs/england-map.png
echo "docs/england-map.png"
