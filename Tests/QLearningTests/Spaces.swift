import SearchSpace

/// Spaces for the learner tests.
enum Spaces {
    /// 8×8 input, limit 2, C(8,3,1), pool (2,2), fc 16 (unreachable); α 0.1 so hand arithmetic shows.
    static let small = SearchSpaceSettings(
        name: "small", inputSize: 8, inputChannels: 1, layerLimit: 2, convDepths: [8], convSizes: [3],
        poolOptions: [PoolOption(kernel: 2, stride: 2)], fcSizes: [16], maxFC: 1, learningRate: 0.1,
        epsilonSchedule: EpsilonSchedule(steps: [.init(epsilon: 1, models: 3), .init(epsilon: 0.5, models: 2)]))
}
