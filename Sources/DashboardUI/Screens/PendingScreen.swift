import TerminalKit

/// Stands in for a screen while it is being built; removed once every screen exists.
struct PendingScreen: DashboardScreen {
    let id: ScreenID
    var contexts: [BindingContext] { [] }
    var hintActions: [Action] { [] }
    mutating func activate(session: Session) {}
    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome { .ignored }
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        canvas.write(session.strings[id.titleKey], x: area.x + 2, y: area.y + 1, style: .title)
    }
}
