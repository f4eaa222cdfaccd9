/// Why a net string could not be read; every case says where (1-based character column) and why.
public enum NetStringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The string is empty or holds no layers.
    case empty
    /// The string does not start with `[` or does not end with `]`.
    case missingBrackets
    /// A token at `column` is not one of C, P, FC, GAP, D, SM.
    case unknownToken(String, column: Int)
    /// A token at `column` lacks its parenthesised arguments or their closing `)`.
    case unclosedArguments(String, column: Int)
    /// A token at `column` has the wrong number of arguments.
    case wrongArgumentCount(String, expected: Int, found: Int, column: Int)
    /// An argument at `column` is not an integer.
    case notAnInteger(String, token: String, column: Int)
    /// An argument at `column` is out of its allowed range.
    case outOfRange(token: String, argument: String, value: Int, requirement: String, column: Int)
    /// Two tokens are not separated by a comma at `column`.
    case missingSeparator(column: Int)

    /// One sentence naming the problem and what to do.
    public var description: String {
        switch self {
        case .empty:
            "The net string holds no layers; write one like \"[C(64,3,1), P(2,2), SM(10)]\"."
        case .missingBrackets:
            "The net string must be enclosed in [ and ], like \"[C(64,3,1), SM(10)]\"."
        case let .unknownToken(token, column):
            "Unknown layer \"\(token)\" at column \(column); use C(d,k,s), P(k,s), FC(n), GAP(c), D(i,n) or SM(c)."
        case let .unclosedArguments(token, column):
            "Layer \"\(token)\" at column \(column) is missing its argument list or closing parenthesis; write it like C(64,3,1)."
        case let .wrongArgumentCount(token, expected, found, column):
            "Layer \(token) at column \(column) takes \(expected) argument\(expected == 1 ? "" : "s") but has \(found)."
        case let .notAnInteger(text, token, column):
            "Argument \"\(text)\" of \(token) at column \(column) is not a whole number."
        case let .outOfRange(token, argument, value, requirement, column):
            "Argument \(argument) = \(value) of \(token) at column \(column) is out of range: it must be \(requirement)."
        case let .missingSeparator(column):
            "Expected a comma between layers at column \(column)."
        }
    }
}
