import Dispatch
import Glibc
import Synchronization

private let receivedSignal = Atomic<Int32>(0)

/// Catches SIGINT, SIGTERM and SIGHUP so the program can restore the terminal and stop between changes.
///
/// The main loop ends at its next event; should it be busy (a long render, an export or erasure step), a
/// watchdog ends the process `grace` after the signal anyway, so a hung-up session never lingers. SQLite's
/// transactions make that safe: an unfinished change is rolled back, never half applied.
public enum TerminationSignals {
    /// How long the main loop has to end by itself after a signal before the watchdog ends the process.
    public static let grace = Duration.milliseconds(700)

    /// Installs the handlers (without SA_RESTART, so a waiting read returns), ignores SIGPIPE and starts the
    /// watchdog.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            SignalAction.install(signalNumber) { number in receivedSignal.store(number, ordering: .relaxed) }
        }
        signal(SIGPIPE, SIG_IGN)
        startWatchdog()
    }

    private static let watchdogStarted = Atomic<Bool>(false)

    private static func startWatchdog() {
        guard !watchdogStarted.exchange(true, ordering: .relaxed) else { return }
        DispatchQueue.global(qos: .userInitiated).async {
            let clock = ContinuousClock()
            while receivedSignal.load(ordering: .relaxed) == 0 { usleep(50_000) }
            let deadline = clock.now.advanced(by: grace)
            while clock.now < deadline { usleep(50_000) }
            _exit(128 + receivedSignal.load(ordering: .relaxed))
        }
    }

    /// The signal that arrived, if any.
    public static var received: Int32? {
        let value = receivedSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
