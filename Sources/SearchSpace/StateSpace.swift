/// The MetaQNN state machine for one set of settings: start state, bucketing, the ordered
/// actions of a state (spec §2) and the transitions they cause.
///
/// Actions are represented as the reference code does: as (bucketed) states. A conv or pool
/// action keeps the *source* state's bucketed R; applying it computes the true next R.
public struct StateSpace: Hashable, Sendable, Codable {
    /// The settings this space is built from.
    public let settings: SearchSpaceSettings

    /// The space of `settings` (which the caller has validated).
    public init(settings: SearchSpaceSettings) { self.settings = settings }

    /// `(start, 0, 1, 0, 0, R, 0, 0)` for the settings' input size.
    public var startState: LayerState { .start(inputSize: settings.inputSize) }

    /// The state with its image size replaced by its bucket: the Q-table key (spec §1).
    public func bucketed(_ state: LayerState) -> LayerState {
        var key = state
        key.imageSize = settings.bucket(imageSize: state.imageSize)
        return key
    }

    /// The actions of a state in spec order; depends only on the bucketed state.
    public func actions(from state: LayerState) -> [LayerState] {
        let s = bucketed(state)
        guard !s.terminate else { return [] }
        var actions = [s.terminated]
        guard s.layerDepth < settings.layerLimit, s.layerType != .gap else { return actions }
        let r = s.imageSize
        let depth = s.layerDepth + 1
        let afterFeatureMap = s.layerType == .start || s.layerType == .conv || s.layerType == .pool
        if afterFeatureMap {
            for filters in settings.convDepths {
                for kernel in settings.convSizes where kernel < r {
                    actions.append(LayerState(layerType: .conv, layerDepth: depth, filterDepth: filters,
                                              filterSize: kernel, stride: 1, imageSize: r, fcSize: 0, terminate: false))
                }
            }
            actions.append(LayerState(layerType: .gap, layerDepth: depth, filterDepth: 0, filterSize: 0,
                                      stride: 0, imageSize: 1, fcSize: 0, terminate: false))
        }
        if poolAllowed(after: s.layerType) {
            for option in settings.poolOptions where option.kernel < r {
                actions.append(LayerState(layerType: .pool, layerDepth: depth, filterDepth: 0, filterSize: option.kernel,
                                          stride: option.stride, imageSize: r, fcSize: 0, terminate: false))
            }
        }
        if afterFeatureMap, r <= settings.fcMaxImageSize {
            for units in settings.fcSizes {
                actions.append(fcAction(depth: depth, fcCount: 0, units: units))
            }
        }
        if s.layerType == .fc, s.filterDepth < settings.maxFC - 1 {
            for units in settings.fcSizes where units <= s.fcSize {
                actions.append(fcAction(depth: depth, fcCount: s.filterDepth + 1, units: units))
            }
        }
        return actions
    }

    /// Whether a pool layer may follow a layer of type `type` in this space.
    func poolAllowed(after type: LayerType) -> Bool {
        switch type {
        case .conv: true
        case .pool: settings.allowConsecutivePooling
        case .start: settings.allowInitialPooling
        case .fc, .gap: false
        }
    }

    private func fcAction(depth: Int, fcCount: Int, units: Int) -> LayerState {
        // Stored bucketed: fc's image size 0 falls in the lowest bucket, 1.
        LayerState(layerType: .fc, layerDepth: depth, filterDepth: fcCount, filterSize: 0, stride: 0,
                   imageSize: settings.bucket(imageSize: 0), fcSize: units, terminate: false)
    }

    /// The true state reached from the true state `state` by `action` (one of its actions).
    public func apply(_ action: LayerState, to state: LayerState) -> LayerState {
        var next = action
        if action.terminate {
            next = state.terminated
        } else {
            switch action.layerType {
            case .conv: next.imageSize = state.imageSize
            case .pool: next.imageSize = Self.pooledSize(state.imageSize, kernel: action.filterSize, stride: action.stride)
            case .fc: next.imageSize = 0
            case .gap: next.imageSize = 1
            case .start: preconditionFailure("start is not an action")
            }
        }
        return next
    }

    /// The stored action that leads from `state` to `next` (the reference `transition_to_action`).
    public func action(from state: LayerState, to next: LayerState) -> LayerState {
        var action = bucketed(next)
        if !next.terminate, next.layerType == .conv || next.layerType == .pool {
            action.imageSize = settings.bucket(imageSize: state.imageSize)
        }
        return action
    }

    /// Side after a k×k max pool with stride s and no padding: floor((R − k)/s) + 1.
    public static func pooledSize(_ r: Int, kernel: Int, stride: Int) -> Int {
        r < kernel ? 0 : (r - kernel) / stride + 1
    }
}
