extension String {
    /// The text without one trailing `suffix`, to embed a sentence inside another.
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
