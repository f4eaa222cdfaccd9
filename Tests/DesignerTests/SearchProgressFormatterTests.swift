import Foundation
import Testing
@testable import Designer

@Suite("Search progress lines")
struct SearchProgressFormatterTests {
    let status = SearchStatus(epsilon: 0.5, stage: 1, stageDone: 3, stageTarget: 10, modelsDone: 13, modelsTotal: 30,
                              replayRows: 17, bestNet: "[C(8,3,1), SM(10)]", bestAccuracy: 0.9712,
                              modelsPerHour: 720, etaSeconds: 85)

    @Test("A trained line shows ε, the stage count, models done/total, the net, its accuracy, the best, the rate and the ETA")
    func trainedLine() {
        let line = SearchProgressFormatter.line(.trained(net: "[SM(10)]", accuracy: 0.25, seconds: 1.25, epsilon: 0.5, status: status))!
        for part in ["[13/30]", "ε 0.5", "[SM(10)] → 25.00 %", "in 1.2 s", "3/10 unique", "best 97.12 % [C(8,3,1), SM(10)]",
                     "720 models/h", "ETA 1 min 25 s"] {
            #expect(line.contains(part), "\(part) missing from \(line)")
        }
    }

    @Test("A net stopped early says after which epoch of how many, and its predicted accuracy")
    func stoppedEarlyLine() {
        let line = SearchProgressFormatter.line(.stoppedEarly(net: "[SM(10)]", afterEpoch: 3, epochs: 8, predicted: 0.8125,
                                                              seconds: 2.5, epsilon: 0.5, status: status))!
        for part in ["[13/30]", "ε 0.5", "[SM(10)] → stopped after epoch 3/8, predicted 81.25 %", "in 2.5 s", "3/10 unique",
                     "720 models/h"] {
            #expect(line.contains(part), "\(part) missing from \(line)")
        }
    }

    @Test("Repeats say they were not retrained; the summary says how to resume and where the report is")
    func cachedAndSummary() {
        let line = SearchProgressFormatter.line(.cached(net: "[SM(10)]", accuracy: 0.25, epsilon: 0.1, status: status))!
        #expect(line.contains("repeat [SM(10)]") && line.contains("not retrained") && line.contains("ε 0.1"))
        let stopped = SearchProgressFormatter.summary(status, completed: false, report: URL(fileURLWithPath: "/r/x"))
        #expect(stopped[0].contains("13/30") && stopped[0].contains("resume"))
        #expect(stopped.last == "Report: /r/x")
        #expect(!stopped.contains { $0.hasPrefix("Early stopping") })
        var early = status
        (early.stoppedEarly, early.epochsSaved) = (4, 13)
        let summary = SearchProgressFormatter.summary(early, completed: true, report: nil)
        #expect(summary.contains("Early stopping: 4 nets stopped, 13 epochs of training saved."))
    }
}
