/// Lays out rows as an aligned plain-text table, measuring by display columns so CJK text lines up.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []
    /// The widest any one column may grow before it is cut with "…".
    var maxColumnWidth = 48

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row.map(SafeText.clean)) }

    func render() -> String {
        var widths = headers.map(SafeText.width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = min(maxColumnWidth, max(widths[index], SafeText.width(cell)))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let text = SafeText.truncate(cell, to: widths[index])
                let pad = index == cells.count - 1 ? 0 : widths[index] - SafeText.width(text)
                return text + String(repeating: " ", count: max(0, pad))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
