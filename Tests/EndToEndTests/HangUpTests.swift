import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A session whose terminal goes away ends at once, whatever the dashboard is doing.
@Suite(
    "End to end: hang-up ends the session", .serialized,
    .enabled(if: EndToEnd.isEnabled, "PRIVACY_E2E=0 skips the end-to-end tests"))
struct HangUpTests {
    let subscriber = EndToEnd.english

    /// How long a signalled dashboard may take to end, watched in /proc. The promise is a second (a watchdog ends
    /// the process 0.7 s after the signal); the bound leaves room for a loaded two-core CI machine and still fails
    /// the old behaviour (a render of minutes that ignored the signal).
    static let bound: TimeInterval = 5

    /// Sends `signal` to the dashboard and returns its exit status and the seconds the process took to end.
    ///
    /// The time is the process's own (gone or a zombie in /proc, or the moment its shell reaped it), not when tmux
    /// shows the exit marker: tmux may still be drawing megabytes the process wrote before it ended.
    private func signalAndWait(_ run: DashboardInTmux, _ signal: Int32) async throws -> (Int32, TimeInterval) {
        let pid = try run.tmux.programPID()
        let start = Date()
        #expect(kill(pid, signal) == 0)
        try await EndToEnd.poll(timeout: 90, "process \(pid) to end") { Self.hasEnded(pid) }
        let polled = Date().timeIntervalSince(start)
        let status = try await run.tmux.waitForExit(timeout: 90)
        // The shell's own record of the end, when readable: this process's polling can lag on a busy machine.
        let ended = try run.tmux.exitTime().map { $0 - start.timeIntervalSince1970 }
        return (status, min(polled, ended ?? polled))
    }

    /// Whether `pid` has ended: no longer in /proc, or a zombie (state Z) waiting for its parent.
    private static func hasEnded(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { return true }
        return stat[close.upperBound...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test("SIGHUP while a megabyte of stored control characters is being drawn ends the process within a second")
    func hangUpMidRender() async throws {
        let run = try await DashboardInTmux(width: 160, height: 50)
        defer { run.cleanUp() }
        var note = String.UnicodeScalarView()
        let pool = Array(0x01...0x1F) + [0x7F] + Array(0x80...0x9F) + [0x61]
        for index in 0..<1_000_000 { note.append(Unicode.Scalar(UInt32(pool[index % pool.count])) ?? "?") }
        let details = String(decoding: try JSONEncoder().encode(["note": String(note)]), as: UTF8.self)
        // The dashboard already has the store open and may be writing (sign-in screen housekeeping): wait for it.
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        try await DatabaseQueue(path: run.store, configuration: configuration).write { db in
            try db.execute(
                sql: """
                    UPDATE rights_request SET details = ?
                    WHERE accountId = (SELECT id FROM account WHERE username = ?)
                    """, arguments: [details, subscriber.username])
        }
        try await run.tmux.signIn(subscriber, password: run.password)
        _ = try await run.tmux.waitFor(subscriber.email)
        try run.tmux.press("4")
        try run.tmux.press("Enter")
        let (status, seconds) = try await signalAndWait(run, SIGHUP)
        #expect(status == 128 + SIGHUP)
        #expect(seconds < Self.bound, "ended after \(seconds) s")
    }

    @Test("SIGTERM with the help overlay open ends the process within a second")
    func terminateInOverlay() async throws {
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        try await run.tmux.signIn(subscriber, password: run.password)
        _ = try await run.tmux.waitFor(subscriber.email)
        try run.tmux.press("F1")
        let (status, seconds) = try await signalAndWait(run, SIGTERM)
        #expect(status == 128 + SIGTERM)
        #expect(seconds < Self.bound, "ended after \(seconds) s")
    }
}
