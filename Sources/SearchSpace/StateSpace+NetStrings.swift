extension StateSpace {
    /// The agent's state list for `net` (start, one true state per non-dropout layer, terminal),
    /// after checking that every layer is an action of this space; dropout tokens are ignored.
    public func trajectory(for net: Architecture) throws(ArchitectureError) -> [State] {
        let positioned = net.layers.enumerated().filter { $0.element.dropoutRate == nil }
        guard let last = positioned.last, case .softmax = last.element else {
            throw ArchitectureError(position: 0, token: net.description, rule: .missingClassifier)
        }
        var states = [startState]
        for (offset, layer) in positioned {
            let current = states[states.count - 1]
            let error = { (rule: ArchitectureError.Rule) in
                ArchitectureError(position: offset + 1, token: layer.token, rule: rule)
            }
            if current.terminate { throw error(.afterClassifier) }
            let next = state(after: layer, from: current)
            if let rule = brokenRule(layer, from: current) { throw error(rule) }
            if !next.terminate, next.layerType == .conv || next.layerType == .pool, next.imageSize < 1 {
                throw error(.vanishing(size: current.imageSize))
            }
            // The diagnosis mirrors `actions(from:)`; membership is the authority.
            precondition(actions(from: bucketed(current)).contains(action(from: current, to: next)),
                         "legality diagnosis disagrees with the action list for \(layer.token) after \(current)")
            states.append(next)
        }
        return states
    }

    /// The net (without dropout) a trajectory spells: one layer per transition.
    public func architecture(for trajectory: [State]) -> Architecture {
        var layers: [Layer] = []
        for (state, next) in zip(trajectory, trajectory.dropFirst()) {
            layers.append(layer(for: action(from: state, to: next)))
        }
        return Architecture(layers: layers)
    }

    /// Whether `net` is legal in this space.
    public func isLegal(_ net: Architecture) -> Bool {
        (try? trajectory(for: net)) != nil
    }

    /// The rule `layer` breaks when appended after true state `state`, or nil if it is legal.
    func brokenRule(_ layer: Layer, from state: State) -> ArchitectureError.Rule? {
        let s = settings
        let size = bucket(state.imageSize)
        if case let .softmax(classes) = layer {
            return classes == s.classes ? nil : .classes(expected: s.classes)
        }
        if state.layerType == .gap { return .afterGAP }
        if state.layerDepth >= s.layerLimit { return .layerLimit(s.layerLimit) }
        switch layer {
        case let .conv(filters, kernel, stride):
            if state.layerType == .fc { return .spatialAfterFC }
            if !s.convDepths.contains(filters) { return .convDepth(allowed: s.convDepths) }
            if !s.convSizes.contains(kernel) { return .convSize(allowed: s.convSizes) }
            if stride != 1 { return .convStride }
            if kernel >= size { return .kernelTooLarge(kernel: kernel, bucketedSize: size) }
        case let .pool(kernel, stride):
            if state.layerType == .fc { return .spatialAfterFC }
            if !poolingAllowed(after: state.layerType) { return .poolAfter(state.layerType) }
            if !s.poolOptions.contains(PoolOption(kernel: kernel, stride: stride)) {
                return .poolOption(allowed: s.poolOptions)
            }
            if kernel >= size { return .kernelTooLarge(kernel: kernel, bucketedSize: size) }
        case let .fc(units):
            if !s.fcSizes.contains(units) { return .fcSize(allowed: s.fcSizes) }
            if state.layerType == .fc {
                if state.filterDepth >= s.maxFC - 1 { return .tooManyFC(maximum: s.maxFC) }
                if units > state.fcSize { return .fcGrows(previous: state.fcSize) }
            } else {
                if s.maxFC < 1 { return .tooManyFC(maximum: s.maxFC) }
                if size > s.fcMaxImageSize { return .fcImageTooLarge(bucketedSize: size, maximum: s.fcMaxImageSize) }
            }
        case let .gap(classes):
            if state.layerType == .fc { return .spatialAfterFC }
            if classes != s.classes { return .classes(expected: s.classes) }
        case .softmax, .dropout:
            break
        }
        return nil
    }
}
