import Foundation
import ReplayStore
import SearchSpace
import Testing
@testable import Designer

/// Real processes: the built `metaqnn` executable, SIGKILLed and interrupted at random moments.
@Suite("Search survives kill -9 and Ctrl-C", .serialized)
struct SearchCrashTests {
    @Test("SIGKILL at random moments, then resume: same results as an uninterrupted run, nothing lost or duplicated",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func killAndResume() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A longer search than the other tests' so that many kills land before it is done.
        let arguments = { (store: URL) in SearchFixtures.arguments(store: store, schedule: "1.0:24,0.5:12", epochs: 2) }
        let reference = directory.appendingPathComponent("reference.sqlite")
        let first = try MetaqnnProcess.run(arguments(reference), in: directory)
        #expect(first.status == 0, "\(first.error)")
        let expected = try SearchFixtures.snapshot(store: reference)
        #expect(expected.nets.count == 36 && expected.leases == 0)

        let killed = directory.appendingPathComponent("killed.sqlite")
        let (kills, finished) = try Self.killUntilFinished(arguments, reference: reference, killed: killed, in: directory)
        #expect(kills >= 12, "only \(kills) runs were killed; the test did not exercise resume")
        #expect(finished, "200 runs (\(kills) of them killed) did not finish the search")
        SearchFixtures.expectSame(try SearchFixtures.snapshot(store: killed), as: expected)
    }

    @Test("SIGKILL an early-stopped search at random moments, then resume: the same nets stopped after the same epochs with the same predicted rewards",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func killAndResumeEarlyStopped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = { (store: URL) in
            SearchFixtures.arguments(store: store, schedule: "1.0:24,0.5:12", epochs: 3) + ["--early-stop", "--early-stop-burn-in", "5"]
        }
        let reference = directory.appendingPathComponent("reference.sqlite")
        let first = try MetaqnnProcess.run(arguments(reference), in: directory)
        #expect(first.status == 0, "\(first.error)")
        let expected = try SearchFixtures.snapshot(store: reference)
        #expect(expected.nets.count == 36 && expected.leases == 0)
        #expect(expected.nets.filter { $0.contains(" stopped=") }.count >= 3, "the reference search stops nets early")

        let killed = directory.appendingPathComponent("killed.sqlite")
        let (kills, finished) = try Self.killUntilFinished(arguments, reference: reference, killed: killed, in: directory)
        #expect(kills >= 8, "only \(kills) runs were killed; the test did not exercise resume")
        #expect(finished, "200 runs (\(kills) of them killed) did not finish the search")
        SearchFixtures.expectSame(try SearchFixtures.snapshot(store: killed), as: expected)
    }

    /// Runs the search `arguments(killed)` again and again, SIGKILLing each run at a random moment
    /// after start-up, until one run finishes (or 200 runs did not); returns the kills and whether it finished.
    /// `reference` holds the same search, finished, to time start-up with and to count its replay rows.
    static func killUntilFinished(_ arguments: (URL) -> [String], reference: URL, killed: URL, experiment: String = "tiny",
                                  in directory: URL) throws -> (kills: Int, finished: Bool) {
        let total = try ReplayStore(path: reference.path, mode: .readOnly).replayEntries(experiment: experiment).count
        var generator = SplitMix64(seed: 2026)
        var kills = 0
        var finished = false
        // On a loaded machine start-up alone (data, settings, store) can outlast the kill window, and
        // then no run would ever commit a step; the window starts after the time this machine takes
        // now to resume the finished reference search and find nothing left to do, and it widens
        // by a fifth after every killed run that committed nothing, so that however busy the
        // machine gets (other suites run beside this one) the search moves on. When the machine
        // gets less busy than it was at that measurement, or trains so fast that the tiny nets take
        // a few milliseconds each, runs would commit so much that the search ends after few kills;
        // a run that committed more than a sixteenth of the rows narrows the whole window again by a
        // third, the time past start-up included.
        let startup = ContinuousClock().measure { _ = try? MetaqnnProcess.run(arguments(reference), in: directory) }
        let startupSeconds = Double(startup.components.seconds) + Double(startup.components.attoseconds) * 1e-18
        var stretch = 1.0
        var committed = 0
        for _ in 0..<200 {
            // Start-up plus 0.03–0.23 s, both stretched: start-up, claims, training and record
            // transactions all get hit, and every run that lives past start-up commits a step or two,
            // so the search moves on.
            let delay = (startupSeconds + 0.03 + Double(generator.next() % 200) / 1000) * stretch
            let outcome = try MetaqnnProcess.run(arguments(killed), in: directory, killAfter: delay)
            if outcome.killed {
                kills += 1
                let rows = (try? ReplayStore(path: killed.path, mode: .readOnly).replayEntries(experiment: experiment).count) ?? 0
                if rows == committed {
                    stretch *= 1.2
                } else if rows - committed > max(2, total / 16) {
                    stretch /= 1.5
                }
                committed = rows
                continue
            }
            #expect(outcome.status == 0, "\(outcome.error)")
            finished = true
            break
        }
        return (kills, finished)
    }

