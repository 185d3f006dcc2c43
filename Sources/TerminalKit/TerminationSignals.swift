import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private let receivedSignal = Atomic<Int32>(0)

/// Catches SIGINT, SIGTERM and SIGHUP so the program can restore the terminal and stop between changes.
public enum TerminationSignals {
    /// Installs the handlers (without SA_RESTART, so a waiting read returns) and ignores SIGPIPE.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = { number in receivedSignal.store(number, ordering: .relaxed) }
            #else
                action.__sigaction_u.__sa_handler = { number in receivedSignal.store(number, ordering: .relaxed) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// The signal that arrived, if any.
    public static var received: Int32? {
        let value = receivedSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
