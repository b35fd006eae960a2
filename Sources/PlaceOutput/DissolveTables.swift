import Foundation
import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// The layer and report of a dissolve.
extension DissolveResult {
    /// One feature per area in EPSG:27700: code, name, n_blocks, the summed fields and population.
    /// The code and name properties are named after the grouping unless given.
    public func layer(codeField: String? = nil, nameField: String? = nil) -> Layer {
        let codeKey = codeField ?? grouping.field
        let nameKey = nameField ?? grouping.nameField
        let features = areas.map { area -> Feature in
            var p = JSONObject([(codeKey, .string(area.code))])
            if let nameKey { p[nameKey] = .string(area.name) }
            p["n_blocks"] = .number(Double(area.blocks.count))
            for (k, field) in sumFields.enumerated() { p[field] = .number(area.sums[k]) }
            if population != nil, let people = area.sums.last { p["population"] = .number(people) }
            return Feature(properties: p, shape: area.shape)
        }
        return Layer(
            name: LayerFields(code: codeKey, name: nil).prefix.lowercased(), source: "dissolve",
            crs: .britishNationalGrid, features: features)
    }

    /// What was done and what was found: coverage problems, unjoined codes, totals.
    public var report: JSONObject {
        let notClean = areas.filter { $0.method != "coverage union" }
        var o = JSONObject([
            ("tool", .string(Provenance.tool)), ("analysis", .string("dissolve")), ("crs", .string("EPSG:27700")),
            ("blocks", Provenance.layer(blocks)), ("group_field", .string(grouping.field)),
            ("areas", .number(Double(areas.count))),
            ("areas_by_coverage_union", .number(Double(areas.count - notClean.count))),
            ("areas_by_unary_union", .array(notClean.map { .string($0.code) })),
            (
                "overlapping_blocks",
                .array(
                    areas.flatMap { area in
                        area.overlappingBlocks.map { pair -> JSONValue in
                            .object(
                                JSONObject([
                                    ("a", .string(blocks.codes[pair.a])), ("b", .string(blocks.codes[pair.b])),
                                    ("area_m2", .number(Number.round(pair.area, 3))),
                                ]))
                        }
                    })
            ),
            (
                "overlapping_areas",
                .array(
                    areaOverlaps.map { pair -> JSONValue in
                        .object(
                            JSONObject([
                                ("a", .string(areas[pair.a].code)), ("b", .string(areas[pair.b].code)),
                                ("area_m2", .number(Number.round(pair.area, 3))),
                            ]))
                    })
            ),
            ("overlap_area_m2", .number(Number.round(areas.reduce(0) { $0 + $1.overlapArea }, 3))),
            ("gaps", .number(Double(areas.reduce(0) { $0 + $1.gapCount }))),
            ("gap_area_m2", .number(Number.round(areas.reduce(0) { $0 + $1.gapArea }, 3))),
            ("blocks_without_group", .number(Double(blocksWithoutGroup.count))),
            ("blocks_without_group_examples", .array(blocksWithoutGroup.prefix(20).map(JSONValue.string))),
            ("lookup_rows_without_block", .number(Double(grouping.unmatchedCodes.count))),
            ("lookup_rows_without_block_examples", .array(grouping.unmatchedCodes.prefix(20).map(JSONValue.string))),
        ])
        if let population {
            o["population"] = .object(
                JSONObject([
                    ("table", .string(population.source)), ("field", .string(population.field)), ("total", .number(population.total)),
                    ("in_areas", .number(areas.reduce(0) { $0 + ($1.sums.last ?? 0) })),
                ]))
            if !population.gaps.isEmpty { o["gaps"] = Provenance.gaps(population.gaps) }
        }
        return o
    }
}
