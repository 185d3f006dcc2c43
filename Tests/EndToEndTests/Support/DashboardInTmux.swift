import Foundation
import TestSupport

/// One test's fixture: a folder, a copy of the seeded demo store, and a tmux session on it.
final class DashboardInTmux {
    let folder: URL
    let store: String
    let binary: String
    let password: String
    let tmux: TmuxSession

    /// The dashboard on a fresh demo store, in a `width`×`height` tmux window.
    convenience init(width: Int = 100, height: Int = 30) async throws {
        try await self.init(width: width, height: height) { binary, store in [binary, "--store", store] }
    }

    /// A tmux window running `command(binary, store)` on a fresh demo store.
    init(
        width: Int = 100, height: Int = 30, environment: [String: String] = [:], reportsExit: Bool = true,
        command: (String, String) -> [String]
    ) async throws {
        folder = try EndToEnd.temporaryFolder("pd-e2e")
        do {
            binary = try EndToEnd.binary()
            store = folder.appendingPathComponent("store.sqlite").path
            try await DemoStoreTemplate.copyDetached(to: store)
            password = EndToEnd.demoPassword
            let paneEnvironment = [
                "PRIVACY_DASHBOARD_IDLE_MINUTES": "5", "XDG_DATA_HOME": folder.appendingPathComponent("xdg").path,
                // Reports and exports the dashboard writes stay in the test's folder, never in the runner's home.
                "HOME": folder.path,
            ].merging(environment) { $1 }
            tmux = try TmuxSession(
                folder: folder, width: width, height: height, environment: paneEnvironment, reportsExit: reportsExit,
                command: command(binary, store))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// The command that opens the dashboard on this store again.
    var dashboardCommand: [String] { [binary, "--store", store] }

    /// Ends tmux (and the dashboard with it) and removes the folder.
    func cleanUp() {
        tmux.kill()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Quits with `q` and expects a clean exit.
    func quit() async throws -> Int32 {
        try tmux.press("q")
        return try await tmux.waitForExit()
    }
}
