import ArgumentParser
import TerminalKit

/// A terminal size given as columns x rows (e.g. 100x30), parsed once by TerminalKit's size parser.
struct TerminalSizeArgument: ExpressibleByArgument {
    /// The size in cells.
    let size: Size

    init(_ size: Size) { self.size = size }

    init?(argument: String) {
        guard let size = Size(parsing: argument) else { return nil }
        self.size = size
    }

    var defaultValueDescription: String { "\(size.width)x\(size.height)" }
}
