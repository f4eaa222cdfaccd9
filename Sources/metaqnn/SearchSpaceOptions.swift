import ArgumentParser
import Foundation
import SearchSpace

/// The options that pick a search space; shared by `space`, `check`, `search` and `import`.
struct SearchSpaceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Built-in search space: \(SearchSpaceSettings.presetNames.joined(separator: ", ")) (default: cpu-digits).",
        valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp("JSON file defining a custom search space (instead of --preset).", valueName: "file"))
    var space: String?

    @Option(help: ArgumentHelp("Override the input image side.", valueName: "n"))
    var inputSize: Int?

    @Option(help: ArgumentHelp("Override the maximum number of layers before the classifier.", valueName: "n"))
    var layerLimit: Int?

    func validate() throws {
        if preset != nil, space != nil {
            throw ValidationError("Give either --preset or --space, not both.")
        }
    }

    /// The chosen settings with overrides applied, validated; `defaultPreset` when neither
    /// `--preset` nor `--space` is given.
    func settings(defaultPreset: String = SearchSpaceSettings.cpuDigits.name) throws -> SearchSpaceSettings {
        let base: SearchSpaceSettings
        if let space {
            base = try SearchSpaceSettings.load(from: URL(fileURLWithPath: space))
        } else {
            base = try SearchSpaceSettings.preset(named: preset ?? defaultPreset)
        }
        let settings = base.overriding(inputSize: inputSize, layerLimit: layerLimit)
        try settings.validate()
        return settings
    }
}
