import Foundation
import LearningCurves
import ReplayStore
import SearchSpace
import Testing
import Training
@testable import Designer

/// `search --early-stop` in process: the same decisions on every run, each one reproducible from the
/// store alone, and resumes that change the early-stopping settings refused.
@Suite("Early-stopped searches")
struct EarlyStopSearchTests {
    static let rule = StoppingRule(threshold: 0.99, burnIn: CurvePredictor.minimumCurves)

    /// A small early-stopped search on the embedded digits: 18 nets of at most 3 layers, 4 epochs each.
    static func digitsRequest(_ folder: URL) throws -> SearchRequest {
        var request = try SearchFixtures.digitsRequest(folder, experiment: "es", file: "es.sqlite", layerLimit: 3,
                                                       schedule: "1.0:12,0.5:6", replayNumber: 16, epochs: 4)
        request.earlyStopping = SearchRequest.earlyStop(threshold: rule.threshold, burnIn: rule.burnIn)
        return request
    }

    /// The tiny synthetic search of `SearchFixtures` with 3-epoch curves, early stopping off.
    static func syntheticRequest(_ directory: URL, experiment: String = "tiny") throws -> SearchRequest {
        var request = try SearchFixtures.request(directory, experiment: experiment)
        request.training = SearchFixtures.epochs(3)
        return request
    }

