/// The MetaQNN state machine of one search space: bucketing, actions in spec order (§2) and
/// transitions. Pure value; cheap to copy.
///
/// Actions are represented as the bucketed state they lead to, exactly as the reference Q
/// table stores them: conv and pool actions keep the *source* state's bucketed side, fc and
/// gap actions store their own (0 and 1, bucketed to 1), terminate copies the source state.
public struct StateSpace: Hashable, Sendable, Codable {
    /// The settings this machine is built from.
    public let settings: SearchSpaceSettings

    /// The machine for `settings` (call `settings.validate()` first: the rules assume valid settings).
    public init(settings: SearchSpaceSettings) {
        self.settings = settings
    }

    /// The true start state `(start, 0, 1, 0, 0, input_size, 0, 0)`.
    public var startState: State { .start(imageSize: settings.inputSize) }

    /// The bucket of representation side `size`: the largest edge ≤ size, else the smallest edge.
    public func bucket(_ size: Int) -> Int {
        let edges = settings.imageSizeBuckets
        return edges.first(where: { size >= $0 }) ?? edges.last ?? 1
    }

    /// `state` with its image size replaced by its bucket: the key of the Q table.
    public func bucketed(_ state: State) -> State {
        var s = state
        s.imageSize = bucket(state.imageSize)
        return s
    }

    /// The legal actions from a *bucketed* state, in spec order: terminate, conv, gap, pool,
    /// fc, fc → fc. Terminal states have none; gap states and states at the layer limit only
    /// terminate.
    public func actions(from state: State) -> [State] {
        guard !state.terminate else { return [] }
        var actions = [state.terminated]
        guard state.layerType != .gap, state.layerDepth < settings.layerLimit else { return actions }
        let size = state.imageSize
        let depth = state.layerDepth + 1
        switch state.layerType {
        case .start, .conv, .pool:
            for filters in settings.convDepths {
                for kernel in settings.convSizes where kernel < size {
                    actions.append(State(layerType: .conv, layerDepth: depth, filterDepth: filters, filterSize: kernel,
                                         stride: 1, imageSize: size, fcSize: 0, terminate: false))
                }
            }
            actions.append(State(layerType: .gap, layerDepth: depth, filterDepth: 0, filterSize: 0, stride: 0,
                                 imageSize: bucket(1), fcSize: 0, terminate: false))
            if poolingAllowed(after: state.layerType) {
                for option in settings.poolOptions where option.kernel < size {
                    actions.append(State(layerType: .pool, layerDepth: depth, filterDepth: 0, filterSize: option.kernel,
                                         stride: option.stride, imageSize: size, fcSize: 0, terminate: false))
                }
            }
            if settings.maxFC > 0, size <= settings.fcMaxImageSize {
                for units in settings.fcSizes {
                    actions.append(fcAction(depth: depth, count: 0, units: units))
                }
            }
        case .fc:
            if state.filterDepth < settings.maxFC - 1 {
                for units in settings.fcSizes where units <= state.fcSize {
                    actions.append(fcAction(depth: depth, count: state.filterDepth + 1, units: units))
                }
            }
        case .gap:
            break
        }
        return actions
    }

    /// Whether a pooling layer may follow a layer of type `type`.
    func poolingAllowed(after type: LayerType) -> Bool {
        switch type {
        case .conv: true
        case .pool: settings.allowConsecutivePooling
        case .start: settings.allowInitialPooling
        case .fc, .gap: false
        }
    }

    private func fcAction(depth: Int, count: Int, units: Int) -> State {
        State(layerType: .fc, layerDepth: depth, filterDepth: count, filterSize: 0, stride: 0,
              imageSize: bucket(0), fcSize: units, terminate: false)
    }

    /// The true state reached by taking stored `action` from true state `state`: the next side
    /// is computed from the unbucketed side (SAME conv keeps it, pooling shrinks it, fc → 0, gap → 1).
    public func apply(_ action: State, to state: State) -> State {
        if action.terminate { return state.terminated }
        var next = action
        switch action.layerType {
        case .conv: next.imageSize = Self.convolvedSide(state.imageSize, stride: action.stride)
        case .pool: next.imageSize = (state.imageSize - action.filterSize) / action.stride + 1
        case .fc: next.imageSize = 0
        case .gap: next.imageSize = 1
        case .start: preconditionFailure("no action leads back to the start state")
        }
        return next
    }

    /// The stored (bucketed) action that leads from true state `state` to true state `next`.
    public func action(from state: State, to next: State) -> State {
        var action = bucketed(next)
        if !next.terminate, next.layerType == .conv || next.layerType == .pool {
            action.imageSize = bucket(state.imageSize)
        }
        return action
    }

    /// The net-string layer an action appends: terminate becomes the classifier `SM(classes)`.
    public func layer(for action: State) -> Layer {
        if action.terminate { return .softmax(classes: settings.classes) }
        switch action.layerType {
        case .conv: return .conv(filters: action.filterDepth, kernel: action.filterSize, stride: action.stride)
        case .pool: return .pool(kernel: action.filterSize, stride: action.stride)
        case .fc: return .fc(units: action.fcSize)
        case .gap: return .gap(classes: settings.classes)
        case .start: preconditionFailure("the start state is not a layer")
        }
    }

    /// ⌈side / stride⌉, the side after a SAME convolution, without the overflow of `side + stride − 1`
    /// when a net string holds a stride near `Int.max`.
    static func convolvedSide(_ side: Int, stride: Int) -> Int {
        side / stride + (side % stride == 0 ? 0 : 1)
    }

    /// The true state a (non-dropout) layer leads to from true state `state`, whether or not
    /// the layer is legal there (see `trajectory(for:)` for the checked version).
    public func state(after layer: Layer, from state: State) -> State {
        let depth = state.layerDepth + 1
        switch layer {
        case let .conv(filters, kernel, stride):
            return State(layerType: .conv, layerDepth: depth, filterDepth: filters, filterSize: kernel, stride: stride,
                         imageSize: Self.convolvedSide(state.imageSize, stride: stride), fcSize: 0, terminate: false)
        case let .pool(kernel, stride):
            return State(layerType: .pool, layerDepth: depth, filterDepth: 0, filterSize: kernel, stride: stride,
                         imageSize: (state.imageSize - kernel) / stride + 1, fcSize: 0, terminate: false)
        case let .fc(units):
            let count = state.layerType == .fc ? state.filterDepth + 1 : 0
            return State(layerType: .fc, layerDepth: depth, filterDepth: count, filterSize: 0, stride: 0,
                         imageSize: 0, fcSize: units, terminate: false)
        case .gap:
            return State(layerType: .gap, layerDepth: depth, filterDepth: 0, filterSize: 0, stride: 0,
                         imageSize: 1, fcSize: 0, terminate: false)
        case .softmax:
            return state.terminated
        case .dropout:
            return state
        }
    }
}
