import Dispatch
import Foundation

/// Stops a search cleanly on SIGINT (Ctrl-C), SIGTERM (`kill`, a job scheduler) or SIGHUP (the
/// terminal closed): the first one asks the search to stop after recording what has finished;
/// a second one ends the process at once (still safe: every step commits whole or not at all).
final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    private var first: Int32?

    /// Installs the handlers; `stop` is called once, on the first signal.
    init(stop: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number, SIG_IGN)
            // Started under `nohup` (SIGHUP ignored): a closed terminal must not stop it either.
            if number == SIGHUP, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number, stop: stop) }
            source.resume()
            sources.append(source)
        }
    }

    /// The conventional status of a process stopped by the signal: 128 + its number (130 for
    /// Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
    var exitStatus: Int32 { 128 + (lock.withLock { first } ?? SIGINT) }

    /// Stops listening.
    func cancel() { sources.forEach { $0.cancel() } }

    private func received(_ number: Int32, stop: @Sendable () -> Void) {
        let isFirst = lock.withLock {
            defer { first = first ?? number }
            return first == nil
        }
        guard isFirst else { Foundation.exit(128 + number) }
        let name = number == SIGINT ? "Ctrl-C" : number == SIGTERM ? "SIGTERM" : "SIGHUP"
        FileHandle.standardError.write(Data("\n\(name): stopping after recording what has finished (another Ctrl-C or signal quits now)…\n".utf8))
        stop()
    }
}
