extension SearchSpaceSettings {
    /// Human-readable lines describing the space (and its counts, when given), for the CLI.
    public func summaryLines(counts: SpaceCounts? = nil) -> [String] {
        func list(_ values: [some CustomStringConvertible]) -> String {
            values.isEmpty ? "none" : values.map(\.description).joined(separator: ",")
        }
        var lines: [String] = []
        if let counts {
            lines.append("states by depth: " + counts.statesByDepth.map(String.init).joined(separator: " "))
        }
        lines += [
            "space: \(name)",
            "input: \(inputSize)x\(inputSize)x\(inputChannels), classes: \(classes)",
            "layer limit: \(layerLimit)",
            "conv depths: \(list(convDepths)); conv sizes: \(list(convSizes)); stride 1, SAME",
            "pool (k,s): \(list(poolOptions)); initial pooling: \(allowInitialPooling ? "yes" : "no"); "
                + "consecutive pooling: \(allowConsecutivePooling ? "yes" : "no")",
            "fc sizes: \(list(fcSizes)); max fc: \(maxFC); fc when bucketed size <= \(fcMaxImageSize)",
            "image-size buckets: \(list(imageSizeBuckets))",
            "Q-learning: init utility \(initUtility), alpha \(learningRate), gamma \(discount), replay \(replayNumber)",
            "epsilon schedule: \(epsilonSchedule) (\(epsilonSchedule.totalModels) models)",
        ]
        return lines
    }
}
