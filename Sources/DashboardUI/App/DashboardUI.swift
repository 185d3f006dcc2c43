import TerminalKit

/// Namespace for the dashboard's screens (filled in as the screens land).
enum DashboardUI {}
