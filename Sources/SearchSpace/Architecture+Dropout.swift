extension Architecture {
    /// The net with dropout inserted by the rule of spec §3 (existing dropout is removed first).
    ///
    /// The rule walks the agent's state list (every layer, then the terminal state, which has
    /// the last layer's type): with n = (len − #gap − #fc) div 2 + #fc, `D(k,n)` follows state i
    /// when (i is odd or the state is fc), it is neither terminal nor gap, and k ≤ n.
    public var withDropout: Architecture {
        let base = withoutDropout.layers
        guard let classifier = base.last, case .softmax = classifier else { return withoutDropout }
        let body = Array(base.dropLast())
        // A classifier before the end is an illegal net the agent never writes; it has no dropout rule.
        guard !body.contains(where: { if case .softmax = $0 { true } else { false } }) else { return withoutDropout }
        var types = body.map(Self.stateType)
        types.append(types.last ?? .start)  // the terminal state copies the last layer's type
        let fcCount = types.filter { $0 == .fc }.count
        let gapCount = types.filter { $0 == .gap }.count
        let total = (types.count - gapCount - fcCount) / 2 + fcCount
        var layers: [Layer] = []
        var index = 1
        for (i, layer) in body.enumerated() {
            layers.append(layer)
            let type = types[i]
            if i % 2 == 1 || type == .fc, type != .gap, index <= total {
                layers.append(.dropout(index: index, total: total))
                index += 1
            }
        }
        layers.append(classifier)
        return Architecture(layers: layers)
    }

    private static func stateType(_ layer: Layer) -> LayerType {
        switch layer {
        case .conv: .conv
        case .pool: .pool
        case .fc: .fc
        case .gap: .gap
        case .dropout, .softmax: preconditionFailure("only layer states reach the dropout rule")
        }
    }
}
