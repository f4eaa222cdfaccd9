import Foundation
import Testing

/// Compares text with a golden file in `Golden/`; `METAQNN_RECORD_GOLDEN=1` rewrites the file instead.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["METAQNN_RECORD_GOLDEN"] == "1" }

    /// The source folder, so recording updates the files under version control.
    static func sourceURL(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let source = sourceURL(name)
        if recording {
            try actual.write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let bundled = Bundle.module.resourceURL?.appendingPathComponent("Golden").appendingPathComponent(name)
        let url = bundled.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil } ?? source
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Golden file \(name) is missing; run with METAQNN_RECORD_GOLDEN=1 to record it.",
                         sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let got = line < a.count ? String(a[line]) : "<end>", want = line < e.count ? String(e[line]) : "<end>"
            let message = "\(name) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)\n"
                + "Re-record with METAQNN_RECORD_GOLDEN=1 if the change is intended."
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
