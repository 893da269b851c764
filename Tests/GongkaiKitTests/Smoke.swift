import Testing
@testable import GongkaiKit

@Test func moneyParses() {
    #expect(Money(wan: "625.39")?.wanString == "625.39")
}
