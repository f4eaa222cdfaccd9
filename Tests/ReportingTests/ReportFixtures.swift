import Reporting

/// Small fixed inputs: a two-stage search with a repeat, an empty one, a one-model one, an import.
enum ReportFixtures {
    static let header = ExperimentHeader(
        name: "fixture", dataset: "digits", searchSpace: "cpu-digits (layer limit 6)",
        epsilonSchedule: [.init(epsilon: 1.0, models: 5), .init(epsilon: 0.5, models: 4)],
        seed: 42, wallSeconds: 1800, storePath: "Replay/fixture.sqlite",
        reproduceCommand: "metaqnn search --experiment fixture --dataset digits --seed 42", status: "running",
        notes: ["Fixture used by the golden tests."])

    static let nets = [
        "[C(16,3,1), P(2,2), D(1,2), FC(32), D(2,2), SM(10)]",
        "[C(8,1,1), GAP(10), SM(10)]",
        "[SM(10)]",
        "[C(32,3,1), C(32,3,1), P(2,2), D(1,2), C(16,1,1), GAP(10), SM(10)]",
        "[FC(64), D(1,1), SM(10)]",
        "[C(32,3,1), P(2,2), D(1,2), FC(64), D(2,2), SM(10)]",
        "[C(32,3,1), C(16,3,1), P(2,2), D(1,1), SM(10)]",
        "[C(16,3,1), P(2,2), D(1,2), C(32,3,1), P(2,2), D(2,2), FC(32), D(3,3), SM(10)]",
        "[C(8,3,1), P(2,2), D(1,1), SM(10)]",
    ]

    /// Validation accuracy of `nets[i]`.
    static let accuracies = [0.91, 0.62, 0.10, 0.955, 0.87, 0.93, 0.955, 0.97, 0.84]

    static var replays: [ReplayRow] {
        // Nets 0…4 at ε 1, then nets 5…8 at ε 0.5 with net 3 sampled again in between.
        let order = [0, 1, 2, 3, 4, 5, 3, 6, 7, 8]
        return order.enumerated().map { position, net in
            ReplayRow(sequence: position + 1, net: nets[net], validationAccuracy: accuracies[net],
                      testAccuracy: accuracies[net] - 0.01, epsilon: position < 5 ? 1.0 : 0.5)
        }
    }

    static var models: [ModelRow] {
        // Net 4 has no training details on purpose: its row must show "—".
        nets.indices.filter { $0 != 4 }.map { i in
            ModelRow(net: nets[i], validationAccuracy: accuracies[i], testAccuracy: accuracies[i] - 0.01,
                     parameters: 1_000 * (i + 1) * (i + 1) + 10, forwardFLOPs: 250_000 * (i + 1),
                     epochs: 4, trainingSeconds: 30 + Double(i) * 12.5)
        }
    }

    static let qValues: [QValueSample] = [
        QValueSample(layerType: "conv", depth: 1, utility: 0.6), QValueSample(layerType: "conv", depth: 1, utility: 0.8),
        QValueSample(layerType: "conv", depth: 2, utility: 0.55), QValueSample(layerType: "pool", depth: 2, utility: 0.7),
        QValueSample(layerType: "pool", depth: 3, utility: 0.5), QValueSample(layerType: "fc", depth: 1, utility: 0.45),
        QValueSample(layerType: "fc", depth: 3, utility: 0.52), QValueSample(layerType: "terminate", depth: 1, utility: 0.3),
        QValueSample(layerType: "terminate", depth: 3, utility: 0.75), QValueSample(layerType: "terminate", depth: 4, utility: 0.8),
    ]

    static var small: ReportInput {
        ReportInput(experiment: header, replays: replays, models: models, qValues: qValues,
                    greedy: GreedyArchitecture(net: nets[7], expectedAccuracy: 0.812345))
    }

    static var empty: ReportInput {
        var h = header
        h.name = "empty"
        h.wallSeconds = 0
        return ReportInput(experiment: h, replays: [], qValues: [], greedy: nil)
    }

    static var oneModel: ReportInput {
        var h = header
        h.name = "one"
        h.wallSeconds = 45
        return ReportInput(
            experiment: h, replays: [replays[0]], models: [models[0]], qValues: Array(qValues.prefix(3)),
            greedy: GreedyArchitecture(net: nets[0]))
    }

    /// Like a reference `replay_database.csv` import: ε only, no test accuracy, no model details.
    static var imported: ReportInput {
        let h = ExperimentHeader(
            name: "reference-cifar10", dataset: "cifar10", searchSpace: "paper-cifar10",
            epsilonSchedule: [], storePath: "Replay/reference.sqlite",
            notes: ["Imported from the reference replay_database.csv."])
        let rows = replays.map { ReplayRow(sequence: 1, net: $0.net, validationAccuracy: $0.validationAccuracy, epsilon: $0.epsilon) }
        return ReportInput(experiment: h, replays: rows)
    }
}
