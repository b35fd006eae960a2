import Foundation
import PlaceGeometry
import PlaceIO

/// A catchments run ready for the output side: catchments, footprints, polygons and the choices made.
public struct CatchmentReport {
    public let catchments: Catchments
    public let footprint: TrustFootprint
    public let conversion: PopulationConversion?
    public let firstPolygons: [DissolvedArea]
    public let minSharePolygons: [DissolvedArea]?
    public let minShare: Double?
    /// A system counts towards "spans systems" when it provides at least this share of a trust's patients.
    public let spanShare: Double
    public let trustNames: [String: String]
    /// Blocks with people the shares or attributes leave out, gone on with by the user's leave.
    public let gaps: [CoverageGap]

    public init(
        catchments: Catchments, footprint: TrustFootprint, conversion: PopulationConversion?, firstPolygons: [DissolvedArea],
        minSharePolygons: [DissolvedArea]?, minShare: Double?, spanShare: Double, trustNames: [String: String],
        gaps: [CoverageGap] = []
    ) {
        self.catchments = catchments
        self.footprint = footprint
        self.conversion = conversion
        self.firstPolygons = firstPolygons
        self.minSharePolygons = minSharePolygons
        self.minShare = minShare
        self.spanShare = spanShare
        self.trustNames = trustNames
        self.gaps = gaps
    }

    var places: AnalysisLayer { footprint.places }
    var systems: AnalysisLayer { footprint.systems }

    /// The area (m²) of each trust's first-past-the-post polygon, by trust code.
    public var areaOfTrust: [String: Double] {
        var areas: [String: Double] = [:]
        let context = GEOSContext()
        for a in firstPolygons { areas[a.code] = (try? Geometry(a.shape, in: context).area()) ?? 0 }
        return areas
    }

    /// Trusts that draw at least `spanShare` of their patients from two or more systems.
    public var spanningTrusts: [Int] {
        catchments.trusts.indices.filter { footprint.systems(of: $0, minShare: spanShare).count > 1 }
    }

    /// Places whose main trust has its home in another system.
    public var placesServedFromElsewhere: [Int] {
        let main = footprint.mainTrustOfPlace
        return places.codes.indices.filter { p in
            guard let m = main[p], let home = footprint.homeSystem[m.trust], let own = footprint.systemOfPlace[p] else { return false }
            return home != own
        }
    }

}
