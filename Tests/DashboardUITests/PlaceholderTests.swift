import Testing

@Suite("DashboardUI placeholder")
struct PlaceholderTests {
    @Test func builds() { #expect(Bool(true)) }
}
