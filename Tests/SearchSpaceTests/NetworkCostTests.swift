import Testing
@testable import SearchSpace

@Suite struct NetworkCostTests {
    @Test func costWorkedByHand() throws {
        // 8×8×1 input.
        // C(4,3,1): 4·(9·1) + 4 = 40 params; 2·4·9·1·64 = 4608 FLOPs; map 8×8×4.
        // P(2,2): 8 → 4; no cost.            D: no cost.
        // C(6,1,2): 6·(1·4) + 6 = 30 params; side ⌈4/2⌉ = 2; 2·6·4·4 = 192 FLOPs; map 2×2×6.
        // FC(5): inputs 24: 5·24 + 5 = 125 params; 240 FLOPs.
        // SM(10): 10·5 + 10 = 60 params; 100 FLOPs.
        let net = try Architecture(parsing: "[C(4,3,1), P(2,2), D(1,2), C(6,1,2), FC(5), SM(10)]")
        let cost = try NetworkCost(of: net, inputSize: 8, inputChannels: 1)
        #expect(cost.parameters == 40 + 30 + 125 + 60)
        #expect(cost.forwardFLOPs == 4608 + 192 + 240 + 100)
    }

    @Test func gapIsAOneByOneConvThenFeatures() throws {
        // 5×5×3 input. C(2,1,1): 2·3 + 2 = 8 params, 2·2·3·25 = 300 FLOPs.
        // GAP(10): 10·2 + 10 = 30 params, 2·10·2·25 = 1000 FLOPs, then 10 features.
        // SM(10): 10·10 + 10 = 110 params, 200 FLOPs.
        let net = try Architecture(parsing: "[C(2,1,1), GAP(10), SM(10)]")
        let cost = try NetworkCost(of: net, inputSize: 5, inputChannels: 3)
        #expect(cost.parameters == 8 + 30 + 110)
        #expect(cost.forwardFLOPs == 300 + 1000 + 200)
    }

    @Test func poolLargerThanMapThrows() throws {
        let net = try Architecture(parsing: "[P(5,3), P(5,3), SM(10)]")
        #expect(throws: ArchitectureError(position: 2, token: "P(5,3)", rule: .vanishing(size: 2))) {
            try NetworkCost(of: net, inputSize: 8, inputChannels: 1)
        }
    }

    @Test(arguments: ["[C(9223372036854775807,3,1), SM(10)]", "[C(64,3037000500,1), SM(10)]",
                      "[FC(4611686018427387904), SM(10)]", "[C(2000000000,3,1), C(2000000000,3,1), SM(10)]"])
    func countsPastIntMaxAreReportedNotTrapped(net: String) throws {
        let check = try NetCheck(net, settings: .paperCIFAR10)
        #expect(check.cost == nil)
        #expect(check.costProblem?.rule == .tooLarge)
        #expect(check.lines.contains { $0.contains("larger than a 64-bit integer holds") })
    }

    @Test func aHugeStrideShrinksTheMapToOnePixel() throws {
        let cost = try NetworkCost(of: Architecture(parsing: "[C(8,3,9223372036854775807), SM(10)]"), inputSize: 32, inputChannels: 3)
        #expect(cost.parameters == 8 * 27 + 8 + 10 * 8 + 10)
    }

    @Test func checkReportsLegalityAndCost() throws {
        let legal = try NetCheck("[C(64,3,1), P(2,2), SM(10)]", settings: .paperCIFAR10)
        #expect(legal.isLegal)
        // C: 64·27 + 64 = 1792 params; P: 32 → 16; SM: 10·(16·16·64) + 10 = 163850.
        #expect(legal.cost?.parameters == 1792 + 163_850)
        #expect(legal.cost?.forwardFLOPs == 2 * 64 * 27 * 1024 + 2 * 10 * 16_384)
        // Input 32·32·3, conv 32·32·64, pool 16·16·64, classifier 10.
        #expect(legal.cost?.activations == 3072 + 65_536 + 16_384 + 10)
        #expect(legal.lines.first == "legal: yes (paper-cifar10)")
        let illegal = try NetCheck("[C(64,3,1),P(2,2),P(2,2),SM(10)]", settings: .paperCIFAR10)
        #expect(!illegal.isLegal)
        #expect(illegal.lines[0].contains("Layer 3, P(2,2)"))
        #expect(illegal.lines[1] == "canonical: [C(64,3,1), P(2,2), P(2,2), SM(10)]")
        #expect(throws: NetStringError.self) { try NetCheck("[C(64,3", settings: .paperCIFAR10) }
    }
}
