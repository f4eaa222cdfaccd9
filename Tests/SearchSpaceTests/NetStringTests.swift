import PropertyBased
import Testing
@testable import SearchSpace

@Suite struct NetStringTests {
    @Test func dropoutRuleReproducesTheSpecExample() throws {
        let net = try Architecture(parsing: "[C(512,5,1), P(5,3), C(512,5,1), P(3,2), C(256,3,1), P(3,2), FC(128), SM(10)]")
        #expect(net.withDropout.description == "[C(512,5,1), P(5,3), D(1,5), C(512,5,1), P(3,2), D(2,5), "
            + "C(256,3,1), P(3,2), D(3,5), FC(128), D(4,5), SM(10)]")
        #expect(net.withDropout.withoutDropout == net)
    }

    @Test func dropoutRuleEdgeCases() throws {
        // [SM]: one start-typed terminal state, n = 1 div 2 + 0 = 0 → nothing inserted.
        #expect(try Architecture(parsing: "[SM(10)]").withDropout.description == "[SM(10)]")
        // [C, GAP, SM]: states conv, gap, gap-terminal; n = (3 − 2) div 2 = 0 → nothing.
        #expect(try Architecture(parsing: "[C(64,3,1), GAP(10), SM(10)]").withDropout.description
            == "[C(64,3,1), GAP(10), SM(10)]")
        // [C, C, FC, FC, SM]: states c, c, fc, fc, fc-terminal; n = (5 − 3) div 2 + 3 = 4;
        // i=1 odd → D(1,4); i=2 fc → D(2,4); i=3 fc → D(3,4); terminal never.
        #expect(try Architecture(parsing: "[C(64,3,1), C(64,3,1), FC(256), FC(128), SM(10)]").withDropout.description
            == "[C(64,3,1), C(64,3,1), D(1,4), FC(256), D(2,4), FC(128), D(3,4), SM(10)]")
        // [C, P, GAP, SM]: c, p, gap, gap-terminal; n = (4 − 2) div 2 = 1; i=1 → D(1,1); i=2 gap → no.
        #expect(try Architecture(parsing: "[C(64,3,1), P(2,2), GAP(10), SM(10)]").withDropout.description
            == "[C(64,3,1), P(2,2), D(1,1), GAP(10), SM(10)]")
        // Existing dropout is replaced, not doubled.
        #expect(try Architecture(parsing: "[C(64,3,1), D(1,9), P(2,2), SM(10)]").withDropout.description
            == "[C(64,3,1), P(2,2), D(1,1), SM(10)]")
    }

    @Test func stringToStatesAndBack() throws {
        let space = StateSpace(settings: .paperCIFAR10)
        let net = try Architecture(parsing: "[C(64,3,1), P(5,3), D(1,5), C(128,3,1), P(3,2), D(2,5), FC(512), D(3,5), FC(256), D(4,5), SM(10)]")
        let states = try space.trajectory(for: net)
        #expect(states.map(\.description) == [
            "(start, 0, 1, 0, 0, 32, 0, 0)",
            "(conv, 1, 64, 3, 1, 32, 0, 0)",
            "(pool, 2, 0, 5, 3, 10, 0, 0)",   // floor((32 − 5) / 3) + 1 = 10
            "(conv, 3, 128, 3, 1, 10, 0, 0)",
            "(pool, 4, 0, 3, 2, 4, 0, 0)",    // floor((10 − 3) / 2) + 1 = 4, so fc may follow
            "(fc, 5, 0, 0, 0, 0, 512, 0)",
            "(fc, 6, 1, 0, 0, 0, 256, 0)",    // one fc before it
            "(fc, 7, 1, 0, 0, 0, 256, 1)",    // terminal copies the last state, one deeper
        ])
        #expect(space.architecture(for: states) == net.withoutDropout)
        #expect(space.architecture(for: states).withDropout == net)
    }

    @Test(arguments: [
        ("[C(64,3,1), P(2,2)]", 0, ArchitectureError.Rule.missingClassifier),
        ("[SM(10), C(64,3,1), SM(10)]", 2, .afterClassifier),
        ("[C(64,3,1), P(2,2), P(2,2), SM(10)]", 3, .poolAfter(.pool)),
        ("[P(2,2), SM(10)]", 1, .poolAfter(.start)),
        ("[C(32,3,1), SM(10)]", 1, .convDepth(allowed: [64, 128, 256, 512])),
        ("[C(64,7,1), SM(10)]", 1, .convSize(allowed: [1, 3, 5])),
        ("[C(64,3,2), SM(10)]", 1, .convStride),
        ("[C(64,3,1), P(4,4), SM(10)]", 2, .poolOption(allowed: [PoolOption(kernel: 5, stride: 3), PoolOption(kernel: 3, stride: 2), PoolOption(kernel: 2, stride: 2)])),
        ("[FC(512), SM(10)]", 1, .fcImageTooLarge(bucketedSize: 8, maximum: 4)),
        ("[C(64,3,1), P(5,3), P(5,3), SM(10)]", 3, .poolAfter(.pool)),
        // 32 → P(5,3) → 10 (bucket 8) → C → P(3,2) → 4 (bucket 4): C(64,5,1) needs 5 < 4.
        ("[C(64,3,1), P(5,3), C(64,3,1), P(3,2), C(64,5,1), SM(10)]", 5, .kernelTooLarge(kernel: 5, bucketedSize: 4)),
        ("[C(64,3,1), P(5,3), C(64,3,1), P(3,2), FC(128), FC(256), SM(10)]", 6, .fcGrows(previous: 128)),
        ("[C(64,3,1), P(5,3), C(64,3,1), P(3,2), FC(128), FC(128), FC(128), SM(10)]", 7, .tooManyFC(maximum: 2)),
        ("[C(64,3,1), P(5,3), C(64,3,1), P(3,2), FC(100), SM(10)]", 5, .fcSize(allowed: [512, 256, 128])),
        ("[C(64,3,1), P(5,3), C(64,3,1), P(3,2), FC(128), C(64,1,1), SM(10)]", 6, .spatialAfterFC),
        ("[GAP(10), C(64,1,1), SM(10)]", 2, .afterGAP),
        ("[GAP(7), SM(10)]", 1, .classes(expected: 10)),
        ("[C(64,3,1), SM(7)]", 2, .classes(expected: 10)),
        ("[C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), C(64,1,1), "
            + "C(64,1,1), C(64,1,1), C(64,1,1), SM(10)]", 13, .layerLimit(12)),
    ])
    func illegalNetsNameTheLayerAndRule(text: String, position: Int, rule: ArchitectureError.Rule) throws {
        let space = StateSpace(settings: .paperSVHN)
        let net = try Architecture(parsing: text)
        #expect(throws: ArchitectureError(position: position, token: position == 0 ? net.description : net.layers[position - 1].token,
                                          rule: rule)) {
            try space.trajectory(for: net)
        }
        #expect(!space.isLegal(net))
    }

    @Test func errorSentencesNameLayerAndRule() throws {
        let space = StateSpace(settings: .paperCIFAR10)
        let net = try Architecture(parsing: "[C(64,3,1), D(1,2), P(2,2), P(2,2), SM(10)]")
        do {
            _ = try space.trajectory(for: net)
            Issue.record("expected an error")
        } catch {
            // Positions count dropout tokens, so they match what the user typed.
            #expect(error.description == "Layer 4, P(2,2), is pooling right after pooling, which this space does not allow.")
        }
    }

    @Test func sampledPathsRoundTripThroughStrings() async {
        // Random walks over the action lists: every net is legal, prints and parses back to
        // itself, maps back to the same states, and dropout insert → remove is the identity.
        for settings in [SearchSpaceSettings.paperCIFAR10, .cpuDigits, SmallSpaces.medium] {
            let space = StateSpace(settings: settings)
            await propertyCheck(count: 200, input: Gen.uint64()) { seed in
                var rng = SplitMix64(seed: seed)
                var state = space.startState
                var states = [state]
                while !state.terminate {
                    let actions = space.actions(from: space.bucketed(state))
                    state = space.apply(actions[Int.random(in: 0..<actions.count, using: &rng)], to: state)
                    states.append(state)
                }
                let net = space.architecture(for: states)
                #expect(throws: Never.self) { try space.trajectory(for: net) }
                #expect((try? space.trajectory(for: net)) == states)
                #expect((try? Architecture(parsing: net.description)) == net)
                #expect((try? Architecture(parsing: net.withDropout.description)) == net.withDropout)
                #expect(net.withDropout.withoutDropout == net)
                #expect(space.isLegal(net.withDropout))
            }
        }
    }

    @Test(arguments: [
        SmallSpaces.medium, SmallSpaces.c, .cpuDigits, .cpuFashion, SearchSpaceSettings.paperMNIST.overriding(layerLimit: 5),
        SearchSpaceSettings.paperCIFAR10.overriding(layerLimit: 5),
    ])
    func diagnosisAgreesWithActionLists(settings: SearchSpaceSettings) {
        // For every reachable true state, a candidate layer is legal by the rule-by-rule
        // diagnosis exactly when it is one of the enumerated actions (so `check` and the
        // agent can never disagree).
        let space = StateSpace(settings: settings)
        let candidates = SmallSpaces.candidateLayers(settings)
        var stack = [space.startState], seen = Set<State>()
        while let state = stack.popLast() {
            guard seen.insert(state).inserted, !state.terminate else { continue }
            let actions = space.actions(from: space.bucketed(state))
            for layer in candidates {
                let next = space.state(after: layer, from: state)
                let listed = actions.contains(space.action(from: state, to: next))
                #expect(listed == (space.brokenRule(layer, from: state) == nil), "\(layer.token) after \(state)")
            }
            stack += actions.map { space.apply($0, to: state) }
        }
        #expect(seen.count > 20)
    }
}
