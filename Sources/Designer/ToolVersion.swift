/// The version of the metaqnn tool, written once: `metaqnn --version` prints it, and reports or
/// exported models that name the tool take it from here.
public enum ToolVersion {
    /// The current version string (semantic versioning).
    public static let current = "0.2.0"
}
