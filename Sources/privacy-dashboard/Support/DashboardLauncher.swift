import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit

/// Opens the full-screen dashboard on the real terminal and always gives the terminal back.
enum DashboardLauncher {
    /// Runs the dashboard (or, with `staff`, the staff sign-in and console) until the person quits; a signal
    /// restores the terminal and exits 128+signal.
    static func run(
        context: PrivacyContext, options: DashboardOptions, demo: [DemoCredential] = [], staff: Bool = false
    ) throws {
        let configuration = try options.configuration(demo: demo)
        let strings = try options.strings()
        let terminalOptions = options.terminalOptions
        let ending = try MainActor.assumeIsolated { () throws -> DashboardRunner.Ending in
            TerminationSignals.install()
            let terminal: NCursesTerminal
            do { terminal = try NCursesTerminal.start(options: terminalOptions) } catch {
                throw CommandFailure(message: String(describing: error), code: ExitStatus.usage)
            }
            defer { terminal.stop() }
            let application: any TerminalApplication =
                staff
                ? StaffDoor(context: context, strings: strings, configuration: configuration)
                : Dashboard(context: context, strings: strings, configuration: configuration)
            return DashboardRunner.run(application, on: terminal)
        }
        if case .closed(let signal?) = ending { exit(128 + signal) }
    }

    /// Whether standard input and output are both terminals.
    static var hasTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }
}
