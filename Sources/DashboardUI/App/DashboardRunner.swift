public import TerminalKit

/// Drives a dashboard (the subscriber's or the staff console) on a terminal: render, present, wait for an event,
/// handle it, until it ends.
@MainActor
public enum DashboardRunner {
    /// How the run ended.
    public enum Ending: Sendable, Equatable {
        /// The person quit.
        case quit
        /// Input closed or a signal arrived (the signal number, if any).
        case closed(signal: Int32?)
    }

    /// Runs until quit or until the terminal closes; each event is fully handled before the next.
    public static func run(
        _ dashboard: any TerminalApplication, on terminal: any Terminal, tickMilliseconds: Int = 1000
    ) -> Ending {
        while true {
            if dashboard.wantsFullRedraw {
                terminal.invalidate()
                dashboard.wantsFullRedraw = false
            }
            terminal.present(dashboard.render(size: terminal.size, glyphs: terminal.glyphs))
            if dashboard.hasPendingWork {
                dashboard.performPendingWork()
                // Work that runs in steps (an export, an erasure) still waits: read a key typed meanwhile (Esc stops it).
                if dashboard.hasPendingWork {
                    let event = terminal.nextEvent(timeoutMilliseconds: 0)
                    if case .closed(let signal) = event { return .closed(signal: signal) }
                    if event == .tick { dashboard.inputPaused() } else { dashboard.handle(event) }
                    if dashboard.isFinished { return .quit }
                }
                continue
            }
            // Nothing waiting before the wait means a burst of keys (a paste) is over.
            var event = terminal.nextEvent(timeoutMilliseconds: 0)
            if event == .tick {
                dashboard.inputPaused()
                event = terminal.nextEvent(timeoutMilliseconds: tickMilliseconds)
            }
            if case .closed(let signal) = event { return .closed(signal: signal) }
            dashboard.handle(event)
            if dashboard.isFinished { return .quit }
            if let ending = handleWaitingInput(dashboard, on: terminal) { return ending }
        }
    }

    /// The longest the keys already waiting (a paste) are handled before the next frame is shown.
    static let inputBudget = Duration.milliseconds(50)

    /// Handles the events already waiting, without a frame between them, for at most `inputBudget`:
    /// a paste costs one frame per budget instead of one per character.
    private static func handleWaitingInput(_ dashboard: any TerminalApplication, on terminal: any Terminal) -> Ending? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: inputBudget)
        while !dashboard.hasPendingWork, clock.now < deadline {
            let event = terminal.nextEvent(timeoutMilliseconds: 0)
            if event == .tick {
                dashboard.inputPaused()
                return nil
            }
            if case .closed(let signal) = event { return .closed(signal: signal) }
            dashboard.handle(event)
            if dashboard.isFinished { return .quit }
        }
        return nil
    }

    /// Feeds every event, then returns the final frame: the headless `screen` command and tests.
    ///
    /// As on a real terminal, events that are already waiting are handled without a frame between them.
    public static func runHeadless(_ dashboard: any TerminalApplication, terminal: InMemoryTerminal) -> Canvas {
        dashboard.handle(.resize(terminal.size))
        while !dashboard.isFinished {
            if !terminal.hasPendingEvents {
                dashboard.inputPaused()
                terminal.present(dashboard.render(size: terminal.size, glyphs: terminal.glyphs))
            }
            let event = terminal.nextEvent(timeoutMilliseconds: 0)
            if case .closed = event { break }
            dashboard.handle(event)
            // Work that runs in steps (an export, an erasure) runs to its end before the next key, one frame per step.
            while dashboard.hasPendingWork {
                terminal.present(dashboard.render(size: terminal.size, glyphs: terminal.glyphs))
                dashboard.performPendingWork()
            }
            if dashboard.wantsFullRedraw {
                terminal.invalidate()
                dashboard.wantsFullRedraw = false
            }
        }
        let frame = dashboard.render(size: terminal.size, glyphs: terminal.glyphs)
        terminal.present(frame)
        return frame
    }
}
