extension SearchSpaceSettings {
    /// Every built-in preset, in the order `metaqnn space --help` lists them.
    public static let presets: [SearchSpaceSettings] = [.paperCIFAR10, .paperSVHN, .paperMNIST, .cpuDigits, .cpuFashion]

    /// The names accepted by `--preset`.
    public static var presetNames: [String] { presets.map(\.name) }

    /// The preset called `name`, or an error listing the valid names.
    public static func preset(named name: String) throws(SearchSpaceError) -> SearchSpaceSettings {
        guard let found = presets.first(where: { $0.name == name }) else {
            throw .unknownPreset(name, known: presetNames)
        }
        return found
    }

    /// The paper's CIFAR-10 space (spec §8): 32×32×3, 18 layers.
    public static let paperCIFAR10 = SearchSpaceSettings(
        name: "paper-cifar10", inputSize: 32, inputChannels: 3, layerLimit: 18,
        convDepths: [64, 128, 256, 512], convSizes: [1, 3, 5],
        poolOptions: [PoolOption(kernel: 5, stride: 3), PoolOption(kernel: 3, stride: 2), PoolOption(kernel: 2, stride: 2)],
        fcSizes: [512, 256, 128], maxFC: 2)

    /// The paper's SVHN space (spec §8): as CIFAR-10 with 12 layers.
    public static let paperSVHN: SearchSpaceSettings = {
        var s = paperCIFAR10
        s.name = "paper-svhn"
        s.layerLimit = 12
        return s
    }()

    /// The paper's MNIST space (spec §8): 28×28×1, 12 layers.
    public static let paperMNIST: SearchSpaceSettings = {
        var s = paperCIFAR10
        s.name = "paper-mnist"
        s.inputSize = 28
        s.inputChannels = 1
        s.layerLimit = 12
        return s
    }()

    /// A space for a whole search on the embedded 8×8×1 digits set on two CPU cores.
    ///
    /// Why these numbers: on 8×8 inputs a 5×5 kernel is the largest useful one, and after one
    /// pooling the side is 4 or 3, after two it is 1–2, so 6 layers already hold every shape
    /// worth trying (conv blocks, one or two poolings, up to two fc layers). Depths 8/16/32
    /// keep a net at 0.86 MFLOP per image on average under ε = 1 (median 0.19, max 10; with
    /// 16/32/64 the mean is 3.3 and a model takes ~4 s to train instead of ~1 s), so with the
    /// `cpu-digits` training preset a typical model trains in about a second (measured: 12 nets
    /// sampled at ε = 1 took 44 s in all, 0.0–26 s each, with the machine's load at 8.8). The
    /// schedule (120 models at ε = 1, then 10 each at 0.9 … 0.1: 210 in all) keeps the paper's
    /// share of exploration (56 %) and a whole search within ~15 minutes on 2 cores.
    public static let cpuDigits = SearchSpaceSettings(
        name: "cpu-digits", inputSize: 8, inputChannels: 1, layerLimit: 6,
        convDepths: [8, 16, 32], convSizes: [1, 3, 5],
        poolOptions: [PoolOption(kernel: 2, stride: 2), PoolOption(kernel: 3, stride: 2)],
        fcSizes: [128, 64], maxFC: 2,
        epsilonSchedule: EpsilonSchedule(
            steps: [.init(epsilon: 1.0, models: 120)]
                + [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map { .init(epsilon: $0, models: 10) }))

    /// A moderate space for 28×28×1 Fashion-MNIST on CPU (a search of about 150 models).
    ///
    /// Why these numbers: the paper's pooling choices, kernel sizes and fc rule suit 28×28 as
    /// they do MNIST, but depths 8/16/32 instead of 64…512 and fc 128/64 instead of 512…128 cut
    /// the mean cost of a random net from 2.4 GFLOP to 10 MFLOP per image, and 8 layers (paper:
    /// 12) still allow three conv–pool blocks. With the `cpu-fashion` training preset (12,000
    /// images, 3 epochs) a median net (2.6 MFLOP) trains in ~20 s on 2 cores and the mean one in
    /// about a minute, so the schedule (80 models at ε = 1, then 8 each at 0.9 … 0.1: 152 in
    /// all, 53 % exploring) runs in two to three hours.
    public static let cpuFashion = SearchSpaceSettings(
        name: "cpu-fashion", inputSize: 28, inputChannels: 1, layerLimit: 8,
        convDepths: [8, 16, 32], convSizes: [1, 3, 5],
        poolOptions: [PoolOption(kernel: 5, stride: 3), PoolOption(kernel: 3, stride: 2), PoolOption(kernel: 2, stride: 2)],
        fcSizes: [128, 64], maxFC: 2,
        epsilonSchedule: EpsilonSchedule(
            steps: [.init(epsilon: 1.0, models: 80)]
                + [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map { .init(epsilon: $0, models: 8) }))
}
