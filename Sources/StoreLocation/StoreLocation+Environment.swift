/// Which store a command uses when `--store` is not given.
extension StoreLocation {
    /// The environment variable that names the store for every command run without `--store`.
    public static let environmentVariable = "METAQNN_STORE"

    /// The value naming a command's store: its `--store` value (`option`) when given, else
    /// `METAQNN_STORE` from `environment`; nil when neither is, for the command's own default.
    ///
    /// An empty `METAQNN_STORE` counts as unset, so `METAQNN_STORE= metaqnn …` runs with the
    /// default; an empty `--store` is kept, for `init(parsing:environment:)` to refuse.
    public static func value(option: String?, environment: [String: String]) -> String? {
        option ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
}
