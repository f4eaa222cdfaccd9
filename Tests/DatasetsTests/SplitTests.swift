import Testing
@testable import Datasets
import SearchSpace

@Suite struct SplitTests {
    @Test func quotasAreProportionalAndExact() {
        #expect(StratifiedSampler.quotas(counts: [50, 30, 20], total: 10) == [5, 3, 2])
        #expect(StratifiedSampler.quotas(counts: [5, 5, 5], total: 4) == [2, 1, 1])
        #expect(StratifiedSampler.quotas(counts: [1, 99], total: 50).reduce(0, +) == 50)
        #expect(StratifiedSampler.quotas(counts: [3, 0, 7], total: 10) == [3, 0, 7])
    }

    @Test func splitIsStratifiedDisjointAndSeeded() throws {
        let pool = Fixtures.indexedSet(classCounts: [400, 300, 200, 100])
        let test = Fixtures.indexedSet(classCounts: [5, 5, 5, 5], name: "toy/test")
        let sets = TrainTestSets(train: pool, test: test)
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7), c = SplitMix64(seed: 8)
        let first = try DataSplits(splitting: sets, validationSize: 100, using: &a)
        let again = try DataSplits(splitting: sets, validationSize: 100, using: &b)
        let other = try DataSplits(splitting: sets, validationSize: 100, using: &c)
        #expect(first.validation.classCounts == [40, 30, 20, 10])
        #expect(first.train.classCounts == [360, 270, 180, 90])
        #expect(first.validation.images == again.validation.images)
        #expect(first.validation.images != other.validation.images)
        // Undo the normalisation to recover each image's original index: the two splits are disjoint and cover the pool.
        let recover = { (d: ImageDataset) in d.images.map { Int(($0 * first.std[0] + first.mean[0]).rounded()) } }
        let trainIDs = Set(recover(first.train)), validationIDs = Set(recover(first.validation))
        #expect(trainIDs.isDisjoint(with: validationIDs))
        #expect(trainIDs.union(validationIDs) == Set(0..<1000))
        #expect(first.test.count == 20)
    }

    @Test func trainLimitIsStratifiedAndKeepsValidation() throws {
        let sets = TrainTestSets(train: Fixtures.indexedSet(classCounts: [400, 300, 200, 100]),
                                 test: Fixtures.indexedSet(classCounts: [1, 1, 1, 1]))
        var rng = SplitMix64(seed: 1)
        let splits = try DataSplits(splitting: sets, validationSize: 100, trainLimit: 90, using: &rng)
        #expect(splits.train.classCounts == [36, 27, 18, 9])
        #expect(splits.validation.count == 100)
    }

    @Test func normalisationUsesTrainingSplitOnly() throws {
        // Validation/test values are far from the training values: statistics must not see them.
        var images: [Float] = []
        var labels: [Int32] = []
        for i in 0..<200 { images.append(Float(i % 2)); labels.append(Int32(i % 2)) }
        let test = ImageDataset(name: "t/test", channels: 1, height: 1, width: 1, classes: 2, images: [100, 200], labels: [0, 1])
        let sets = TrainTestSets(train: ImageDataset(name: "t/train", channels: 1, height: 1, width: 1, classes: 2, images: images, labels: labels), test: test)
        var rng = SplitMix64(seed: 3)
        let splits = try DataSplits(splitting: sets, validationSize: 50, using: &rng)
        let raw = ChannelStatistics(of: ImageDataset(name: "r", channels: 1, height: 1, width: 1, classes: 2,
            images: splits.train.images.map { $0 * splits.std[0] + splits.mean[0] }, labels: splits.train.labels))
        #expect(abs(splits.mean[0] - 0.5) < 1e-6 && abs(splits.std[0] - 0.5) < 1e-6)
        #expect(abs(raw.mean[0] - splits.mean[0]) < 1e-5)
        #expect(splits.test.images == [199, 399])
        let trainStats = ChannelStatistics(of: splits.train)
        #expect(abs(trainStats.mean[0]) < 1e-5 && abs(trainStats.std[0] - 1) < 1e-5)
    }

    @Test func perChannelStatistics() {
        // Two images, two channels of 2 pixels: channel 0 = {0,1,2,3}, channel 1 = {10,10,10,10}.
        let data = ImageDataset(name: "c", channels: 2, height: 1, width: 2, classes: 1,
                                images: [0, 1, 10, 10, 2, 3, 10, 10], labels: [0, 0])
        let stats = ChannelStatistics(of: data)
        #expect(stats.mean == [1.5, 10])
        #expect(abs(stats.std[0] - Float(1.25).squareRoot()) < 1e-6)
        #expect(stats.std[1] == 1)
        #expect(stats.normalise(data).images[2] == 0)
    }

    @Test func badSizesThrow() {
        let sets = TrainTestSets(train: Fixtures.indexedSet(classCounts: [10, 10]), test: Fixtures.indexedSet(classCounts: [1, 1]))
        var rng = SplitMix64(seed: 1)
        #expect(throws: DatasetError.invalidValidationSize(requested: 20, available: 20)) {
            try DataSplits(splitting: sets, validationSize: 20, using: &rng)
        }
        #expect(throws: DatasetError.invalidTrainLimit(requested: 1, available: 16, classes: 2)) {
            try DataSplits(splitting: sets, validationSize: 4, trainLimit: 1, using: &rng)
        }
    }
}
