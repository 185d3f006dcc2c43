import ArgumentParser
import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit

/// `screen`: runs the dashboard on an in-memory terminal, feeds keys and prints the final screen.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Run the dashboard headless: feed keys, print the final screen.",
        discussion: """
            Keys are literal text plus names in angle brackets: <Tab> <S-Tab> <Enter> <Esc> <BS> <Del> <Up> \
            <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <Space> <F1>…<F12> <C-l> <lt> <Tick> \
            <Resize:80x24>. Example: --keys 'lena.mueller<Tab>demo-privacy-2026<Enter>2'. \
            Support staff use it to see what a subscriber sees; tests and benchmarks use it too.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var dashboardOptions: DashboardOptions
    @Option(
        help: ArgumentHelp(
            "Terminal size, columns x rows, at most \(Size.maximum.width)x\(Size.maximum.height).", valueName: "WxH"))
    var size = TerminalSizeArgument(Size(width: 100, height: 30))
    @Option(help: ArgumentHelp("The keys to feed, see above.", valueName: "keys")) var keys = ""
    @Flag(help: "Print colours and attributes as ANSI escape sequences.") var ansi = false
    @Flag(help: "Run the staff sign-in and console instead of the subscribers' dashboard.") var staff = false
    @Flag(help: "Print each event's handling and rendering time in milliseconds on stderr.") var timings = false

    func run() throws {
        let terminalSize = size.size
        let events: [TerminalEvent]
        do { events = try KeyNotation.parse(keys) } catch { throw CommandFailure.usage(error.description) }
        let configuration = try dashboardOptions.configuration()
        let strings = try dashboardOptions.strings()
        let context = try storeOptions.open(mode: .existing, channel: "dashboard")
        let options = dashboardOptions.terminalOptions
        let showTimings = timings
        let staffDoor = staff
        let output = MainActor.assumeIsolated { () -> String in
            let glyphs: Glyphs = options.ascii ? .ascii(asciiText: false) : .unicode
            let theme = Theme(kind: options.noColor ? .monochrome : .color256)
            let terminal = InMemoryTerminal(size: terminalSize, events: events, glyphs: glyphs, theme: theme)
            let dashboard: any TerminalApplication =
                staffDoor
                ? StaffDoor(context: context, strings: strings, configuration: configuration)
                : Dashboard(context: context, strings: strings, configuration: configuration)
            let frame: Canvas
            if showTimings {
                frame = Self.timedRun(dashboard, terminal: terminal, events: events)
            } else {
                frame = DashboardRunner.runHeadless(dashboard, terminal: terminal)
            }
            return ansi ? ANSIRenderer.render(frame, theme: theme) : frame.plainText + "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Runs event by event, timing each handle+render, and reports on stderr.
    @MainActor
    private static func timedRun(
        _ dashboard: any TerminalApplication, terminal: InMemoryTerminal, events: [TerminalEvent]
    ) -> Canvas {
        dashboard.handle(.resize(terminal.size))
        var frame = dashboard.render(size: terminal.size, glyphs: terminal.glyphs)
        for (index, event) in events.enumerated() {
            let started = DispatchTime.now().uptimeNanoseconds
            dashboard.handle(event)
            if dashboard.hasPendingWork { dashboard.performPendingWork() }
            frame = dashboard.render(size: terminal.size, glyphs: terminal.glyphs)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            FileHandle.standardError.write(Data("event \(index) \(event) \(String(format: "%.3f", elapsed)) ms\n".utf8))
            if dashboard.isFinished { break }
        }
        return frame
    }
}
