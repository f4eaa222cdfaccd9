import BigInt
import Testing
@testable import SearchSpace

@Suite struct StateSpaceCountTests {
    @Test func smallSpaceAWorkedByHand() {
        let space = StateSpace(settings: SmallSpaces.a)
        // Start (R 8): terminate, C(8,3,1) (3 < 8), GAP; no pool at start; no fc since 8 > 4 → 3 actions.
        #expect(space.actions(from: space.bucketed(space.startState)).count == 3)
        // conv@1 (R 8): terminate, C, GAP, P(2,2) → 4. conv@2, gap@1, gap@2, pool@2 (R 4): terminate only.
        // States: depth 0: start (1); depth 1: start-terminal, conv, gap (3);
        // depth 2: conv-terminal, conv, gap, pool, gap-terminal (5); depth 3: conv-, gap-, pool-terminal (3) → 12.
        // State-actions: 3 + 4 + 1 (gap@1) + 1 + 1 + 1 (conv@2, gap@2, pool@2) = 11.
        // Nets: [SM], [C,SM], [C,C,SM], [C,GAP,SM], [C,P,SM], [GAP,SM] = 6.
        let counts = space.counts()
        #expect(counts.states == 12)
        #expect(counts.stateActions == 11)
        #expect(counts.architectures == 6)
        #expect(counts.statesByDepth == [1, 3, 5, 3])
        #expect(space.reachableStates().count == 12)
        #expect(SmallSpaces.bruteForceArchitectureCount(SmallSpaces.a) == 6)
    }

    @Test func smallSpaceBWorkedByHand() {
        let space = StateSpace(settings: SmallSpaces.b)
        // Depth 0: start → T, C, GAP, FC(8), FC(4) (R 4 ≤ 4): 5 actions.
        // Depth 1 (5 states): start-T; conv (5 actions); gap (1); fc8 count 0 (T, fc8, fc4: 3); fc4 count 0 (T, fc4: 2).
        // Depth 2 (10): conv (5), gap (1), fc8c0 (3), fc4c0 (2), fc8c1 (1: count 1 = max_fc − 1), fc4c1 (1),
        //   terminals conv, fc8c0, fc4c0, gap.
        // Depth 3 (12): conv, gap, fc8c0, fc4c0, fc8c1, fc4c1 (1 action each: at the limit), and their 6 terminals.
        // Depth 4 (6): terminals of the six depth-3 layer states.
        // States 1 + 5 + 10 + 12 + 6 = 34; state-actions 5 + 11 + 13 + 6 = 35.
        // Nets: N(fc8c0@2) = 3, N(fc4c0@2) = 2, N(conv@2) = 5 → N(conv@1) = 1 + 5 + 1 + 3 + 2 = 12;
        // N(fc8@1) = 3, N(fc4@1) = 2 → N(start) = 1 + 12 + 1 + 3 + 2 = 19.
        let counts = space.counts()
        #expect(counts.states == 34)
        #expect(counts.stateActions == 35)
        #expect(counts.architectures == 19)
        #expect(counts.statesByDepth == [1, 5, 10, 12, 6])
        #expect(SmallSpaces.bruteForceArchitectureCount(SmallSpaces.b) == 19)
    }

    @Test func fcCountingAndShrinkingRule() {
        let space = StateSpace(settings: SmallSpaces.b)
        let fc8 = State(layerType: .fc, layerDepth: 1, filterDepth: 0, filterSize: 0, stride: 0, imageSize: 1, fcSize: 8, terminate: false)
        let next = space.actions(from: fc8).dropFirst()
        #expect(next.map(\.fcSize) == [8, 4])
        #expect(next.allSatisfy { $0.filterDepth == 1 && $0.imageSize == 1 })
        var second = fc8
        second.filterDepth = 1
        #expect(space.actions(from: second) == [second.terminated])
    }

