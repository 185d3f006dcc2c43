import Dispatch
import Foundation
import Glibc
import PrivacyModel

/// A right carried out on its own thread in steps (an export, an erasure, an objection, a restriction), so the
/// dashboard draws a frame (a gauge, or "working") between steps.
///
/// Exports report progress and can be stopped; an erasure, objection or restriction runs without either,
/// and each step only waits a moment for it, so the screen keeps being drawn however long it takes.
///
/// An export reports progress after every batch of rows; there the worker waits until `step` lets it go
/// on, so each `performPendingWork` runs one batch and returns with the latest progress. While the
/// archive is packed it waits only every `packingPause` seconds. `cancel` makes the next check of the
/// exporter stop it (it then leaves nothing behind). Work nobody steps for `abandonAfter` seconds
/// cancels itself, so a closed wizard never leaves a half-written export waiting forever.
final class SteppedWork: @unchecked Sendable {
    /// Where the work stands after a step.
    enum State {
        /// Still running; the latest progress, if any was reported yet.
        case running(ExportProgress?)
        /// Done: what was carried out, or why it failed (a failed export leaves nothing behind).
        case finished(Result<FulfilmentOutcome, any Error>)
    }

    /// The work and the request's completion, given the progress and cancellation hooks.
    typealias Work =
        @Sendable (_ progress: (ExportProgress) -> Void, _ isCancelled: () -> Bool) throws
        -> FulfilmentOutcome

    /// The longest a step waits for the worker before a frame is drawn anyway.
    static let stepWait: TimeInterval = 1
    /// While packing, the worker pauses for a frame at most this often.
    static let packingPause: Double = 0.1
    /// A worker left waiting this long cancels its export.
    static let abandonAfter: TimeInterval = 120

    private let condition = NSCondition()
    private let work: Work
    private var started = false
    private var paused = false
    private var cancelled = false
    private var latest: ExportProgress?
    private var result: Result<FulfilmentOutcome, any Error>?
    private var resumedAt: UInt64 = 0

    /// Work that runs `work` once the first step starts it.
    init(work: @escaping Work) { self.work = work }

    /// The progress last reported.
    var progress: ExportProgress? {
        condition.lock()
        defer { condition.unlock() }
        return latest
    }

    /// Whether Esc asked the work to stop.
    var isCancelling: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Lets the worker run to its next pause (or the end) and says where it stands.
    func step() -> State {
        condition.lock()
        defer { condition.unlock() }
        if result == nil {
            if !started {
                started = true
                Self.running.add(self)
                let thread = Thread { [self] in run() }
                thread.stackSize = 1 << 21
                thread.start()
            }
            paused = false
            resumedAt = DispatchTime.now().uptimeNanoseconds
            condition.broadcast()
            let deadline = Date().addingTimeInterval(Self.stepWait)
            while result == nil && !paused {
                if !condition.wait(until: deadline) { break }
            }
        }
        if let result { return .finished(result) }
        return .running(latest)
    }

    /// Asks the work to stop at its next check.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        let outcome = Result { try work(report, isCancelled) }
        condition.lock()
        result = outcome
        condition.broadcast()
        condition.unlock()
        Self.running.remove(self)
    }

    /// Stops the work and waits (at most `timeout` seconds) until it has removed what it wrote.
    func cancelAndWait(timeout: TimeInterval) {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        paused = false
        condition.broadcast()
        let deadline = Date().addingTimeInterval(timeout)
        while started && result == nil {
            if !condition.wait(until: deadline) { break }
        }
    }

    /// The work whose worker thread is still running, so leaving the program stops it first.
    private static let running = RunningWork()
}

/// The stepped work still running. When the program exits (quit, a closed terminal, a signal the dashboard
/// turned into an ending) each is stopped and waited for, so no half-written export or report stays behind.
private final class RunningWork: @unchecked Sendable {
    private let lock = NSLock()
    private var works: [ObjectIdentifier: SteppedWork] = [:]
    private var hookInstalled = false

    func add(_ work: SteppedWork) {
        lock.lock()
        works[ObjectIdentifier(work)] = work
        let install = !hookInstalled
        hookInstalled = true
        lock.unlock()
        if install { atexit { RunningWork.stopAll() } }
    }

    func remove(_ work: SteppedWork) {
        lock.lock()
        works[ObjectIdentifier(work)] = nil
        lock.unlock()
    }

    func all() -> [SteppedWork] {
        lock.lock()
        defer { lock.unlock() }
        return Array(works.values)
    }

    /// Called at exit: stops all work still running and waits for each to clean up.
    static func stopAll() {
        for work in SteppedWork.runningWork() { work.cancelAndWait(timeout: 10) }
    }
}

extension SteppedWork {
    /// The work still running.
    fileprivate static func runningWork() -> [SteppedWork] { running.all() }

    private func isCancelled() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Called by the exporter after a batch: records the progress and waits for the next step.
    private func report(_ progress: ExportProgress) {
        condition.lock()
        defer { condition.unlock() }
        latest = progress
        guard !cancelled, progress.phase != .finished else { return }
        if progress.phase == .packing {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- resumedAt) / 1e9
            if elapsed < Self.packingPause { return }
        }
        paused = true
        condition.broadcast()
        let deadline = Date().addingTimeInterval(Self.abandonAfter)
        while paused && !cancelled {
            if !condition.wait(until: deadline) { cancelled = true }
        }
    }
}
