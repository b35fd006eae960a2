#!/usr/bin/env bash
# Worked example: which acute trusts serve Wakefield and Kirklees, and how do their catchments sit
# across West Yorkshire's places? Runs placemap on the bundled data and keeps the rows for this area.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
"$root/scripts/setup"
(cd "$root" && swift build -c release --product placemap >&2)
pm="$root/.build/release/placemap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$pm" catchments --out "$work/catchments" --min-share 0.2 > "$work/summary.txt"
places='E08000036|E08000034|E08000033'   # Wakefield, Kirklees, Calderdale
trusts='^(RXF|RWY|RR8),'                 # Mid Yorkshire, Calderdale and Huddersfield, Leeds Teaching
{ head -1 "$work/catchments/trusts.csv"; grep -E "$trusts" "$work/catchments/trusts.csv"; } > "$here/trusts.csv"
{ head -1 "$work/catchments/trust_places.csv"; grep -E "$trusts" "$work/catchments/trust_places.csv" | grep -E ",($places)," ; } > "$here/trust_places.csv"
{ head -1 "$work/catchments/places_served.csv"; grep -E "^($places)," "$work/catchments/places_served.csv"; } > "$here/places_served.csv"
echo "wrote trusts.csv, trust_places.csv and places_served.csv in $here"
