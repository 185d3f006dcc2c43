/// Makes each signed-in screen in its initial state.
@MainActor
enum ScreenFactory {
    /// A fresh screen for an id.
    static func make(_ id: ScreenID) -> any DashboardScreen {
        switch id {
        case .overview: return PendingScreen(id: id)
        case .myData: return PendingScreen(id: id)
        case .preferences: return PendingScreen(id: id)
        case .requests: return PendingScreen(id: id)
        case .account: return PendingScreen(id: id)
        case .policy: return PendingScreen(id: id)
        }
    }
}
