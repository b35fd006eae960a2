#!/usr/bin/env bash
# Worked example: how ICB and council footprints changed between the 2022 and 2024 ONS lookups, and
# what two proposals would do to coterminosity before they happen. Runs placemap diff on the bundled
# data and keeps the summaries and the rows that changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
"$root/scripts/setup"
(cd "$root" && swift build -c release --product placemap >&2)
pm="$root/.build/release/placemap"
geo=geodata   # relative to the repository root, where the commands run
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
blocks=(--blocks "$geo/lsoa21_england.geojson" --population "$geo/census21_population_lsoa21.csv")
places=(--places-lookup "$geo/lookup_lsoa21_lad24.csv" --places-by ltla24_code)
cd "$root"

# 1. ICB 2022 → ICB 2024: the Chichester move and the two recodes, by age band too, and the page of
#    before/after maps and tables for a board paper.
"$pm" diff geodata/lookup_lsoa21_icb22_lad22.csv geodata/lookup_lsoa21_sicbl24_icb24.csv \
    --old-by icb22_code --new-by icb24_code "${blocks[@]}" "${places[@]}" --attributes "$geo/census21_age_lsoa21.csv" \
    --out "$work/icb" | sed "s|$work/||g" > "$here/icb22_icb24.txt"
"$pm" report "$work/icb" -o "$here/icb22_icb24.html" --overwrite --title "ICB 2022 → ICB 2024: what changed" > /dev/null
# 2. LAD 2021/22 → LAD 2024: the April 2023 unitary councils.
"$pm" diff geodata/lookup_lsoa21_icb22_lad22.csv geodata/lookup_lsoa21_lad24.csv \
    --old-by ltla22_code "${blocks[@]}" --out "$work/lad" | sed "s|$work/||g" > "$here/lad22_lad24.txt"
# 3. A merger scenario: Frimley and Surrey Heartlands as one ICB.
"$pm" diff geodata/lookup_lsoa21_sicbl24_icb24.csv --old-by icb24_code \
    --merge examples/footprints/merge_frimley_surrey.csv "${blocks[@]}" "${places[@]}" --out "$work/merge" | sed "s|$work/||g" > "$here/merge_frimley_surrey.txt"
# 4. A boundary move: Bassetlaw's LSOAs back to South Yorkshire ICB.
"$pm" diff geodata/lookup_lsoa21_sicbl24_icb24.csv --old-by icb24_code \
    --reassign examples/footprints/reassign_bassetlaw.csv "${blocks[@]}" "${places[@]}" --out "$work/bassetlaw" | sed "s|$work/||g" > "$here/reassign_bassetlaw.txt"

# The rows that changed (the unchanged ones are in the full outputs).
for run in icb lad merge bassetlaw; do
    { head -1 "$work/$run/areas.csv"; grep -v ',unchanged,' "$work/$run/areas.csv" | tail -n +2; } > "$here/${run}_areas.csv"
done
for run in icb merge bassetlaw; do
    # The header and the rows whose `change` column is not empty (names may hold quoted commas).
    python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
w = csv.writer(sys.stdout, lineterminator="\r\n")
w.writerows([rows[0]] + [r for r in rows[1:] if r[rows[0].index("change")]])' "$work/$run/places.csv" > "$here/${run}_places.csv"
done
echo "wrote the summaries (*.txt), the changed areas and places (*_areas.csv, *_places.csv) and the ICB report (icb22_icb24.html) in $here"
