import CNCursesW
import Glibc
import Synchronization

private let windowChanged = Atomic<Bool>(false)

/// Catches SIGWINCH in place of ncurses, so a new window size is cut to `Size.maximum` before ncurses
/// allocates anything for it (a client can claim 65535×65535).
enum WindowSizeSignal {
    /// Installs the handler; call it before `newterm`, which then leaves SIGWINCH to us.
    static func install() {
        SignalAction.install(SIGWINCH) { _ in windowChanged.store(true, ordering: .relaxed) }
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
