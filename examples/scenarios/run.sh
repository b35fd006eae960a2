#!/usr/bin/env bash
# Worked examples: proposals tried before they happen. Runs placemap scenario on the bundled England data
# (LSOA 2021 blocks, census 2021, LAD24 districts, UTLA23 upper tier, ICB24) for each scenario file here and
# keeps its summary (summary.txt, summary.json) and the systems after it (*_systems.csv).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/scripts/setup"
(cd "$root" && swift build -c release --product placemap >&2)
pm="$root/.build/release/placemap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
for name in surrey_unitaries_2027 frimley_split_2026 surrey_both_tiers_2027; do
    "$pm" scenario "examples/scenarios/$name.csv" --out "$work/$name" | sed -e "s|$work/||g" -e "s|$root/||g" > "$here/${name}_summary.txt"
    # The summary's figures with the scenario named relative to the repository (no machine paths).
    sed -e "s|$work/||g" -e "s|$root/||g" "$work/$name/summary.json" > "$here/${name}_summary.json"
    cp "$work/$name/systems.csv" "$here/${name}_systems.csv"
done
# The explorer page, to open each scenario in (links in README.md).
"$pm" explore -o "$here/explore.html" --overwrite --quiet
echo "wrote explore.html, the summaries (*_summary.txt, *_summary.json) and the systems after each scenario (*_systems.csv) in $here"
