/// A database password that never shows itself: printing, interpolating, `dump` or a debugger's
/// summary of it (or of anything holding it) give `***`. Only `revealed` gives the text, for the one
/// place that sends it to the server.
public struct Password: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The password's text; read it only to authenticate.
    public let revealed: String

    /// Wraps `text`.
    public init(_ text: String) {
        revealed = text
    }

    /// `***`.
    public var description: String { "***" }

    /// `***`.
    public var debugDescription: String { "***" }

    /// A mirror without children, so reflection shows `***` too.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: nil) }
}
