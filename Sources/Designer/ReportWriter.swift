import Foundation
import Reporting

/// Writes a rendered report as `README.md` plus its SVG figures into one folder.
public struct ReportWriter: Sendable {
    /// What the report shows (top K, diagrams, rolling window).
    public var options: ReportOptions

    /// Creates a writer.
    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    /// Renders `input` and writes it into `directory`, creating the folder; returns the files written.
    @discardableResult
    public func write(_ input: ReportInput, to directory: URL) throws(ReportWriteError) -> [URL] {
        try write(ReportRenderer.render(input, options: options), to: directory)
    }

    /// Writes `report` into `directory`; figures a previous, larger report left behind are removed.
    @discardableResult
    public func write(_ report: RenderedReport, to directory: URL) throws(ReportWriteError) -> [URL] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: directory.path, reason: Self.reason(error))
        }
        var written: [URL] = []
        // Figures first, page last: a reader refreshing mid-search never sees links to missing files.
        for figure in report.figures {
            written.append(try Self.atomicWrite(figure.svg, to: directory.appendingPathComponent(figure.fileName)))
        }
        let kept = Set(report.figures.map(\.fileName))
        if let existing = try? manager.contentsOfDirectory(atPath: directory.path) {
            for name in existing where Self.isOurFigure(name) && !kept.contains(name) {
                try? manager.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        written.append(try Self.atomicWrite(report.markdown, to: directory.appendingPathComponent("README.md")))
        return written
    }

    /// Only files this writer names are ever deleted, never anything a user put beside the report.
    static func isOurFigure(_ name: String) -> Bool {
        let fixed = [
            ReportRenderer.FileName.rollingAccuracy, ReportRenderer.FileName.histograms,
            ReportRenderer.FileName.qValues, ReportRenderer.FileName.accuracyParameters,
        ]
        if fixed.contains(name) { return true }
        guard name.hasPrefix("top"), name.hasSuffix("_layers.svg") else { return false }
        let middle = name.dropFirst(3).dropLast("_layers.svg".count)
        return !middle.isEmpty && middle.allSatisfy(\.isNumber)
    }

    private static func atomicWrite(_ text: String, to url: URL) throws(ReportWriteError) -> URL {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: url.path, reason: reason(error))
        }
        return url
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
