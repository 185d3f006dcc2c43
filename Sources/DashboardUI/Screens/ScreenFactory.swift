/// Makes each signed-in screen in its initial state.
@MainActor
enum ScreenFactory {
    /// A fresh screen for an id.
    static func make(_ id: ScreenID) -> any DashboardScreen {
        switch id {
        case .overview: return OverviewScreen()
        case .myData: return MyDataScreen()
        case .preferences: return PreferencesScreen()
        case .requests: return RequestsScreen()
        case .account: return AccountScreen()
        case .policy: return PolicyScreen()
        }
    }
}
