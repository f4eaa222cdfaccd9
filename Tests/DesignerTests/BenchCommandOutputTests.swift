import Foundation
import Testing

/// `metaqnn bench` end to end: the table's busy column and the JSON fields that say how busy the threads were.
@Suite struct BenchCommandOutputTests {
    static let net = "[C(4,3,1), SM(10)]"

    @Test func tableEndsEachRowWithTheThreadsBusyShare() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MetaqnnProcess.run(["bench", "--net", Self.net, "--input", "1x8x8", "--batch", "8",
                                          "--seconds", "0.05", "--threads", "1"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("spread  busy") == true)
        // One thread never waits for another.
        let row = try #require(lines.first { $0.hasPrefix(Self.net) })
        #expect(row.hasSuffix("100%"))
        #expect(run.output.contains("busy = share of the threads' time spent working"))
    }

    @Test func jsonHasOneBusyShareForEachTrainingWindowAndProfileLayer() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MetaqnnProcess.run(["bench", "--net", Self.net, "--input", "1x8x8", "--batch", "8",
                                          "--seconds", "0.05", "--repeats", "3", "--threads", "2", "--profile",
                                          "--json"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let objects = try run.output.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let summary = try #require(objects.first { $0["train_thread_busy"] != nil })
        let busy = try #require(summary["train_thread_busy"] as? [Double])
        #expect(busy.count == 3)
        #expect(busy.allSatisfy { (0...1).contains($0) })
        let layers = objects.filter { $0["layer"] != nil }
        #expect(layers.count == 2)
        for layer in layers {
            let forward = try #require(layer["forward_thread_busy"] as? Double)
            let backward = try #require(layer["backward_thread_busy"] as? Double)
            #expect((0...1).contains(forward) && (0...1).contains(backward))
        }
    }
}
