import Dispatch
import Foundation
import PrivacyModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A right carried out on its own thread in steps, so the dashboard draws a frame (the gauge) between batches.
///
/// Exports report progress and can be stopped; an erasure, objection or restriction runs without either,
/// and each step only waits a moment for it, so the screen keeps being drawn however long it takes.
///
/// The export reports progress after every batch of rows; there the worker waits until `step` lets it go
/// on, so each `performPendingWork` runs one batch and returns with the latest progress. While the
/// archive is packed it waits only every `packingPause` seconds. `cancel` makes the next check of the
/// exporter stop it (it then leaves nothing behind). A job nobody steps for `abandonAfter` seconds
/// cancels itself, so a closed wizard never leaves a half-written export waiting forever.
final class ExportJob: @unchecked Sendable {
    /// Where the job stands after a step.
    enum State {
        /// Still exporting; the latest progress, if any was reported yet.
        case running(ExportProgress?)
        /// Done: what was carried out, or why it failed (an export leaves nothing behind).
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

    /// A job that runs `work` once the first step starts it.
    init(work: @escaping Work) { self.work = work }

    /// The progress last reported.
    var progress: ExportProgress? {
        condition.lock()
        defer { condition.unlock() }
        return latest
    }

    /// Whether Esc asked the export to stop.
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

    /// Asks the export to stop at its next check.
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

    /// Stops the export and waits (at most `timeout` seconds) until it has removed what it wrote.
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

    /// The jobs whose worker is still running, so leaving the program stops them first.
    private static let running = RunningJobs()
}

/// The export jobs still running. When the program exits (quit, a closed terminal, a signal the dashboard
/// turned into an ending) each is stopped and waited for, so no half-written export or report stays behind.
private final class RunningJobs: @unchecked Sendable {
    private let lock = NSLock()
    private var jobs: [ObjectIdentifier: ExportJob] = [:]
    private var hookInstalled = false

    func add(_ job: ExportJob) {
        lock.lock()
        jobs[ObjectIdentifier(job)] = job
        let install = !hookInstalled
        hookInstalled = true
        lock.unlock()
        if install { atexit { RunningJobs.stopAll() } }
    }

    func remove(_ job: ExportJob) {
        lock.lock()
        jobs[ObjectIdentifier(job)] = nil
        lock.unlock()
    }

    func all() -> [ExportJob] {
        lock.lock()
        defer { lock.unlock() }
        return Array(jobs.values)
    }

    /// Called at exit: stops every running export and waits for each to clean up.
    static func stopAll() {
        for job in ExportJob.runningJobs() { job.cancelAndWait(timeout: 10) }
    }
}

extension ExportJob {
    /// The jobs still running.
    fileprivate static func runningJobs() -> [ExportJob] { running.all() }

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
