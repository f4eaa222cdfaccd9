import Foundation

/// Why stored JSON did not decode, as one clause to embed in a sentence: the path and the
/// decoder's own reason (e.g. a stored ε schedule whose counts overflow) rather than the
/// Foundation dump or "The data isn't in the correct format".
func decodingReason(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)".trimmingSuffix(".") }
    func path(_ context: DecodingError.Context) -> String { context.codingPath.map(\.stringValue).joined(separator: ".") }
    switch error {
    case let .dataCorrupted(context):
        let where_ = path(context)
        return (where_.isEmpty ? "" : where_ + ": ") + context.debugDescription.trimmingSuffix(".")
    case let .keyNotFound(key, _):
        return "missing key \"\(key.stringValue)\""
    case let .typeMismatch(_, context), let .valueNotFound(_, context):
        return "wrong type at \"\(path(context))\""
    @unknown default:
        return "\(error)".trimmingSuffix(".")
    }
}
