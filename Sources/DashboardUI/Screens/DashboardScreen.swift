public import PrivacyModel
public import TerminalKit

/// The screens of a signed-in session, in tab order; 1–7 jump to them.
public enum ScreenID: String, Sendable, CaseIterable {
    /// Counts, open requests, preferences, alerts.
    case overview
    /// Categories, their purposes and the records.
    case myData
    /// Toggles and consent history.
    case preferences
    /// Rights requests and the wizard.
    case requests
    /// Profile, password, sign out, deletion.
    case account
    /// The policy in our words.
    case policy

    /// The strings key of the tab title.
    public var titleKey: String { "tab.\(rawValue)" }
}

/// A key as a screen receives it: the raw key and the action the binding table gave it, if any.
public struct ScreenInput: Sendable {
    /// The key pressed.
    public let key: Key
    /// The bound action in the screen's contexts, or nil (e.g. text typed into a field).
    public let action: Action?
    /// The screen's area in the current layout, so paging knows how many rows are visible.
    public let area: Rect
    /// The glyphs the screen is drawn with, so text measured for scrolling matches the text drawn.
    public let glyphs: Glyphs

    /// Makes an input.
    public init(key: Key, action: Action?, area: Rect, glyphs: Glyphs = .unicode) {
        self.key = key
        self.action = action
        self.area = area
        self.glyphs = glyphs
    }
}

/// What a screen wants after handling a key.
public enum ScreenOutcome: Sendable, Equatable {
    /// The key was used.
    case handled
    /// The key means nothing here; the dashboard applies its global meaning.
    case ignored
    /// Switch to another screen.
    case show(ScreenID)
    /// Switch to another screen and select an item there (a category id, a request reference).
    case reveal(ScreenID, item: String)
    /// End the session (sign out, or the account was deleted), with a message for the sign-in screen.
    case signOut(message: String)
    /// Start a session for this account (the sign-in screen, once the password is checked), telling of the
    /// failed attempts since the previous sign-in.
    case signIn(Account, failures: FailedSignIns?)
}

/// What the dashboard asks of any screen, signed in or not, so one path handles keys, hints and deferred work.
@MainActor
public protocol Screen {
    /// Binding contexts this screen uses, most specific first (global is always added).
    var contexts: [BindingContext] { get }
    /// Actions to offer in the bottom bar, most important first.
    var hintActions: [Action] { get }
    /// Whether a text field has focus, so printable keys are text rather than commands.
    var capturesText: Bool { get }
    /// Whether leaving now would lose typed input (quit asks first).
    var hasUnsavedInput: Bool { get }
    /// Whether slow work (a password check) waits to run once the frame saying so is on screen.
    var hasPendingWork: Bool { get }
    /// Bottom-bar labels that differ from the key table's in the current state (e.g. Enter "apply").
    func hintLabels(strings: Strings) -> [Action: String]
    /// The strings key of the quit question, which says what quitting now does to work under way.
    var quitQuestionKey: String { get }
}

/// One screen of a signed-in session: its state, `update` for keys and `render` into a canvas.
@MainActor
public protocol DashboardScreen: Screen {
    /// Which screen this is.
    var id: ScreenID { get }
    /// Called each time the screen is shown: reload what may have changed.
    mutating func activate(session: Session)
    /// Handles one key.
    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome
    /// Draws the screen into `area` of the canvas.
    func render(into canvas: inout Canvas, area: Rect, session: Session)
    /// Runs the waiting work; the dashboard calls it right after presenting that frame.
    mutating func performPendingWork(session: Session) -> ScreenOutcome
    /// Selects an item another screen pointed at (a category id, a request reference).
    mutating func reveal(_ item: String, session: Session)
}

extension Screen {
    /// Most screens never hold typed text.
    public var capturesText: Bool { false }
    /// Most screens never hold typed text.
    public var hasUnsavedInput: Bool { false }
    /// Most screens never defer work.
    public var hasPendingWork: Bool { false }
    /// The key table's labels apply.
    public func hintLabels(strings: Strings) -> [Action: String] { [:] }
    /// Nothing runs that quitting would cut short.
    public var quitQuestionKey: String { "quit.question" }
}

extension DashboardScreen {
    /// Most screens never defer work.
    public mutating func performPendingWork(session: Session) -> ScreenOutcome { .handled }
    /// Screens without selectable items ignore it.
    public mutating func reveal(_ item: String, session: Session) {}
}
