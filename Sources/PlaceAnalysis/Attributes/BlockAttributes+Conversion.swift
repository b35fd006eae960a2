import PlaceIO

extension BlockAttributes {
    /// The attributes moved to another block geography the way ``PopulationConversion`` moves
    /// population: each source block's stored columns divided equally between its target areas
    /// (extensive columns, so rates and shares stay population-weighted). `sourceCodes` are the codes
    /// these attributes are over, in order; `targetCodes` the new blocks'.
    public func converted(by conversion: PopulationConversion, sourceCodes: [String], to targetCodes: [String]) -> BlockAttributes {
        var position: [String: Int] = [:]
        for (k, c) in targetCodes.enumerated() where position[c] == nil { position[c] = k }
        var moved = [Double](repeating: 0, count: targetCodes.count * width)
        for (k, code) in sourceCodes.enumerated() {
            guard let targets = conversion.targetsOfSource[code], !targets.isEmpty else { continue }
            let part = 1 / Double(targets.count)
            for t in targets {
                guard let i = position[t] else { continue }
                for j in 0..<width { moved[i * width + j] += part * values[k * width + j] }
            }
        }
        let without = targetCodes.indices.filter { i in (0..<width).allSatisfy { moved[i * width + $0] == 0 } }.map { targetCodes[$0] }
        return BlockAttributes(
            source: source, layout: layout, codeColumn: codeColumn, variables: variables, columns: columns, width: width, values: moved,
            blockCount: targetCodes.count, unmatchedCodes: unmatchedCodes, blocksWithoutRow: without, warnings: warnings)
    }
}
