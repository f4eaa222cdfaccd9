extension SearchSpaceSettings {
    private static let paperPools = [
        PoolOption(kernel: 5, stride: 3), PoolOption(kernel: 3, stride: 2), PoolOption(kernel: 2, stride: 2),
    ]

    /// Paper preset for CIFAR-10: 32×32×3, layer limit 18 (spec §8).
    public static let paperCIFAR10 = SearchSpaceSettings(
        name: "paper-cifar10", inputSize: 32, inputChannels: 3, layerLimit: 18,
        convDepths: [64, 128, 256, 512], convSizes: [1, 3, 5], poolOptions: paperPools,
        fcSizes: [512, 256, 128], maxFC: 2)

    /// Paper preset for SVHN: 32×32×3, layer limit 12 (spec §8).
    public static let paperSVHN = paperCIFAR10.renamed("paper-svhn", layerLimit: 12)

    /// Paper preset for MNIST: 28×28×1, layer limit 12 (spec §8).
    public static let paperMNIST = SearchSpaceSettings(
        name: "paper-mnist", inputSize: 28, inputChannels: 1, layerLimit: 12,
        convDepths: [64, 128, 256, 512], convSizes: [1, 3, 5], poolOptions: paperPools,
        fcSizes: [512, 256, 128], maxFC: 2)

    /// CPU preset for the embedded 8×8×1 digits: a whole search (200 unique nets) fits in minutes.
    ///
    /// Six layers suffice on 8×8 inputs (two pools already bring R to 1 or 2); 16–64 filters and
    /// fc 128/64 keep every net under ~0.3 M parameters so one trains in seconds on 2 cores; the
    /// pools (2,2) and (3,2) are the paper's that fit an 8-pixel side. The schedule keeps the
    /// paper's shape (55 % of models at ε = 1, then nine steps down to 0.1) at 200 models.
    public static let cpuDigits = SearchSpaceSettings(
        name: "cpu-digits", inputSize: 8, inputChannels: 1, layerLimit: 6,
        convDepths: [16, 32, 64], convSizes: [1, 3, 5],
        poolOptions: [PoolOption(kernel: 2, stride: 2), PoolOption(kernel: 3, stride: 2)],
        fcSizes: [128, 64], maxFC: 2, replayNumber: 128,
        epsilonSchedule: EpsilonSchedule(uncheckedPairs: [
            (1.0, 110), (0.9, 10), (0.8, 10), (0.7, 10), (0.6, 10), (0.5, 10), (0.4, 10), (0.3, 10), (0.2, 10), (0.1, 10),
        ]))

    /// CPU preset for 28×28×1 Fashion-MNIST: the paper's MNIST space scaled down (8 layers,
    /// 16–64 filters, fc 256/128) and a 400-model schedule of the paper's shape, an overnight run.
    public static let cpuFashion = SearchSpaceSettings(
        name: "cpu-fashion", inputSize: 28, inputChannels: 1, layerLimit: 8,
        convDepths: [16, 32, 64], convSizes: [1, 3, 5], poolOptions: paperPools,
        fcSizes: [256, 128], maxFC: 2, replayNumber: 128,
        epsilonSchedule: EpsilonSchedule(uncheckedPairs: [
            (1.0, 220), (0.9, 20), (0.8, 20), (0.7, 20), (0.6, 20), (0.5, 20), (0.4, 20), (0.3, 20), (0.2, 20), (0.1, 20),
        ]))

    /// Every preset by its command-line name, in the order help texts list them.
    public static let presets: [(name: String, settings: SearchSpaceSettings)] = [
        ("cpu-digits", cpuDigits), ("cpu-fashion", cpuFashion),
        ("paper-cifar10", paperCIFAR10), ("paper-svhn", paperSVHN), ("paper-mnist", paperMNIST),
    ]

    /// The preset names accepted by `--preset`.
    public static var presetNames: [String] { presets.map(\.name) }

    /// The preset called `name` (e.g. `paper-cifar10`).
    public static func preset(named name: String) throws(SearchSpaceSettingsError) -> SearchSpaceSettings {
        guard let found = presets.first(where: { $0.name == name.lowercased() }) else { throw .unknownPreset(name) }
        return found.settings
    }

    private func renamed(_ name: String, layerLimit: Int) -> SearchSpaceSettings {
        var copy = self
        copy.name = name
        copy.layerLimit = layerLimit
        return copy
    }
}
