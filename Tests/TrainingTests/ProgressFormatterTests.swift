import Foundation
import Testing
@testable import Training

@Suite struct ProgressFormatterTests {
    @Test func barShowsRateLossAndETA() {
        let p = BatchProgress(attempt: 1, epoch: 2, epochs: 3, batch: 5, batches: 10, images: 500, epochImages: 1_000,
                              meanLoss: 0.5, accuracy: 0.8, seconds: 1)
        let bar = ProgressFormatter.bar(p, width: 10)
        #expect(bar.hasPrefix("epoch 2/3 [#####.....] 5/10  500 img/s  loss 0.5000  acc 80.00 %"))
        // 500 images left in this epoch and 1,000 in the next at 500 img/s: 3 s.
        #expect(bar.hasSuffix("ETA 00:03"))
    }

    @Test func jsonRoundTrips() throws {
        let result = TrainingResult(net: "[SM(10)]", bestValidationAccuracy: 0.5, bestValidationIteration: 3, lastValidationAccuracy: 0.4,
                                    lastValidationIteration: 6, testAccuracyAtBest: 0.45, testAccuracyAtLast: 0.41,
                                    epochs: [EpochRecord(epoch: 1, iteration: 3, trainLoss: 1, trainAccuracy: 0.3, validationAccuracy: 0.5,
                                                         testAccuracy: 0.45, learningRate: 0.001, seconds: 0.1)],
                                    parameterCount: 650, forwardFLOPs: 1300, attempts: 1, learned: true, seconds: 0.2)
        let decoded = try JSONDecoder().decode(TrainingResult.self, from: Data(ProgressFormatter.json(result).utf8))
        #expect(decoded == result)
        #expect(ProgressFormatter.summary(result).contains("45.00 % at best validation"))
    }
}
