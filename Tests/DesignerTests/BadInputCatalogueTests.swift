import Foundation
import TestSupport
import Testing

/// The catalogue of bad inputs: every case must exit with its status and phrase, and leave every
/// store in its folder byte for byte (SHA-256) as it was. Add a row for each new bad input found.
@Suite struct BadInputCatalogueTests {
    static let cases: [BadInput] = netStrings + schedules + datasets + stores + storedSearches + imports + exports + fullDevice
        + exportModels + flags + bench + signals + predictors + finalize + earlyStop + storeLocations + copies + trainers
        + olderStores + benchStore
        + (PostgresTestCluster.shouldRun ? postgresCluster : [])

    @Test(.enabled(if: MetaqnnProcess.executable != nil), arguments: cases)
    func isRefusedWithASentenceAndChangesNoStore(_ input: BadInput) throws {
        let folder = try BadInputFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try BadInputFolder.storeDigests(in: folder)
        let outcome = try Self.run(input, in: folder)
        let output = outcome.error + outcome.output
        #expect(!outcome.killed, "still running after 120 s")
        #expect(outcome.status == input.status, "exit status \(outcome.status): \(output)")
        #expect(output.contains(input.phrase), "\(output)")
        #expect(!output.contains("Fatal error") && !output.contains("Swift runtime failure"), "\(output)")
        let after = try BadInputFolder.storeDigests(in: folder)
        switch input.stores {
        case .unchanged:
            #expect(after == before)
        case .mayCreate:
            #expect(after.filter { before.keys.contains($0.key) } == before)
        case let .knownIssue(bug):
            withKnownIssue(Comment(rawValue: bug), isIntermittent: true) { #expect(after == before) }
        }
    }

    /// Runs one case, sending its signal on time, with the crash backtracer off (a trap must fail fast).
    static func run(_ input: BadInput, in folder: URL) throws -> MetaqnnProcess.Outcome {
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        let input = try onTestCluster(input)
        guard let signal = input.signal else {
            return try MetaqnnProcess.run(input.arguments, in: folder, killAfter: 120, environment: input.environment)
        }
        let (process, out, err) = try MetaqnnProcess.start(input.arguments, in: folder, environment: input.environment)
        let deadline = Date().addingTimeInterval(input.signalAfter)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, signal) }
        let limit = Date().addingTimeInterval(120)
        while process.isRunning, Date() < limit { usleep(10_000) }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return MetaqnnProcess.Outcome(status: process.terminationStatus, killed: killed,
                                      output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                      error: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// `input` with the test cluster's address and password in place of `clusterAddress` and
    /// `clusterPassword`; the cluster starts only for a case that names it.
    static func onTestCluster(_ input: BadInput) throws -> BadInput {
        let mentions = { (text: String) in text.contains(clusterAddress) || text.contains(clusterPassword) }
        guard input.arguments.contains(where: mentions) || input.environment.values.contains(where: mentions) else { return input }
        let cluster = try PostgresTestCluster.shared()
        let fill = { (text: String) in
            text.replacingOccurrences(of: clusterAddress, with: "\(cluster.host):\(cluster.port)")
                .replacingOccurrences(of: clusterPassword, with: cluster.password)
        }
        var filled = input
        filled.arguments = input.arguments.map(fill)
        filled.environment = input.environment.mapValues(fill)
        return filled
    }

    @Test(.enabled(if: MetaqnnProcess.executable != nil)) func versionIsPrinted() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try MetaqnnProcess.run(["--version"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0")
    }

    @Test func theCatalogueIsLargeAndHasNoDuplicateRows() {
        #expect(Self.cases.count >= 80)
        #expect(Set(Self.cases.map(\.testDescription)).count == Self.cases.count)
    }
}
