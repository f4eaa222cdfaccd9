/// Dropout insertion and removal (spec §3).
extension Architecture {
    /// This net with `D(k,n)` tokens inserted by the reference rule (existing dropout replaced).
    ///
    /// The state list is every layer plus the terminal `SM`, which counts as the type of the
    /// layer before it; with n = (len − #gap − #fc) div 2 + #fc over that list, `D(k,n)` follows
    /// list entry i when i is odd or the entry is fc, it is neither terminal nor gap, and k ≤ n.
    public var withDropout: Architecture {
        let plain = withoutDropout.layers
        let kinds: [LayerType] = plain.enumerated().map { index, layer in
            if case .softmax = layer, index == plain.count - 1 {
                return index == 0 ? .start : Self.kind(of: plain[index - 1])
            }
            return Self.kind(of: layer)
        }
        let fcCount = kinds.filter { $0 == .fc }.count
        let gapCount = kinds.filter { $0 == .gap }.count
        let total = (kinds.count - gapCount - fcCount) / 2 + fcCount
        var result: [Layer] = []
        var next = 1
        for (i, layer) in plain.enumerated() {
            result.append(layer)
            let isTerminal = i == plain.count - 1 && { if case .softmax = layer { true } else { false } }()
            if i % 2 == 1 || kinds[i] == .fc, !isTerminal, kinds[i] != .gap, next <= total {
                result.append(.dropout(index: next, total: total))
                next += 1
            }
        }
        return Architecture(layers: result)
    }

    private static func kind(of layer: Layer) -> LayerType {
        switch layer {
        case .conv: .conv
        case .pool: .pool
        case .fc: .fc
        case .gap: .gap
        case .dropout, .softmax: .start
        }
    }
}