    @Test func bucketsFollowTrueSidesNotBucketedOnes() {
        // 18 → P(2,2) → 9 and 18 → P(3,2) → 8 share bucket 8, so C(2,1,1) after either is the same
        // bucketed state (conv, 2, 2, 1, 1, 8); P(3,2) then gives 9 → 4 (bucket 4) but 8 → 3 (bucket 1).
        let space = StateSpace(settings: SmallSpaces.c)
        let states = Set(space.reachableStates())
        let pooled = { (size: Int) in
            State(layerType: .pool, layerDepth: 3, filterDepth: 0, filterSize: 3, stride: 2, imageSize: size, fcSize: 0, terminate: false)
        }
        #expect(states.contains(pooled(4)))
        #expect(states.contains(pooled(1)))
        #expect(SmallSpaces.bruteForceArchitectureCount(SmallSpaces.c) == Int(space.counts().architectures))
    }

    @Test func mediumSpaceAgreesWithBruteForce() {
        let counts = StateSpace(settings: SmallSpaces.medium).counts()
        #expect(counts.architectures == BigUInt(SmallSpaces.bruteForceArchitectureCount(SmallSpaces.medium)))
        #expect(counts.architectures > 1000)
    }

    @Test(arguments: [
        ("paper-cifar10", 1130, 6656, "282710031500590500770"),
        ("paper-svhn", 698, 4058, "57869407275938"),
        ("paper-mnist", 702, 4068, "53501710400882"),
        ("cpu-digits", 224, 923, "1009811"),
        ("cpu-fashion", 336, 1522, "232236551"),
    ])
    func presetCountsArePinned(name: String, states: Int, stateActions: Int, architectures: String) throws {
        let counts = StateSpace(settings: try SearchSpaceSettings.preset(named: name)).counts()
        #expect(counts.states == states)
        #expect(counts.stateActions == stateActions)
        #expect(counts.architectures == BigUInt(architectures)!)
    }

    @Test func actionsComeInSpecOrder() throws {
        let space = StateSpace(settings: .paperCIFAR10)
        // A conv state at bucket 4: terminate, conv (4 depths × kernels 1, 3), gap, pool (3,2), (2,2), fc 512, 256, 128.
        let conv = State(layerType: .conv, layerDepth: 3, filterDepth: 64, filterSize: 3, stride: 1, imageSize: 4, fcSize: 0, terminate: false)
        let actions = space.actions(from: conv)
        #expect(actions.map { space.layer(for: $0).token } == [
            "SM(10)", "C(64,1,1)", "C(64,3,1)", "C(128,1,1)", "C(128,3,1)", "C(256,1,1)", "C(256,3,1)",
            "C(512,1,1)", "C(512,3,1)", "GAP(10)", "P(3,2)", "P(2,2)", "FC(512)", "FC(256)", "FC(128)",
        ])
        // Stored actions keep the source's bucketed side for conv/pool, 1 for fc and gap (spec §2, §6).
        #expect(actions[1].imageSize == 4 && actions[10].imageSize == 4)
        #expect(actions[9].imageSize == 1 && actions[12].imageSize == 1 && actions[12].filterDepth == 0)
        #expect(actions[0] == State(layerType: .conv, layerDepth: 4, filterDepth: 64, filterSize: 3, stride: 1,
                                    imageSize: 4, fcSize: 0, terminate: true))
        // The start state and the layer limit.
        #expect(space.startState == State(layerType: .start, layerDepth: 0, filterDepth: 1, filterSize: 0, stride: 0,
                                          imageSize: 32, fcSize: 0, terminate: false))
        var deep = conv
        deep.layerDepth = 18
        #expect(space.actions(from: deep) == [deep.terminated])
        #expect(space.actions(from: deep.terminated).isEmpty)
    }

    @Test func bucketingUsesSettableEdges() {
        let paper = StateSpace(settings: .paperCIFAR10)
        #expect([32, 8, 7, 4, 3, 1, 0].map(paper.bucket) == [8, 8, 4, 4, 1, 1, 1])
        var settings = SearchSpaceSettings.paperCIFAR10
        settings.imageSizeBuckets = [16, 2, 1]
        let custom = StateSpace(settings: settings)
        #expect([32, 16, 15, 2, 1, 0].map(custom.bucket) == [16, 16, 2, 2, 1, 1])
    }
}
