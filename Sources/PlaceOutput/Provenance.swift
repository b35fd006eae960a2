import PlaceAnalysis
import PlaceGeometry
import PlaceIO

/// What produced a result: inputs with their vintages, CRS, method and tolerances, as JSON members
/// for a sidecar `.json` file or a GeoJSON file's top level.
public enum Provenance {
    public static let tool = "placemap"

    /// Gaps the user allowed: for each, the lookup or table, how many blocks with people and how many
    /// people it leaves out, and the first codes.
    public static func gaps(_ gaps: [CoverageGap]) -> JSONValue {
        .array(
            gaps.map { gap in
                .object(
                    JSONObject([
                        ("role", .string(gap.role)), ("file", .string(gap.source)), ("blocks", .number(Double(gap.blocks.count))),
                        ("people", .number(Number.round(gap.people, 3))),
                        ("first_blocks", .array(gap.blocks.prefix(20).map(JSONValue.string))),
                        ("rule", .string("allowed by --allow-gaps: these blocks' people are in no area of this lookup or table")),
                    ]))
            })
    }

    public static func layer(_ l: AnalysisLayer) -> JSONValue {
        var o = JSONObject([
            ("file", .string(l.source)), ("code_field", .string(l.fields.code)),
            ("name_field", l.fields.name.map(JSONValue.string) ?? .null), ("geography", .string(l.fields.prefix)),
            ("features", .number(Double(l.count))), ("input_crs", .string(l.inputCRS.description)),
        ])
        if let d = l.layer.download {
            o["downloaded"] = .object(
                JSONObject([
                    ("url", .string(d.url)), ("date", .string(d.downloaded)), ("checked", .string(d.checked)),
                    ("etag", d.etag.map(JSONValue.string) ?? .null), ("bytes", .number(Double(d.bytes))),
                ]))
        }
        if !l.repairs.isEmpty {
            o["repaired_geometries"] = .array(
                l.repairs.map { r in
                    .object(
                        JSONObject([
                            ("code", .string(r.code ?? "")), ("reason", .string(r.reason)),
                            ("area_before_m2", .number(r.areaBefore)), ("area_after_m2", .number(r.areaAfter)),
                        ]))
                })
        }
        if !l.unchecked.isEmpty {
            o["unchecked_geometries"] = .array(
                l.unchecked.map { u in .object(JSONObject([("code", .string(u.code ?? "")), ("reason", .string(u.reason))])) })
        }
        return .object(o)
    }

    public static func population(_ p: PopulationBlocks, split: PopulationSplit) -> JSONValue {
        var o = JSONObject([
            ("blocks", layer(p.blocks)), ("table", .string(p.source)), ("field", .string(p.field)),
            ("method", .string(split.method.rawValue)), ("method_explained", .string(split.method.explanation)),
            ("total", .number(split.total)), ("outside_every_piece", .number(split.outsideEveryPiece)),
            ("outside_a", .number(split.outsideA)),
            ("point_fallbacks", .number(Double(split.pointFallbacks))),
            ("table_codes_matching_no_block", .number(Double(p.unmatchedCodes.count))),
            ("table_codes_matching_no_block_examples", .array(p.unmatchedCodes.prefix(20).map(JSONValue.string))),
            ("blocks_without_population", .number(Double(p.blocksWithoutPopulation.count))),
            ("blocks_without_population_examples", .array(p.blocksWithoutPopulation.prefix(20).map(JSONValue.string))),
        ])
        if let attributes = p.attributes { o["attributes"] = attributes.provenance(split: split.attributes) }
        if !p.gaps.isEmpty { o["gaps"] = gaps(p.gaps) }
        return .object(o)
    }

    public static func overlap(_ r: OverlapResult) -> JSONObject {
        var o = JSONObject([
            ("tool", .string(tool)), ("analysis", .string("overlap")),
            ("crs", .string("EPSG:27700 (areas in square metres)")),
            ("a", layer(r.a)), ("b", layer(r.b)),
            ("min_share", .number(r.options.minShare)),
            ("slivers_dropped", .object(JSONObject([("pairs", .number(Double(r.slivers.count))), ("area_m2", .number(r.slivers.area))]))),
            ("rows", .number(Double(r.rows.count))),
            (
                "candidate_pairs",
                .object(
                    JSONObject([
                        ("settled_from_coordinates", .number(Double(r.settlement.coordinates))),
                        ("settled_by_geos", .number(Double(r.settlement.geos))),
                    ])
                )
            ),
        ])
        if let p = r.options.population, let split = r.split { o["population"] = population(p, split: split) }
        return o
    }
}
