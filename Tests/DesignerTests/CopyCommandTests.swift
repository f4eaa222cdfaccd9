import Foundation
import Testing

/// `metaqnn copy` as a user runs it: the real executable, its progress lines, and `metaqnn replay`
/// and `metaqnn show` on the copy printing what they print on the source.
@Suite(.serialized, .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
struct CopyCommandTests {
    @Test func replayAndShowOnTheCopyPrintWhatTheyPrintOnTheSource() throws {
        let source = try StoreCopyFixture.source()
        let folder = source.deletingLastPathComponent().deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("copies/all.sqlite")

        let copy = try MetaqnnProcess.run(["copy", "--from", source.path, "--to", target.path], in: folder)
        #expect(copy.status == 0, "\(copy.error)")
        let lines = copy.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("copied 'plain' to \(target.path): ") == true)
        #expect(lines[2].contains(", 2 finalists with their weight files, 2 ensembles"))
        #expect(lines.last == "Copied 3 experiments from \(source.path) to \(target.path).")

        for experiment in ["plain", "ref", "tiny"] {
            var printed: [String] = []
            for (store, name) in [(source, "a"), (target, "b")] {
                let q = folder.appendingPathComponent("\(experiment)-\(name).csv")
                let replay = try MetaqnnProcess.run(["replay", "--experiment", experiment, "--store", store.path, "--order", "sampled",
                                                     "--passes", "2", "--q-out", q.path], in: folder)
                #expect(replay.status == 0, "\(replay.error)")
                let show = try MetaqnnProcess.run(["show", "--experiment", experiment, "--store", store.path], in: folder)
                #expect(show.status == 0, "\(show.error)")
                printed.append(replay.output.replacingOccurrences(of: q.path, with: "Q")
                    + show.output.replacingOccurrences(of: store.path, with: "STORE")
                    + (try String(contentsOf: q, encoding: .utf8)))
            }
            #expect(printed[1] == printed[0], "experiment \(experiment)")
        }
    }
}
