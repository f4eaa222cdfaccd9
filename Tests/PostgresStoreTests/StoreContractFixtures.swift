import StoreModel

/// The records the store contract writes: every optional field both set and unset somewhere,
/// UInt64 values with the top bit set, JSON text with spacing and key order a parser would not keep.
enum StoreContractFixtures {
    static let search = ExperimentRecord(
        name: "alpha", kind: .search, status: .running, seed: UInt64.max - 6,
        searchSpaceJSON: #"{"layerLimit": 4,  "a":[1.5,2]}"#, settingsJSON: #"{"replayNumber":2,"b":"/x"}"#,
        rngState: 0x8000_0000_0000_0001, createdAt: 1_700_000_000.1, updatedAt: 1_700_000_000.1)
    static let imported = ExperimentRecord(
        name: "beta", kind: .imported, status: .imported, seed: 0, searchSpaceJSON: "{}", settingsJSON: "{}",
        rngState: 0, createdAt: 1.5, updatedAt: 2.5)
    static let gamma = ExperimentRecord(
        name: "gamma", kind: .search, status: .running, seed: 1, searchSpaceJSON: "{}", settingsJSON: "{}",
        rngState: 1, createdAt: 0, updatedAt: 0)

    static let nets = [
        TrainedNetRecord(net: "[C(32,3,1), SM(10)]", status: .trained, stage: 0, epsilon: 1, bestValidationAccuracy: 0.1 + 0.7,
                         bestValidationIteration: 120, lastValidationAccuracy: 0.79, lastValidationIteration: 240,
                         testAccuracyAtBest: 0.78, testAccuracyAtLast: 0.775, parameterCount: 3_210_987_654,
                         forwardFLOPs: 1 << 40, epochsJSON: #"[{"epoch":1,"validation":0.5}]"#, attempts: 2, learned: true,
                         seconds: 12.345, worker: "w0", finishedAt: 2000.5),
        TrainedNetRecord(net: "[FC(64), SM(10)]", status: .failed, stage: 0, epsilon: 1, worker: "w1",
                         failure: "the net does not fit the input", finishedAt: 2001),
        TrainedNetRecord(net: "[C(16,5,1), P(2,2), SM(10)]", status: .trained, stage: 1, epsilon: 0.1 + 0.2,
                         bestValidationAccuracy: 0.61, bestValidationIteration: 30, lastValidationAccuracy: 0.6,
                         lastValidationIteration: 30, testAccuracyAtBest: nil, testAccuracyAtLast: nil, parameterCount: 5,
                         forwardFLOPs: 6, epochsJSON: "[]", attempts: 1, learned: false, seconds: 0.25, worker: "w0",
                         finishedAt: 2002, stoppedAfterEpoch: 3, predictedAccuracy: 0.8 + 1e-12),
        // Ties with the third net's predicted reward: the best net is the one with the lower id.
        TrainedNetRecord(net: "[C(64,1,1), SM(10)]", status: .trained, stage: 1, epsilon: 0.1 + 0.2,
                         bestValidationAccuracy: 0.8 + 1e-12, bestValidationIteration: 1, lastValidationAccuracy: 0.1,
                         lastValidationIteration: 2, worker: "w1", finishedAt: 2003),
    ]

    static let importedNet = TrainedNetRecord(net: "[C(8,3,1), SM(10)]", status: .trained, stage: nil, epsilon: 1,
                                              bestValidationAccuracy: 86.0, bestValidationIteration: 5,
                                              lastValidationAccuracy: 85.5, lastValidationIteration: 6, worker: "ref",
                                              finishedAt: 9)
    static let importedResults = [
        RowResult(bestValidationAccuracy: 86.0, bestValidationIteration: 5, lastValidationAccuracy: 85.5,
                  lastValidationIteration: 6, testAccuracyAtBest: 84.25, testAccuracyAtLast: nil),
        RowResult(bestValidationAccuracy: 0.123456789012345, bestValidationIteration: 0, lastValidationAccuracy: 0.1,
                  lastValidationIteration: 0, testAccuracyAtBest: nil, testAccuracyAtLast: 1.0 / 7.0),
    ]

    static func lease(_ net: String, pid: Int32) -> LeaseRecord {
        LeaseRecord(net: net, stage: 1, epsilon: 0.1 + 0.2, worker: "w\(pid)", pid: pid, host: "host-\(pid)",
                    claimedAt: 4000.75, heartbeatAt: 4000.75)
    }

    static let leases = [lease("[C(128,3,1), SM(10)]", pid: Int32.max), lease("[C(4,3,1), SM(10)]", pid: -1)]

    static func finalist(rank: Int, net: String, seed: Int) -> FinalistRecord {
        FinalistRecord(selectionRank: rank, net: net, seed: seed, settingsJSON: #"{"epochs": 20}"#,
                       epochsJSON: #"[{"epoch":1}]"#, bestValidationAccuracy: 0.9 + Double(seed) * 1e-9,
                       lastValidationAccuracy: 0.89, testAccuracyAtBest: 0.88, testAccuracyAtLast: 1.0 / 3.0,
                       parameterCount: 3210, forwardFLOPs: 65432, seconds: 99.5, weightsFile: "finalists/\(rank)-\(seed).safetensors",
                       weightsSHA256: String(repeating: "ab", count: 32), normalizationMean: [0.1307, Float(1) / 3],
                       normalizationStd: [0.3081, .ulpOfOne], worker: "w0", finishedAt: 6000 + Double(seed))
    }

    static let finalists = [
        finalist(rank: 2, net: nets[2].net, seed: 0),
        finalist(rank: 1, net: nets[0].net, seed: 1),
        finalist(rank: 1, net: nets[0].net, seed: 0),
    ]

    static let ensembles = [
        EnsembleRecord(size: 1, nets: [nets[0].net], models: 2, testAccuracy: 0.91, computedAt: 7000),
        EnsembleRecord(size: 2, nets: [nets[0].net, "a/b \"quoted\" é"], models: 3, testAccuracy: 0.1 + 0.2, computedAt: 7001),
        EnsembleRecord(size: 3, nets: ["x", "y", "z"], models: 3, testAccuracy: 0.93, computedAt: 7002),
    ]
}
