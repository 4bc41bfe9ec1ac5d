/// How a public document names the citizens whose opinions it quotes.
public enum CitizenStyle: String, Sendable, CaseIterable {
    /// "Citizen 12": the author of the hearing's 12th public opinion. The default.
    case numbers
    /// "김○○", "J. D.": initials from the name given, else the number.
    case initials
    /// The name as given, else the number. Only when asked for.
    case names
}
