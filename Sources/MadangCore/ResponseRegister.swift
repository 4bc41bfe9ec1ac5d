/// A hearing's opinions with their responses, as officials work through them.
public struct ResponseRegister: Sendable {
    public struct Row: Sendable {
        public init(item: Item, goals: [String], citizenNumber: Int?, response: Response?) {
            self.item = item
            self.goals = goals
            self.citizenNumber = citizenNumber
            self.response = response
        }

        public var item: Item
        /// The codes of the goals it is filed under.
        public var goals: [String]
        /// For a comment or proposal: the number its author goes by ("Citizen 6").
        public var citizenNumber: Int?
        public var response: Response?
    }

    public var hearing: Hearing
    public var states: [ResponseState]
    public var rows: [Row]

    public init(hearing: Hearing, states: [ResponseState], rows: [Row]) {
        self.hearing = hearing
        self.states = states
        self.rows = rows
    }

    /// The state with this code.
    public func state(_ code: String) -> ResponseState? { states.first { $0.code == code } }
}
