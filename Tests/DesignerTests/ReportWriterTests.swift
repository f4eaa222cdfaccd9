import Foundation
import Reporting
import Testing
@testable import Designer

/// Writing a rendered report to disk: the files, stale-figure cleanup, and errors.
@Suite struct ReportWriterTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("report-writer-\(UUID().uuidString)")
    }

    private func input(models: Int) -> ReportInput {
        let header = ExperimentHeader(name: "w", dataset: "digits", searchSpace: "cpu", epsilonSchedule: [], storePath: "s.sqlite")
        let rows = (0..<models).map {
            ReplayRow(sequence: $0 + 1, net: "[C(\(8 * ($0 + 1)),3,1), SM(10)]", validationAccuracy: 0.5 + 0.01 * Double($0), epsilon: 1)
        }
        return ReportInput(experiment: header, replays: rows)
    }

    @Test func writesPageAndFiguresAndRemovesStaleDiagrams() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let user = directory.appendingPathComponent("notes.svg")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: user)

        let first = try ReportWriter().write(input(models: 5), to: directory)
        #expect(first.last?.lastPathComponent == "README.md")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("top3_layers.svg").path))

        try ReportWriter().write(input(models: 1), to: directory)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(names.contains("top1_layers.svg"))
        #expect(!names.contains("top2_layers.svg") && !names.contains("top3_layers.svg"))
        #expect(names.contains("notes.svg"), "files the writer did not create must survive")
        let page = try String(contentsOf: directory.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(page.contains("Only one model has been trained"))
    }

    @Test func unwritableFolderIsAOneSentenceError() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("a file".utf8).write(to: directory)  // a file where the folder should go
        #expect {
            try ReportWriter().write(input(models: 1), to: directory.appendingPathComponent("sub"))
        } throws: { error in
            guard case .cannotCreateDirectory = error as? ReportWriteError else { return false }
            return "\(error)".hasSuffix("--out.")
        }
    }

    @Test func onlyOwnFigureNamesCountAsOurs() {
        #expect(ReportWriter.isOurFigure("top12_layers.svg"))
        #expect(ReportWriter.isOurFigure("rolling_accuracy.svg"))
        #expect(!ReportWriter.isOurFigure("top_layers.svg"))
        #expect(!ReportWriter.isOurFigure("topx_layers.svg"))
        #expect(!ReportWriter.isOurFigure("notes.svg"))
    }
}
