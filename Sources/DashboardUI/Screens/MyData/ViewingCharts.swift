import Foundation
import PrivacyModel
import TerminalKit

/// Draws the viewing charts: time per channel as bars and events per week as a sparkline with its range.
enum ViewingCharts {
    /// Weeks the charts cover.
    static let weeks = 26
    /// Channels given a bar of their own.
    static let topChannels = 8

    /// Rows the charts need to show every part (bars for the top channels, the sparkline and its labels).
    static func rowsWanted(_ statistics: ViewingStatistics?) -> Int {
        let bars = min(topChannels, statistics?.channels.count ?? 0)
        return 1 + max(1, bars) + 1 + 1 + 1 + 1 + 1
    }

    /// Seconds as hours:minutes ("1,234:05"), short enough for a bar's value column.
    static func clock(_ seconds: Int, formats: Formats) -> String {
        let minutes = max(0, seconds) / 60
        let rest = minutes % 60
        return formats.number(minutes / 60) + ":" + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    /// Draws the charts into `area`; rows that do not fit are left out from the bottom of the bar list first.
    static func render(
        _ statistics: ViewingStatistics?, into canvas: inout Canvas, area: Rect, strings: Strings, formats: Formats
    ) {
        guard area.width > 12, area.height > 0 else { return }
        guard let statistics else {
            canvas.write(strings["mydata.charts.unavailable"], x: area.x, y: area.y, width: area.width, style: .muted)
            return
        }
        let range = strings(
            "mydata.charts.range",
            ["from": formats.date(statistics.start), "to": formats.date(statistics.end)])
        // The sparkline block needs 4 rows (blank, heading, line, labels); bars get the rest.
        let sparkRows = min(4, max(0, area.height - 2))
        let barArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - sparkRows)
        var y = area.y
        canvas.write(
            strings("mydata.charts.channels", ["weeks": formats.number(weeks)]), x: area.x, y: y, width: area.width,
            style: .heading)
        y += 1
        if statistics.channels.isEmpty {
            if y < barArea.maxY {
                canvas.write(strings["mydata.charts.noViewing"], x: area.x, y: y, width: area.width, style: .muted)
                y += 1
            }
        } else {
            let room = max(0, barArea.maxY - y)
            let others = statistics.channels.count > topChannels ? 1 : 0
            let shown = min(topChannels, statistics.channels.count, max(0, room - (room > topChannels ? others : 0)))
            let bars = statistics.channels.prefix(shown).map {
                Charts.Bar(
                    label: $0.channel, value: Double($0.seconds), valueText: clock($0.seconds, formats: formats))
            }
            Charts.bars(bars, into: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: shown))
            y += shown
            let rest = statistics.channels.dropFirst(shown)
            if !rest.isEmpty, y < barArea.maxY {
                let seconds = rest.reduce(0) { $0 + $1.seconds }
                canvas.write(
                    strings.plural(
                        "mydata.charts.otherChannels", count: rest.count,
                        ["time": clock(seconds, formats: formats)]), x: area.x, y: y, width: area.width,
                    style: .muted)
                y += 1
            }
        }
        guard sparkRows >= 3 else { return }
        // One blank row after the bars; the bar area left room for the sparkline block below.
        y += 1
        guard y + 1 < area.maxY else { return }
        canvas.write(
            strings("mydata.charts.weekly", ["range": range]), x: area.x, y: y, width: area.width, style: .heading)
        y += 1
        let values = statistics.weeks.map { Double($0.events) }
        let line = Charts.sparkline(Array(values.suffix(max(1, area.width))), glyphs: canvas.glyphs)
        canvas.write(line, x: area.x, y: y, width: area.width, style: .chartLine, ellipsis: false)
        y += 1
        guard y < area.maxY else { return }
        let busiest = statistics.weeks.map(\.events).max() ?? 0
        canvas.write(
            strings(
                "mydata.charts.weeklyLegend",
                ["total": formats.number(statistics.totalEvents), "busiest": formats.number(busiest)]), x: area.x,
            y: y, width: area.width, style: .muted)
    }
}
