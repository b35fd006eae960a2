"""Oracle: the figures of a scenario CSV computed block by block from the ONS lookups and the census,
independently of placemap (csv module for the tables, libpysal Rook contiguity for the blocks).

Usage: python scenario_truth.py GEODATA SCENARIO.csv|- → prints JSON: split_places, split_places_before,
systems, systems_under_1m, systems_not_one_piece, and per system population, population_65_plus, pieces.

Rules (SCENARIO-CONTRACT.md): rows apply in order; merge-system CODE → TO moves every block whose system
is CODE; move-place CODE → TO moves every block whose place or upper-tier place is CODE; move-block moves one
block; merge-place CODE → TO makes TO the place and the upper-tier place of every block whose place or
upper-tier place is CODE. A place is split when its blocks with people lie in more than one system; a
system is one piece when its blocks are connected by rook adjacency (a shared edge).
"""
import csv
import io
import json
import os
import sys
import warnings


def table(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def load(geodata):
    build = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".build")
    cache = os.path.join(build, "oracle-lsoa21-rook.json")
    people = {r["lsoa21_code"]: int(r["usual_residents"]) for r in table(f"{geodata}/census21_population_lsoa21.csv")}
    older = {r["lsoa21_code"]: int(r["population_aged_65_and_over"]) for r in table(f"{geodata}/census21_age_lsoa21.csv")}
    place = {r["lsoa21_code"]: r["ltla24_code"] for r in table(f"{geodata}/lookup_lsoa21_lad24.csv")}
    up = {r["ltla23_code"]: r["utla23_code"] for r in table(f"{geodata}/lookup_lad23_utla23.csv")}
    system, names = {}, {}
    for r in table(f"{geodata}/lookup_lsoa21_sicbl24_icb24.csv"):
        system[r["lsoa21_code"]] = r["icb24_code"]
        names[r["icb24_code"]] = r["icb24_name"]
    source = f"{geodata}/lsoa21_england.geojson"
    stamp = os.path.getmtime(source)
    neighbours = None
    if os.path.exists(cache):
        with open(cache) as f:
            stored = json.load(f)
        if stored.get("stamp") == stamp:
            neighbours = stored["neighbours"]
    if neighbours is None:
        import geopandas as gpd
        import libpysal

        frame = gpd.read_file(source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rook = libpysal.weights.Rook.from_dataframe(frame, ids=list(frame["lsoa21_code"]), use_index=False)
        neighbours = {a: sorted(b) for a, b in rook.neighbors.items()}
        with open(cache + ".tmp", "w") as f:
            json.dump({"stamp": stamp, "neighbours": neighbours}, f)
        os.replace(cache + ".tmp", cache)
    blocks = sorted(place)
    state = {b: [place[b], up[place[b]], system[b]] for b in blocks}
    return blocks, state, people, older, neighbours, names


def apply(rows, state, names):
    for r in rows:
        change, code, to, name = r["change"], r["code"], r["to_code"], r["to_name"]
        if name:
            names[to] = name
        for b, s in state.items():
            if change == "merge-system" and s[2] == code:
                s[2] = to
            elif change == "move-place" and code in (s[0], s[1]):
                s[2] = to
            elif change == "move-block" and b == code:
                s[2] = to
            elif change == "merge-place" and code in (s[0], s[1]):
                s[0] = s[1] = to


def figures(blocks, state, people, older, neighbours, names):
    by_place, systems = {}, {}
    for b in blocks:
        p, _, s = state[b]
        rec = systems.setdefault(s, {"population": 0, "population_65_plus": 0, "blocks": []})
        rec["population"] += people[b]
        rec["population_65_plus"] += older[b]
        rec["blocks"].append(b)
        if people[b] > 0:
            by_place.setdefault(p, {}).setdefault(s, 0)
            by_place[p][s] += people[b]
    split = sorted(p for p, sides in by_place.items() if len(sides) > 1)
    for code, rec in systems.items():
        seen, pieces = set(), 0
        for b in rec["blocks"]:
            if b in seen:
                continue
            pieces += 1
            stack = [b]
            seen.add(b)
            while stack:
                x = stack.pop()
                for y in neighbours.get(x, []):
                    if y not in seen and state[y][2] == code:
                        seen.add(y)
                        stack.append(y)
        rec["pieces"] = pieces
        rec["name"] = names.get(code, code)
        del rec["blocks"]
    return {
        "split_places": len(split),
        "split_place_codes": split,
        "split_sides": {p: by_place[p] for p in split},
        "systems": len(systems),
        "systems_under_1m": sum(1 for r in systems.values() if r["population"] < 1_000_000),
        "systems_not_one_piece": sum(1 for r in systems.values() if r["pieces"] > 1),
        "per_system": systems,
    }


def main():
    geodata, scenario = sys.argv[1], sys.argv[2]
    blocks, state, people, older, neighbours, names = load(geodata)
    before = figures(blocks, state, people, older, neighbours, names)
    text = sys.stdin.read() if scenario == "-" else open(scenario, encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    apply(rows, state, names)
    after = figures(blocks, state, people, older, neighbours, names)
    after["split_places_before"] = before["split_places"]
    print(json.dumps(after, sort_keys=True))


if __name__ == "__main__":
    main()
