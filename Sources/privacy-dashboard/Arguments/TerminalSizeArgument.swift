import ArgumentParser
import TerminalKit

/// A terminal size given as columns x rows (e.g. 100x30), parsed once by TerminalKit's size parser and refused
/// above `Size.maximum`, the most the dashboard draws.
struct TerminalSizeArgument: ExpressibleByArgument {
    /// The size in cells.
    let size: Size

    init(_ size: Size) { self.size = size }

    init?(argument: String) {
        guard let size = Size(parsing: argument), Size.maximum.fits(size) else { return nil }
        self.size = size
    }

    var defaultValueDescription: String { "\(size.width)x\(size.height)" }
}
