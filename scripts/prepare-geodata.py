#!/usr/bin/env python3
"""Rebuild geodata/ from the raw open data in ../shared/geodata/raw.

Keeps England rows only and drops columns the project does not use; no geometry is
re-projected, simplified or rounded (features are copied byte for byte).
Usage: python3 scripts/prepare-geodata.py [RAW_DIR] [OUT_DIR]
"""
import csv
import json
import os
import sys
from collections import OrderedDict

raw = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "geodata", "raw")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "geodata")
geo = os.path.join(raw, "geographr")
os.makedirs(out, exist_ok=True)


def england_geojson(src, dst, code_field, name):
    """Copy the features whose code starts with E, one feature per line."""
    with open(os.path.join(geo, src), encoding="utf-8") as f:
        data = json.load(f)
    kept = [ft for ft in data["features"] if ft["properties"][code_field].startswith("E")]
    with open(os.path.join(out, dst), "w", encoding="utf-8") as f:
        f.write('{\n"type": "FeatureCollection",\n"name": "%s",\n"features": [\n' % name)
        for i, ft in enumerate(kept):
            f.write(json.dumps(ft, separators=(",", ":")))
            f.write(",\n" if i + 1 < len(kept) else "\n")
        f.write("]\n}\n")
    print(f"{dst}: {len(kept)} features")


