import Foundation
import LearningCurves
import ReplayStore
import StoreModel
import Testing
@testable import Designer

/// The early-stopping study read from stored nets.
@Suite struct PredictorStudyTests {
    static func record(_ net: String, curve: [Double], attempts: Int = 1, learningRate: Double = 0.001,
                       status: TrainedNetRecord.Status = .trained, features: Bool = true) -> TrainedNetRecord {
        let epochs = curve.enumerated().map { index, accuracy in
            #"{"epoch":\#(index + 1),"iteration":\#(10 * (index + 1)),"trainLoss":1,"trainAccuracy":0.5,"#
                + #""validationAccuracy":\#(accuracy),"testAccuracy":\#(accuracy),"learningRate":\#(learningRate),"seconds":1}"#
        }
        return TrainedNetRecord(
            net: net, status: status, stage: 0, epsilon: 1,
            bestValidationAccuracy: status == .trained ? curve.max() : nil, bestValidationIteration: status == .trained ? 10 : nil,
            lastValidationAccuracy: status == .trained ? curve.last : nil, lastValidationIteration: status == .trained ? 10 : nil,
            parameterCount: features ? 5_000 : nil, forwardFLOPs: features ? 80_000 : nil,
            epochsJSON: "[" + epochs.joined(separator: ",") + "]", attempts: attempts, worker: "test",
            failure: status == .failed ? "out of memory" : nil, finishedAt: 0)
    }

    @Test func storedNetBecomesACurveWithItsFeatures() throws {
        let net = try #require(PredictorStudy.net(Self.record(
            "[C(16,3,1), P(2,2), D(1,2), C(8,3,1), FC(32), D(2,2), SM(10)]", curve: [0.3, 0.5, 0.6], attempts: 2,
            learningRate: 0.0004)))
        #expect(net.sample.accuracies == [0.3, 0.5, 0.6])
        #expect(net.reward == 0.6)
        #expect(net.sample.context == CurveContext(parameterCount: 5_000, forwardFLOPs: 80_000, convolutions: 2, poolings: 1,
                                                   fullyConnected: 1, globalPoolings: 0, learningRate: 0.0004, attempt: 2))
        // Failed nets and nets without features or curve (imports) are left out.
        #expect(PredictorStudy.net(Self.record("[SM(10)]", curve: [], status: .failed)) == nil)
        #expect(PredictorStudy.net(Self.record("[SM(10)]", curve: [0.2], features: false)) == nil)
        #expect(PredictorStudy.net(Self.record("[SM(10)]", curve: [])) == nil)
    }

    @Test func committedFashionStoreIsStudiedTheSameTwice() throws {
        let store = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Replay/fashion.sqlite")
        let records = try ReplayStore(path: store.path, mode: .readOnly).nets(experiment: "fashion")
        let study = try PredictorStudy(records: records)
        #expect(study.horizon == 3)
        #expect(study.fullCurveCount == study.nets.filter { $0.sample.accuracies.count == 3 }.count)
        #expect(study.evaluation.prefixes.count == 2)
        #expect(study.simulation.outcomes.map(\.threshold) == PredictorStudy.thresholds)
        // Seeing two of three epochs predicts the final accuracy well on these curves.
        #expect(try #require(study.evaluation.prefixes[1].scores[study.evaluation.best]?.rSquared) > 0.9)
        let again = try PredictorStudy(records: records)
        #expect(again.evaluation == study.evaluation && again.simulation == study.simulation)
    }

    @Test func tooFewFullCurvesIsTheTypedError() {
        let records = (0..<4).map { Self.record("[C(\(8 * ($0 + 1)),3,1), SM(10)]", curve: [0.2, 0.4, 0.5]) }
        #expect(throws: PredictorError.tooFewCurves(have: 4, need: 10)) { try PredictorStudy(records: records) }
        // An import has no curves at all: the same error, not one about epochs.
        let imported = records.map { record in
            var copy = record
            copy.epochsJSON = "[]"
            return copy
        }
        #expect(throws: PredictorError.tooFewCurves(have: 0, need: 10)) { try PredictorStudy(records: imported) }
        // One-epoch curves leave nothing to predict from.
        let short = (0..<12).map { Self.record("[C(\(8 * ($0 + 1)),3,1), SM(10)]", curve: [0.2 + 0.01 * Double($0)]) }
        #expect(throws: PredictorError.horizonTooShort(horizon: 1)) { try PredictorStudy(records: short) }
    }

    @Test(.enabled(if: MetaqnnProcess.executable != nil)) func commandPrintsTheTablesAndNamesBadInput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Replay/fashion.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let run = try MetaqnnProcess.run(["predictor", "--experiment", "fashion", "--store", store], in: directory)
        #expect(run.status == 0, "\(run.error)")
        for fragment in ["kernel ridge (RBF)", "linear ridge", "last observed", "0.99", "top-5 kept"] {
            #expect(run.output.contains(fragment), "missing \(fragment) in:\n\(run.output)")
        }
        // Two τ rows for three-epoch curves, three Δ rows.
        #expect(run.output.split(separator: "\n").filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") }.count == 2)
        #expect(run.output.split(separator: "\n").filter { $0.hasPrefix("0.9") }.count == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)

        let negative = try MetaqnnProcess.run(["predictor", "--experiment", "fashion", "--store", store, "--burn-in", "-1"],
                                              in: directory)
        #expect(negative.status != 0 && negative.error.contains("--burn-in must be 0 or more"), "\(negative.error)")
        let unknown = try MetaqnnProcess.run(["predictor", "--experiment", "nope", "--store", store], in: directory)
        #expect(unknown.status == 1 && unknown.error.contains("nope"), "\(unknown.error)")
    }
}
