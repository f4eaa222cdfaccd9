import Testing
@testable import SearchSpace

@Suite struct ArchitectureParsingTests {
    @Test func parsesEveryTokenAndPrintsCanonically() throws {
        let net = try Architecture(parsing: " [C(64, 3,1),P(2,2) , FC(128),D(1,2), GAP(10),SM(10)] ")
        #expect(net.layers == [
            .conv(filters: 64, kernel: 3, stride: 1), .pool(kernel: 2, stride: 2), .fc(units: 128),
            .dropout(index: 1, total: 2), .gap(classes: 10), .softmax(classes: 10),
        ])
        #expect(net.description == "[C(64,3,1), P(2,2), FC(128), D(1,2), GAP(10), SM(10)]")
        #expect(try Architecture(parsing: net.description) == net)
        #expect(net.withoutDropout.layers.count == 5)
        #expect(Layer.dropout(index: 3, total: 5).dropoutRate == 0.3)
    }

    @Test(arguments: [
        ("[C(64,3", NetStringError.unclosedArguments("C", column: 2)),
        ("[P(0,1), SM(10)]", .outOfRange(token: "P", argument: "kernel", value: 0, requirement: "at least 1", column: 2)),
        ("[X(1), SM(10)]", .unknownToken("X", column: 2)),
        ("[Conv(1), SM(10)]", .unknownToken("Conv", column: 2)),
        ("[C(64,3), SM(10)]", .wrongArgumentCount("C", expected: 3, found: 2, column: 2)),
        ("[C(64,a,1)]", .notAnInteger("a", token: "C", column: 7)),
        ("[C(64,3,1) SM(10)]", .missingSeparator(column: 12)),
        ("C(64,3,1)", .missingBrackets),
        ("[]", .empty),
        ("   ", .empty),
        ("[D(3,2), SM(10)]", .outOfRange(token: "D", argument: "index", value: 3, requirement: "between 1 and the total 2", column: 2)),
    ])
    func malformedStringsSayWhereAndWhy(text: String, expected: NetStringError) {
        #expect(throws: expected) { try Architecture(parsing: text) }
        #expect(!expected.description.isEmpty)
    }

    @Test func splitMixIsSeededAndReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        // Reference value of SplitMix64 seeded with 0 (first output, from the published algorithm).
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}