def slim_csv(src, dst, columns, keep=lambda row: True, base=geo):
    with open(os.path.join(base, src), encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if keep(r)]
    with open(os.path.join(out, dst), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([r[c] for c in columns])
    print(f"{dst}: {len(rows)} rows")


england_geojson("boundaries_lsoa21.geojson", "lsoa21_england.geojson", "lsoa21_code", "lsoa21_england")
england_geojson("boundaries_ltla24.geojson", "lad24_england.geojson", "ltla24_code", "lad24_england")
england_geojson("boundaries_icb22.geojson", "icb22_england.geojson", "icb22_code", "icb22_england")
england_geojson("boundaries_msoa11.geojson", "msoa11_england.geojson", "msoa11_code", "msoa11_england")

# Census 2021 usual residents: one row per English LSOA (sum of the six age bands).
totals = OrderedDict()
with open(os.path.join(raw, "hack25usefuldata", "census21_pop.csv"), encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        if r["lsoa21_code"].startswith("E"):
            code = r["lsoa21_code"]
            name, n = totals.get(code, (r["lsoa21_name"], 0))
            totals[code] = (name, n + int(r["usual_residents"]))
with open(os.path.join(out, "census21_population_lsoa21.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["lsoa21_code", "lsoa21_name", "usual_residents"])
    for code, (name, n) in totals.items():
        w.writerow([code, name, n])
print(f"census21_population_lsoa21.csv: {len(totals)} rows, total {sum(n for _, n in totals.values())}")

eng = lambda field: (lambda r: r[field].startswith("E"))
slim_csv("lookup_lsoa21_icb24.csv", "lookup_lsoa21_sicbl24_icb24.csv",
         ["lsoa21_code", "lsoa21_name", "sicbl24_code", "sicbl24_name", "icb24_code", "icb24_name"])
slim_csv("lookup_lsoa21_ward24_ltla24.csv", "lookup_lsoa21_lad24.csv",
         ["lsoa21_code", "ltla24_code", "ltla24_name"], eng("lsoa21_code"))
slim_csv("lookup_ltla23_utla23.csv", "lookup_lad23_utla23.csv",
         ["ltla23_code", "ltla23_name", "utla23_code", "utla23_name"], eng("ltla23_code"))
slim_csv("lookup_lsoa11_lsoa21_ltla22.csv", "lookup_lsoa11_lsoa21.csv",
         ["lsoa11_code", "lsoa21_code", "change_code"], eng("lsoa21_code"))
slim_csv("lookup_lsoa11_msoa11.csv", "lookup_lsoa11_msoa11.csv",
         ["lsoa11_code", "msoa11_code"], eng("lsoa11_code"))
slim_csv("lookup_trust_msoa11_2021file_catchyear2019.csv", "ohid_trust_msoa11_shares_2019.csv",
         ["msoa_code", "trust_code", "proportion"])
slim_csv("lookup_nhs_trusts22_nhs_region21.csv", "nhs_trusts22.csv",
         ["nhs_trust22_code", "nhs_trust22_name", "nhs_region21_name", "status"])

# ICB 2022 and LAD 2022 on LSOA 2021 blocks, for comparing footprints across vintages (placemap diff).
# The 2022 ICB lookup is on LSOA 2011; each LSOA 2021 takes the ICB of its LSOA 2011 parents in the
# LSOA11 -> LSOA21 lookup. A split LSOA 2011 (change code S) gives its ICB to every LSOA 2021 made from
# it; an LSOA 2021 made from several LSOA 2011s (M merged, X irregular) takes their common ICB, and
# the script stops if they disagree (in the 2022 files none do: the links never cross an ICB line).
# The LAD 2022 column is the lookup's own ltla22 (every LSOA 2021 lies in one).
def icb22_on_lsoa21(dst):
    with open(os.path.join(geo, "lookup_lsoa11_sicbl22_icb22_ltla22.csv"), encoding="utf-8-sig", newline="") as f:
        icb = {r["lsoa11_code"]: (r["icb22_code"], r["icb22_name"]) for r in csv.DictReader(f)}
    rows = OrderedDict()
    with open(os.path.join(geo, "lookup_lsoa11_lsoa21_ltla22.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            code = r["lsoa21_code"]
            if not code.startswith("E"):
                continue
            parent = icb[r["lsoa11_code"]]
            lad = (r["ltla22_code"], r["ltla22_name"])
            if code in rows and rows[code] != (parent, lad):
                sys.exit(f"{dst}: {code} has LSOA 2011 parents in different ICBs or LADs: {rows[code]} and {(parent, lad)}")
            rows[code] = (parent, lad)
    with open(os.path.join(out, dst), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lsoa21_code", "icb22_code", "icb22_name", "ltla22_code", "ltla22_name"])
        for code, ((icb_code, icb_name), (lad_code, lad_name)) in rows.items():
            w.writerow([code, icb_code, icb_name, lad_code, lad_name])
    print(f"{dst}: {len(rows)} rows, {len({v[0] for v in rows.values()})} ICBs, {len({v[1] for v in rows.values()})} LADs")


icb22_on_lsoa21("lookup_lsoa21_icb22_lad22.csv")

# Block attributes: census 2021 usual residents by the six age bands of the source, one row per
# English LSOA (wide form, one column per band, named population_aged_…), and the 2021 rural-urban
# class (Urban / Rural) of each English LSOA.
def band_column(label):
    words = [w for w in "".join(c if c.isalnum() else " " for c in label.lower()).split() if w not in ("years", "year")]
    return "population_" + "_".join(words)

bands, by_code = [], OrderedDict()
with open(os.path.join(raw, "hack25usefuldata", "census21_pop.csv"), encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        if r["lsoa21_code"].startswith("E"):
            if r["age_group"] not in bands:
                bands.append(r["age_group"])
            by_code.setdefault(r["lsoa21_code"], {})[r["age_group"]] = int(r["usual_residents"])
with open(os.path.join(out, "census21_age_lsoa21.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["lsoa21_code"] + [band_column(b) for b in bands])
    for code, counts in by_code.items():
        w.writerow([code] + [counts[b] for b in bands])
print(f"census21_age_lsoa21.csv: {len(by_code)} rows, bands {', '.join(bands)}")
slim_csv("ruc21_lsoa21.csv", "ruc21_lsoa21.csv", ["lsoa21_code", "ruc"], eng("lsoa21_code"))
