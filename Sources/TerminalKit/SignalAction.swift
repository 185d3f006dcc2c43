import Glibc

/// Installs a C signal handler without SA_RESTART (so a waiting read returns): the one way TerminalKit
/// catches a signal.
enum SignalAction {
    /// Makes `handler` run on `signalNumber`; it may only touch atomics.
    static func install(_ signalNumber: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signalNumber, &action, nil)
    }
}
