/// A network as a list of layers: the identity of a net is its canonical string (spec §3).
public struct Architecture: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The layers in order, dropout tokens included when present.
    public var layers: [Layer]

    /// An architecture made of `layers`.
    public init(layers: [Layer]) { self.layers = layers }

    /// Reads a net string such as `[C(64,3,1), P(2,2), SM(10)]`; checks syntax and argument
    /// ranges only (legality in a search space is checked against the space).
    public init(parsing text: String) throws(NetStringError) {
        var parser = NetStringParser(text)
        layers = try parser.parse()
    }

    /// The canonical net string: `[` + tokens joined by `", "` + `]`.
    public var description: String {
        "[" + layers.map(\.token).joined(separator: ", ") + "]"
    }

    /// The same net without dropout tokens (what Q-learning sees).
    public var withoutDropout: Architecture {
        Architecture(layers: layers.filter { $0.dropoutRate == nil })
    }
}

/// A hand-written scanner over a net string that tracks 1-based columns for its errors.
struct NetStringParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) { characters = Array(text) }

    private var column: Int { position + 1 }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func peek() -> Character? { position < characters.count ? characters[position] : nil }

    mutating func parse() throws(NetStringError) -> [Layer] {
        skipSpaces()
        if position == characters.count { throw .empty }
        guard peek() == "[" else { throw .missingBrackets }
        position += 1
        var layers: [Layer] = []
        skipSpaces()
        if peek() == "]" { throw .empty }
        while true {
            skipSpaces()
            guard position < characters.count else { throw .missingBrackets }
            layers.append(try parseLayer())
            skipSpaces()
            guard let next = peek() else { throw .missingBrackets }
            if next == "]" {
                position += 1
                skipSpaces()
                guard position == characters.count else { throw .missingBrackets }
                return layers
            }
            guard next == "," else { throw .missingSeparator(column: column) }
            position += 1
        }
    }

    private mutating func parseLayer() throws(NetStringError) -> Layer {
        let start = column
        var name = ""
        while let c = peek(), c.isLetter {
            name.append(c)
            position += 1
        }
        let arity: Int
        switch name.uppercased() == name ? name : "" {
        case "C": arity = 3
        case "P", "D": arity = 2
        case "FC", "GAP", "SM": arity = 1
        default:
            var shown = name
            while let c = peek(), !"(,])".contains(c), !c.isWhitespace {
                shown.append(c)
                position += 1
            }
            throw .unknownToken(shown.isEmpty ? String(peek() ?? " ") : shown, column: start)
        }
        skipSpaces()
        guard peek() == "(" else { throw .unclosedArguments(name, column: start) }
        position += 1
        var arguments: [(text: String, column: Int)] = []
        var current = ""
        var currentColumn = column
        while true {
            guard let c = peek() else { throw .unclosedArguments(name, column: start) }
            position += 1
            if c == ")" || c == "," {
                arguments.append((current.trimmingSpaces, currentColumn))
                current = ""
                currentColumn = column
                if c == ")" { break }
            } else if c == "(" || c == "[" || c == "]" {
                throw .unclosedArguments(name, column: start)
            } else {
                if current.isEmpty, c.isWhitespace { currentColumn = column; continue }
                current.append(c)
            }
        }
        guard arguments.count == arity else {
            throw .wrongArgumentCount(name, expected: arity, found: arguments.count, column: start)
        }
        var values: [Int] = []
        for argument in arguments {
            guard let value = Int(argument.text) else {
                throw .notAnInteger(argument.text, token: name, column: argument.column)
            }
            values.append(value)
        }
        return try Self.makeLayer(name, values, column: start)
    }

    private static func makeLayer(_ name: String, _ v: [Int], column: Int) throws(NetStringError) -> Layer {
        func require(_ ok: Bool, _ argument: String, _ value: Int, _ requirement: String) throws(NetStringError) {
            if !ok {
                throw .outOfRange(token: name, argument: argument, value: value, requirement: requirement, column: column)
            }
        }
        switch name {
        case "C":
            try require(v[0] >= 1, "filters", v[0], "at least 1")
            try require(v[1] >= 1, "kernel", v[1], "at least 1")
            try require(v[2] >= 1, "stride", v[2], "at least 1")
            return .conv(filters: v[0], kernel: v[1], stride: v[2])
        case "P":
            try require(v[0] >= 1, "kernel", v[0], "at least 1")
            try require(v[1] >= 1, "stride", v[1], "at least 1")
            return .pool(kernel: v[0], stride: v[1])
        case "FC":
            try require(v[0] >= 1, "units", v[0], "at least 1")
            return .fc(units: v[0])
        case "GAP":
            try require(v[0] >= 2, "classes", v[0], "at least 2")
            return .gap(classes: v[0])
        case "D":
            try require(v[1] >= 1, "total", v[1], "at least 1")
            try require(v[0] >= 1 && v[0] <= v[1], "index", v[0], "between 1 and the total \(v[1])")
            return .dropout(index: v[0], total: v[1])
        default:
            try require(v[0] >= 2, "classes", v[0], "at least 2")
            return .softmax(classes: v[0])
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
