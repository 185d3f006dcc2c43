import CNCursesW
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private let windowChanged = Atomic<Bool>(false)

/// Catches SIGWINCH in place of ncurses, so a new window size is cut to `Size.maximum` before ncurses
/// allocates anything for it (a client can claim 65535×65535).
enum WindowSizeSignal {
    /// Installs the handler; call it before `newterm`, which then leaves SIGWINCH to us.
    static func install() {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in windowChanged.store(true, ordering: .relaxed) }
        #else
            action.__sigaction_u.__sa_handler = { _ in windowChanged.store(true, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, nil)
    }

    /// Whether the window changed since the last call (and clears the mark).
    static func takeChange() -> Bool { windowChanged.exchange(false, ordering: .relaxed) }

    /// The size the terminal on standard output reports, cut to `Size.maximum`; nil when it reports none.
    static func current() -> Size? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard pd_window_size(1, &rows, &columns) == 0, rows > 0, columns > 0 else { return nil }
        return Size(width: Int(columns), height: Int(rows)).clamped()
    }
}
