import ArgumentParser
import NeuralEngine

/// Net strings (spec §3) to engine layers for `bench`; dropout tokens are dropped because bench measures without it.
enum BenchNetParser {
    /// The layers of `text`, e.g. "[C(32,3,1), P(2,2), FC(128), SM(10)]".
    static func layers(_ text: String) throws -> [LayerSpec] {
        let compact = text.filter { !$0.isWhitespace }
        guard compact.hasPrefix("["), compact.hasSuffix("]"), compact.count > 2 else {
            throw ValidationError("--net '\(text)' is not a net string; write it like \"[C(32,3,1), P(2,2), SM(10)]\".")
        }
        var layers: [LayerSpec] = []
        for piece in compact.dropFirst().dropLast().split(separator: ")") {
            let token = piece.hasPrefix(",") ? piece.dropFirst() : piece
            guard let open = token.firstIndex(of: "(") else {
                throw ValidationError("--net token '\(token)' is not NAME(numbers); use C, P, FC, GAP, D or SM.")
            }
            let numbers = token[token.index(after: open)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { Int($0) }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else {
                throw ValidationError("--net token '\(token))' has a non-integer argument; use whole numbers.")
            }
            let n = numbers.map { $0! }
            switch (token[..<open], n.count) {
            case ("C", 3): layers.append(.convolution(filters: n[0], kernel: n[1], stride: n[2]))
            case ("P", 2): layers.append(.maxPool(kernel: n[0], stride: n[1]))
            case ("FC", 1): layers.append(.fullyConnected(units: n[0]))
            case ("GAP", 1): layers.append(.globalAveragePool(classes: n[0]))
            case ("D", 2): break
            case ("SM", 1): layers.append(.classifier(classes: n[0]))
            default:
                throw ValidationError("--net token '\(token))' is unknown; use C(d,k,s), P(k,s), FC(n), GAP(c), D(i,n) or SM(c).")
            }
        }
        return layers
    }

    /// The string in canonical spacing: no whitespace except one space after each token's comma.
    static func canonical(_ text: String) -> String {
        text.filter { !$0.isWhitespace }.replacingOccurrences(of: "),", with: "), ")
    }
}
