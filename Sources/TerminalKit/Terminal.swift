/// A place the dashboard runs: it reports its size, delivers events and shows canvases.
///
/// The ncurses terminal is the real one; the in-memory terminal runs the same screens for tests
/// and headless runs.
@MainActor
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Unicode or ASCII line drawing, as the codeset and `--ascii` allow.
    var glyphs: Glyphs { get }
    /// The colours and attributes for each style.
    var theme: Theme { get }
    /// Waits up to `timeoutMilliseconds` for the next event; `.tick` when nothing happened.
    func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent
    /// Shows a frame (the ncurses terminal sends only the cells that changed).
    func present(_ canvas: Canvas)
    /// Forgets what is on the physical screen so the next frame is drawn in full (Ctrl-L).
    func invalidate()
}
