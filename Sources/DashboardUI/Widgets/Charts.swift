public import TerminalKit

/// Horizontal bar charts and sparklines drawn with block glyphs (or ASCII), never by colour alone.
public enum Charts {
    /// One bar: its label, its value and the value as text.
    public struct Bar: Sendable {
        /// Label on the left.
        public let label: String
        /// The quantity.
        public let value: Double
        /// The quantity as shown to the right of the bar.
        public let valueText: String

        /// Makes a bar.
        public init(label: String, value: Double, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    /// Draws one bar per row: label, bar scaled to the largest value, value text.
    public static func bars(_ bars: [Bar], into canvas: inout Canvas, area: Rect) {
        guard area.width > 10, area.height > 0 else { return }
        let labelWidth = min(max(bars.map { TextWidth.columns(of: $0.label) }.max() ?? 0, 4), area.width / 3)
        let valueWidth = min(bars.map { TextWidth.columns(of: $0.valueText) }.max() ?? 0, area.width / 4)
        let barWidth = max(1, area.width - labelWidth - valueWidth - 2)
        let largest = bars.map(\.value).max() ?? 0
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            canvas.writePadded(bar.label, x: area.x, y: y, width: labelWidth)
            let fraction = largest > 0 ? max(0, bar.value) / largest : 0
            canvas.write(
                barText(fraction: fraction, width: barWidth, glyphs: canvas.glyphs), x: area.x + labelWidth + 1, y: y,
                width: barWidth, style: .chartBar, ellipsis: false)
            canvas.writePadded(
                bar.valueText, x: area.maxX - valueWidth, y: y, width: valueWidth, style: .muted, alignRight: true)
        }
    }

    /// A bar of `fraction` of `width` columns with an eighth-block end where Unicode is available.
    public static func barText(fraction: Double, width: Int, glyphs: Glyphs) -> String {
        let eighths = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded())
        var text = String(repeating: glyphs.fullBlock, count: eighths / 8)
        let rest = eighths % 8
        if rest > 0 {
            if glyphs.partialBlocks.count >= 7 {
                text.append(glyphs.partialBlocks[rest - 1])
            } else if rest >= 4 {
                text.append(glyphs.fullBlock)
            }
        }
        if text.isEmpty && fraction > 0 { text = String(glyphs.partialBlocks.first ?? glyphs.fullBlock) }
        return text
    }

    /// A sparkline: one glyph per value, its height scaled between zero and the largest value.
    public static func sparkline(_ values: [Double], glyphs: Glyphs) -> String {
        let largest = values.max() ?? 0
        let levels = glyphs.sparkLevels
        return String(
            values.map { value -> Character in
                guard largest > 0, value > 0, let top = levels.indices.last else { return " " }
                let level = Int((value / largest * Double(top)).rounded(.up))
                return levels[min(top, max(0, level))]
            })
    }

    /// A progress gauge such as "████▌     42 %".
    public static func gauge(fraction: Double, width: Int, glyphs: Glyphs) -> String {
        let percent = Int((min(1, max(0, fraction)) * 100).rounded(.down))
        let label = " \(percent) %"
        let barWidth = max(1, width - label.count)
        let bar = barText(fraction: fraction, width: barWidth, glyphs: glyphs)
        let padding = String(repeating: " ", count: max(0, barWidth - TextWidth.columns(of: bar)))
        return bar + padding + label
    }
}