    /// Starts the tiny search on `store` with slower nets (more epochs), sends `signal` once two
    /// nets have been reported, so that it lands mid-search, and waits for the exit; returns the
    /// search's arguments, the ended process and its output.
    static func signalMidSearch(_ signal: Int32, store: URL, in directory: URL) throws -> ([String], Process, String) {
        var arguments = SearchFixtures.arguments(store: store)
        arguments[arguments.firstIndex(of: "--epochs")! + 1] = "6"
        let (process, out, _) = try MetaqnnProcess.start(arguments, in: directory)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, ((try? String(contentsOf: out, encoding: .utf8)) ?? "").components(separatedBy: " → ").count < 3 {
            usleep(5_000)
        }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return (arguments, process, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    @Test("Ctrl-C stops cleanly with exit status 130; the next run finishes the search",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func interrupt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("int.sqlite")
        let (arguments, process, output) = try Self.signalMidSearch(SIGINT, store: store, in: directory)
        #expect(process.terminationStatus == 130, "\(output)")
        #expect(output.contains("run the same command again to resume"))
        let stopped = try SearchFixtures.snapshot(store: store)
        #expect(stopped.problems.isEmpty && (2..<14).contains(stopped.nets.count))
        let resumed = try MetaqnnProcess.run(arguments, in: directory)
        #expect(resumed.status == 0 && resumed.output.contains("Resuming experiment 'tiny'"))
        let finished = try SearchFixtures.snapshot(store: store)
        #expect(finished.nets.count == 14 && finished.leases == 0)
    }

    @Test("SIGTERM and SIGHUP stop like Ctrl-C: status stopped, leases released, exit status 128 + signal",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"),
          arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func terminate(signal: Int32, status: Int32) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("term.sqlite")
        let (_, process, output) = try Self.signalMidSearch(signal, store: store, in: directory)
        #expect(process.terminationReason == .exit && process.terminationStatus == status, "\(output)")
        #expect(output.contains("run the same command again to resume"))
        let reader = try ReplayStore(path: store.path, mode: .readOnly)
        #expect(try reader.experiment(named: "tiny").status == .stopped)
        #expect(try reader.leases(experiment: "tiny").allSatisfy { $0.worker == StoreSearchBackend.released })
        #expect(try SearchFixtures.snapshot(store: store).problems.isEmpty)
    }

    @Test("Two processes on one store never train the same net twice",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func twoProcesses() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("shared.sqlite")
        var arguments = SearchFixtures.arguments(store: store)
        arguments[arguments.firstIndex(of: "--epochs")! + 1] = "3"
        let (a, outA, _) = try MetaqnnProcess.start(arguments, in: directory)
        // The second process joins once the first has created the experiment.
        while ((try? String(contentsOf: outA, encoding: .utf8)) ?? "").isEmpty && a.isRunning { usleep(5_000) }
        let (b, outB, _) = try MetaqnnProcess.start(arguments, in: directory)
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let lines = [outA, outB].flatMap { ((try? String(contentsOf: $0, encoding: .utf8)) ?? "").split(separator: "\n") }
        let trained = lines.filter { $0.contains("] training ") }.map { $0.split(separator: " ")[2...].prefix { $0 != "at" }.joined(separator: " ") }
        #expect(trained.count == 14 && Set(trained).count == 14, "\(trained)")
        let snapshot = try SearchFixtures.snapshot(store: store)
        #expect(snapshot.nets.count == 14 && snapshot.leases == 0 && snapshot.problems.isEmpty)
    }

    @Test("Three processes started at the same moment on a new experiment all work on it",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func simultaneousStarts() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("fresh.sqlite")
        let arguments = SearchFixtures.arguments(store: store)
        let runs = try (0..<3).map { _ in try MetaqnnProcess.start(arguments, in: directory) }
        for (process, _, error) in runs {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\((try? String(contentsOf: error, encoding: .utf8)) ?? "")")
        }
        let snapshot = try SearchFixtures.snapshot(store: store)
        #expect(snapshot.nets.count == 14 && snapshot.leases == 0 && snapshot.problems.isEmpty)
    }

    @Test("A bad --schedule is refused with one sentence naming the step",
          .enabled(if: MetaqnnProcess.executable != nil, "the metaqnn executable is not built; run `swift build` first"))
    func badSchedule() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments = SearchFixtures.arguments(store: directory.appendingPathComponent("bad.sqlite"))
        arguments[arguments.firstIndex(of: "--schedule")! + 1] = "1.0:8,1.5:3"
        let outcome = try MetaqnnProcess.run(arguments, in: directory)
        #expect(outcome.status != 0)
        #expect(outcome.error.contains("Step 2 of the ε schedule has ε = 1.5"), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bad.sqlite").path))
    }
}
