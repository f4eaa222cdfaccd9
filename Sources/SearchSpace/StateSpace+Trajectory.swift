/// Net string ↔ state list (spec §3), with the legality check of a net in this space.
extension StateSpace {
    /// The true state list of `net` (start, one state per layer, terminal), dropout ignored;
    /// throws which layer breaks which rule if `net` is not a path of this space.
    public func trajectory(for net: Architecture) throws(IllegalNetError) -> [LayerState] {
        var states = [startState]
        var state = startState
        let positions = net.layers.indices.filter { net.layers[$0].dropoutRate == nil }
        for (order, index) in positions.enumerated() {
            let layer = net.layers[index]
            func fail(_ rule: NetRule) -> IllegalNetError {
                IllegalNetError(position: index + 1, token: layer.token, rule: rule, space: settings.name)
            }
            if case let .softmax(classes) = layer {
                guard order == positions.count - 1 else { throw fail(.classifierNotLast) }
                guard classes == settings.classes else { throw fail(.wrongClasses(found: classes, expected: settings.classes)) }
                states.append(state.terminated)
                return states
            }
            if case let .gap(classes) = layer, classes != settings.classes {
                throw fail(.wrongClasses(found: classes, expected: settings.classes))
            }
            let next = Self.nextState(after: state, layer: layer)
            guard actions(from: state).contains(action(from: state, to: next)) else {
                throw fail(diagnose(layer, after: state))
            }
            states.append(next)
            state = next
        }
        throw IllegalNetError(position: net.layers.count + 1, token: "", rule: .missingClassifier, space: settings.name)
    }

    /// The net (no dropout) a state list describes: one token per layer state, `SM` for the terminal.
    public func architecture(for states: [LayerState]) -> Architecture {
        Architecture(layers: states.compactMap { state -> Layer? in
            if state.terminate { return .softmax(classes: settings.classes) }
            switch state.layerType {
            case .start: return nil
            case .conv: return .conv(filters: state.filterDepth, kernel: state.filterSize, stride: state.stride)
            case .pool: return .pool(kernel: state.filterSize, stride: state.stride)
            case .fc: return .fc(units: state.fcSize)
            case .gap: return .gap(classes: settings.classes)
            }
        })
    }

    /// The state a layer leads to from `state`, as parsing a net string computes it (spec §3).
    static func nextState(after state: LayerState, layer: Layer) -> LayerState {
        let depth = state.layerDepth + 1
        switch layer {
        case let .conv(filters, kernel, stride):
            // SAME padding: the side shrinks only by the stride.
            let size = (state.imageSize + stride - 1) / stride
            return LayerState(layerType: .conv, layerDepth: depth, filterDepth: filters, filterSize: kernel,
                              stride: stride, imageSize: size, fcSize: 0, terminate: false)
        case let .pool(kernel, stride):
            return LayerState(layerType: .pool, layerDepth: depth, filterDepth: 0, filterSize: kernel, stride: stride,
                              imageSize: pooledSize(state.imageSize, kernel: kernel, stride: stride), fcSize: 0, terminate: false)
        case let .fc(units):
            let count = state.layerType == .fc ? state.filterDepth + 1 : 0
            return LayerState(layerType: .fc, layerDepth: depth, filterDepth: count, filterSize: 0, stride: 0,
                              imageSize: 0, fcSize: units, terminate: false)
        case .gap:
            return LayerState(layerType: .gap, layerDepth: depth, filterDepth: 0, filterSize: 0, stride: 0,
                              imageSize: 1, fcSize: 0, terminate: false)
        case .dropout, .softmax:
            preconditionFailure("dropout and softmax are not layer states")
        }
    }

    /// Names the first rule that keeps `layer` from following the true state `state`.
    private func diagnose(_ layer: Layer, after state: LayerState) -> NetRule {
        let s = settings
        let bucket = s.bucket(imageSize: state.imageSize)
        if state.layerType == .gap { return .layerAfterGAP }
        if state.layerDepth >= s.layerLimit { return .layerLimit(s.layerLimit) }
        switch layer {
        case let .conv(filters, kernel, stride):
            if state.layerType == .fc { return .layerAfterFC }
            if !s.convDepths.contains(filters) { return .convDepth(filters, allowed: s.convDepths) }
            if !s.convSizes.contains(kernel) { return .convSize(kernel, allowed: s.convSizes) }
            if stride != 1 { return .convStride(stride) }
            if kernel >= bucket { return .kernelNotSmallerThanImage(kernel: kernel, bucketedSize: bucket, trueSize: state.imageSize) }
        case let .pool(kernel, stride):
            if state.layerType == .fc { return .layerAfterFC }
            if state.layerType == .start, !s.allowInitialPooling { return .initialPooling }
            if state.layerType == .pool, !s.allowConsecutivePooling { return .consecutivePooling }
            let option = PoolOption(kernel: kernel, stride: stride)
            if !s.poolOptions.contains(option) { return .poolOption(option, allowed: s.poolOptions) }
            if kernel >= bucket { return .kernelNotSmallerThanImage(kernel: kernel, bucketedSize: bucket, trueSize: state.imageSize) }
        case let .fc(units):
            if !s.fcSizes.contains(units) { return .fcSize(units, allowed: s.fcSizes) }
            if state.layerType == .fc {
                if state.filterDepth >= s.maxFC - 1 { return .tooManyFC(max: s.maxFC) }
                if units > state.fcSize { return .fcWiderThanPrevious(units, previous: state.fcSize) }
            } else if bucket > s.fcMaxImageSize {
                return .fcImageTooLarge(bucketedSize: bucket, limit: s.fcMaxImageSize)
            }
        case .gap:
            if state.layerType == .fc { return .layerAfterFC }
        case .dropout, .softmax:
            break
        }
        return .notAnAction
    }
}
