import Foundation
import Synchronization

/// The number of the signal (SIGINT, SIGTERM, SIGHUP) that asked a long task to stop, or 0; set from a handler.
private let receivedSignal = Atomic<Int32>(0)

/// Turns termination signals into a flag a long task polls, so it can stop cleanly and leave no partial output.
enum SignalFlag {
    /// The signals that stop a task.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers; until `restore`, these signals only set the flag.
    ///
    /// The signals are also unblocked: a parent may spawn the program with them blocked (some test
    /// runners and process launchers do), and a blocked signal would never reach the handler.
    static func install() {
        receivedSignal.store(0, ordering: .relaxed)
        for number in signals {
            signal(number) { number in receivedSignal.store(number, ordering: .relaxed) }
        }
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Puts the default handlers back.
    static func restore() {
        for number in signals { signal(number, SIG_DFL) }
    }

    /// The signal received since `install`, or nil.
    static var received: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
