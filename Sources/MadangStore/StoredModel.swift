import Foundation

/// A hearing's learned model as kept in the database.
public struct StoredModel: Sendable {
    /// 1 for the first model trained for the hearing, then one more each time.
    public var version: Int
    /// How many labelled examples it learned from.
    public var trainingSize: Int
    public var trainedAt: Date
    /// The model, as the categorizer wrote it.
    public var data: Data
    /// A digest of the examples it learned from, as its trainer gave it.
    public var trainingDigest: String?
}
