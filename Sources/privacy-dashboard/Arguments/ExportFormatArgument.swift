import ArgumentParser
import PrivacyModel

/// What `export --format` writes: one of the model's portability formats, or the access report.
struct ExportFormatArgument: ExpressibleByArgument {
    /// The export format, or nil for the access report.
    let portability: PortabilityFormat?

    init(_ portability: PortabilityFormat?) { self.portability = portability }

    init?(argument: String) {
        if argument == Self.report {
            portability = nil
        } else if let format = PortabilityFormat(rawValue: argument) {
            portability = format
        } else {
            return nil
        }
    }

    /// Whether the access report is wanted rather than an export.
    var isReport: Bool { portability == nil }

    var defaultValueDescription: String { portability?.rawValue ?? Self.report }

    static var allValueStrings: [String] { PortabilityFormat.allCases.map(\.rawValue) + [report] }

    /// The value that asks for the access report.
    private static let report = "report"
}
