import PrivacyModel

/// The one-line progress gauge an export shows on stderr (only when stderr is a terminal).
struct ExportProgressLine {
    private var lastShown = ""

    /// Shows `progress` when its text changed since the last call.
    mutating func show(_ progress: ExportProgress) {
        let percent = Int((progress.fraction * 100).rounded(.down))
        let text: String
        switch progress.phase {
        case .writing:
            let category = progress.category.isEmpty ? "" : " \(progress.category)"
            text =
                "Exporting\(category): \(Formatting.count(progress.rowsDone)) of "
                + "\(Formatting.count(progress.rowsTotal)) records (\(percent)%)"
        case .packing:
            text = "Packing the archive: \(percent)%"
        case .finished:
            text = "Done: \(Formatting.count(progress.rowsDone)) records"
        }
        guard text != lastShown else { return }
        lastShown = text
        Console.progress(text)
    }

    /// Ends the line if anything was shown.
    func end() {
        if !lastShown.isEmpty { Console.endProgress() }
    }
}
