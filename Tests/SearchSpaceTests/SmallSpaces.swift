@testable import SearchSpace

/// Tiny spaces whose counts are worked out by hand in the tests.
enum SmallSpaces {
    /// 8×8 input, limit 2, conv C(8,3,1) only, pool (2,2), fc 16 (never reachable: R stays 8).
    static let a = SearchSpaceSettings(
        name: "small-a", inputSize: 8, inputChannels: 1, layerLimit: 2, convDepths: [8], convSizes: [3],
        poolOptions: [PoolOption(kernel: 2, stride: 2)], fcSizes: [16], maxFC: 1,
        epsilonSchedule: EpsilonSchedule(steps: [.init(epsilon: 1, models: 3)]))

    /// 4×4 input, limit 3, conv C(4,1,1), no pooling, fc 8 and 4, at most 2 fc layers.
    static let b = SearchSpaceSettings(
        name: "small-b", inputSize: 4, inputChannels: 1, layerLimit: 3, convDepths: [4], convSizes: [1],
        poolOptions: [], fcSizes: [8, 4], maxFC: 2)

    /// 18×18 input where two true sides (9 and 8) share bucket 8 but pool to different buckets.
    static let c = SearchSpaceSettings(
        name: "small-c", inputSize: 18, inputChannels: 1, layerLimit: 3, convDepths: [2], convSizes: [1],
        poolOptions: [PoolOption(kernel: 2, stride: 2), PoolOption(kernel: 3, stride: 2)], fcSizes: [], maxFC: 0,
        allowInitialPooling: true)

    /// A medium space for brute-force cross-checks (a few thousand nets).
    static let medium = SearchSpaceSettings(
        name: "medium", inputSize: 12, inputChannels: 2, layerLimit: 4, convDepths: [4, 8], convSizes: [1, 3, 5],
        poolOptions: [PoolOption(kernel: 2, stride: 2), PoolOption(kernel: 3, stride: 3)], fcSizes: [32, 16],
        maxFC: 2, allowConsecutivePooling: true)

    /// Every non-classifier token a space could conceivably use, legal or not, for brute force.
    static func candidateLayers(_ s: SearchSpaceSettings) -> [Layer] {
        var layers: [Layer] = []
        for d in s.convDepths { for k in s.convSizes { layers.append(.conv(filters: d, kernel: k, stride: 1)) } }
        for p in s.poolOptions { layers.append(.pool(kernel: p.kernel, stride: p.stride)) }
        for n in s.fcSizes { layers.append(.fc(units: n)) }
        layers.append(.gap(classes: s.classes))
        return layers
    }

    /// Number of legal nets found by extending legal prefixes token by token (independent of
    /// the action enumeration: legality comes from the rule-by-rule diagnosis).
    static func bruteForceArchitectureCount(_ s: SearchSpaceSettings) -> Int {
        let space = StateSpace(settings: s)
        let candidates = candidateLayers(s)
        var count = 0
        func extend(_ prefix: [Layer], from state: State) {
            count += 1  // prefix + SM is always legal once the prefix is
            for layer in candidates where space.brokenRule(layer, from: state) == nil {
                extend(prefix + [layer], from: space.state(after: layer, from: state))
            }
        }
        extend([], from: space.startState)
        return count
    }
}
