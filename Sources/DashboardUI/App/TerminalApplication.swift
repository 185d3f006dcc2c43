public import TerminalKit

/// What `DashboardRunner` runs: the subscriber's dashboard or the staff console, each a state machine that takes
/// terminal events and renders canvases, so the ncurses loop, the headless `screen` command and tests drive both.
@MainActor
public protocol TerminalApplication: AnyObject {
    /// Set when the application wants to end.
    var isFinished: Bool { get }
    /// Set when the physical screen should be repainted in full; the runner clears it.
    var wantsFullRedraw: Bool { get set }
    /// Whether work waits to run once the current frame is shown.
    var hasPendingWork: Bool { get }
    /// Handles one event from the terminal.
    func handle(_ event: TerminalEvent)
    /// Draws the current state into a fresh canvas.
    func render(size: Size, glyphs: Glyphs) -> Canvas
    /// Runs the waiting work.
    func performPendingWork()
    /// Tells that no input is waiting: a burst of keys (a paste) is over.
    func inputPaused()
}

extension TerminalApplication {
    /// Applications that do not bound bursts of keys have nothing to do when input pauses.
    public func inputPaused() {}
}

extension Dashboard: TerminalApplication {}
