import ArgumentParser
import SearchSpace

/// `--schedule "1.0:1500,0.9:100,…"`: replaces the search space's ε schedule (used by `search`).
struct ScheduleOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "ε schedule as epsilon:models pairs, e.g. \"1.0:120,0.5:20,0.1:20\" (default: the preset's).",
            valueName: "schedule"),
        transform: { text in try EpsilonSchedule(parsing: text) })
    var schedule: EpsilonSchedule?

    /// `settings` with the ε schedule replaced when `--schedule` was given.
    func applied(to settings: SearchSpaceSettings) -> SearchSpaceSettings {
        var copy = settings
        if let schedule { copy.epsilonSchedule = schedule }
        return copy
    }
}