    @Test("One worker and a seed: two runs stop the same nets after the same epochs with the same rewards and Q table")
    func deterministic() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let snapshots = try SearchFixtures.twoRuns(in: directory, experiment: "es", models: 18, request: Self.digitsRequest)
        #expect(snapshots[0] == snapshots[1])
        #expect(snapshots[0].problems.isEmpty && snapshots[0].leases == 0)
        let stopped = snapshots[0].nets.filter { $0.contains(" stopped=") }.count
        #expect(stopped >= 2 && stopped <= 13, "\(stopped) of 18 nets stopped; the burn-in alone keeps 5 to the end")
    }

    @Test("Every stored decision is what the predictor rebuilt from the nets stored before it decides, epoch by epoch")
    func decisionsFollowFromTheStore() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let request = try Self.digitsRequest(directory)
        let search = try Search(request)
        _ = try search.run(cancellation: SearchCancellation())
        let horizon = search.configuration.training.epochs
        let records = try ReplayStore(path: request.store.fileURL.path, mode: .readOnly).nets(experiment: "es")
        var full = 0, stoppedNets = 0, trainedEpochs = 0
        for (index, record) in records.enumerated() where record.status == .trained {
            let epochs = try JSONDecoder().decode([EpochRecord].self, from: Data(record.epochsJSON.utf8))
            trainedEpochs += epochs.count
            // One worker: every net stored before this one was stored when it was claimed.
            var stopping = SearchEarlyStopping(rule: Self.rule, horizon: horizon)
            let stopper = stopping.stopper(records: Array(records.prefix(index)))
            let net = try Architecture(parsing: record.net)
            let decisions = (1...epochs.count).map { prefix in
                SearchEarlyStopping.decide(stopper, net: net, check: EpochCheck(
                    epochs: Array(epochs.prefix(prefix)), attempt: record.attempts,
                    parameterCount: record.parameterCount!, forwardFLOPs: record.forwardFLOPs!))
            }
            if let epoch = record.stoppedAfterEpoch {
                stoppedNets += 1
                #expect(epochs.count == epoch && epoch < horizon)
                #expect(decisions.dropLast().allSatisfy { $0 == nil }, "\(record.net) should have stopped earlier")
                let prediction = try #require(decisions.last ?? nil)
                #expect(record.predictedAccuracy == SearchEarlyStopping.reward(prediction))
                #expect(record.reward == record.predictedAccuracy && record.isPredicted)
                #expect(stopper.fullCurveCount >= Self.rule.burnIn)
            } else if epochs.count == horizon {
                full += 1
                #expect(decisions.dropLast().allSatisfy { $0 == nil }, "\(record.net) was trained to the end but should have stopped")
                #expect(record.predictedAccuracy == nil && record.reward == record.bestValidationAccuracy)
            }
        }
        #expect(full >= Self.rule.burnIn && stoppedNets >= 2)

        // Export writes ŷ_T as a stopped net's accuracy; list, show and the report mark it.
        let reader = try ReplayStore(path: request.store.fileURL.path, mode: .readOnly)
        let csv = try ReplayExporter(store: reader).replayCSV(experiment: "es")
        let stopped = records.filter(\.isPredicted)
        let lines = csv.split(separator: "\n")
        for record in stopped {
            // The net is quoted when it holds a comma.
            let rows = lines.filter { $0.hasPrefix("\(record.net),") || $0.hasPrefix("\"\(record.net)\",") }
            #expect(!rows.isEmpty && rows.allSatisfy { $0.dropFirst(record.net.count).contains(",\(record.predictedAccuracy!),") })
        }
        let shown = try ExperimentCatalog(store: reader).details(experiment: "es", top: 18)
        #expect(shown.components(separatedBy: "%†").count - 1 == stopped.count)
        #expect(shown.contains(ExperimentCatalog.predictedLegend))
        let note = ReportInputBuilder.earlyStoppingNote(nets: records, settingsJSON: try reader.experiment(named: "es").settingsJSON)
        let saved = stopped.reduce(0) { $0 + horizon - $1.stoppedAfterEpoch! }
        let status = try StoreSearchBackend(store: reader, experiment: "es", configuration: search.configuration).status()
        #expect(status.stoppedEarly == stopped.count && status.epochsSaved == saved)
        #expect(note == "Early stopping stopped \(stopped.count) of \(records.filter { $0.status == .trained }.count) trained nets "
            + "(Δ = 0.99, burn-in 5 nets), saving \(saved) of their \(stopped.count * horizon) epochs, "
            + String(format: "%.1f", 100 * Double(saved) / Double(trainedEpochs + saved))
            + " % of the \(trainedEpochs + saved) epochs its trained nets would have taken without it; their accuracies are "
            + "predicted final accuracies (their rewards), marked †.")
    }

    @Test("Resuming with other early-stopping settings, or turning it on later, is refused and leaves the store's bytes alone")
    func changedSettingsRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var request = try Self.syntheticRequest(directory)
        let plain = try Self.syntheticRequest(directory, experiment: "plain")
        request.earlyStopping = SearchRequest.earlyStop(burnIn: Self.rule.burnIn)
        _ = try Search(request).run(cancellation: SearchCancellation())
        _ = try Search(plain).run(cancellation: SearchCancellation())
        let bytes = { try Data(contentsOf: request.store.fileURL) + Data(contentsOf: plain.store.fileURL) }
        let before = try bytes()

        func refusal(_ request: SearchRequest) -> [String]? {
            do {
                _ = try Search(request)
            } catch let SearchError.settingsChanged(_, fields) {
                return fields
            } catch {
                Issue.record("wrong error: \(error)")
            }
            return nil
        }
        var otherThreshold = request
        otherThreshold.earlyStopping = SearchRequest.earlyStop(threshold: 0.95)
        #expect(refusal(otherThreshold) == ["earlyStopping.threshold"])
        var otherBurnIn = request
        otherBurnIn.earlyStopping = SearchRequest.earlyStop(burnIn: 8)
        #expect(refusal(otherBurnIn) == ["earlyStopping.burnIn"])
        var turnedOn = plain
        turnedOn.earlyStopping = SearchRequest.earlyStop()
        #expect(refusal(turnedOn) == ["earlyStopping.burnIn", "earlyStopping.threshold"])
        #expect(try bytes() == before)

        // Unnamed early-stopping settings come from the store, as every other setting does: a resume
        // with `--early-stop` alone, or with no early-stopping flag, keeps the stored rule.
        let resumes: [@Sendable (StoppingRule?) -> StoppingRule?] = [
            SearchRequest.earlyStop(), SearchRequest.earlyStop(threshold: Self.rule.threshold), { $0 },
        ]
        for resume in resumes {
            var again = request
            again.earlyStopping = resume
            #expect(try Search(again).configuration.earlyStopping == Self.rule)
        }
        #expect(try Search(plain).configuration.earlyStopping == nil)
    }

    @Test("Bad early-stopping settings are typed errors naming the flag, before any store exists")
    func badSettings() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var request = try Self.syntheticRequest(directory)
        for (rule, expected) in [
            (StoppingRule(threshold: 1, burnIn: 20), SearchError.earlyStopThreshold(1)),
            (StoppingRule(threshold: 0, burnIn: 20), .earlyStopThreshold(0)),
            (StoppingRule(threshold: 0.9, burnIn: 4), .earlyStopBurnIn(4, minimum: CurvePredictor.minimumCurves)),
        ] {
            request.earlyStopping = SearchRequest.earlyStop(threshold: rule.threshold, burnIn: rule.burnIn)
            #expect(throws: expected) { _ = try Search(request) }
        }
        var oneEpoch = try SearchFixtures.request(directory)  // the fixture trains 1 epoch per net
        oneEpoch.earlyStopping = SearchRequest.earlyStop()
        #expect(throws: SearchError.earlyStopEpochs(1)) { _ = try Search(oneEpoch) }
        #expect(!FileManager.default.fileExists(atPath: request.store.fileURL.path))
    }
}

extension EarlyStopSearchTests {
    @Test("A predicted reward is ŷ_T clamped to [0, 1]")
    func rewardIsClamped() {
        #expect(SearchEarlyStopping.reward(Prediction(mean: 1.07, sigma: 0.01)) == 1)
        #expect(SearchEarlyStopping.reward(Prediction(mean: -0.02, sigma: 0.01)) == 0)
        #expect(SearchEarlyStopping.reward(Prediction(mean: 0.4, sigma: 0.01)) == 0.4)
    }
}
