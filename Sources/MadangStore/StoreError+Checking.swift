import MadangCore

extension StoreError {
    /// Runs a validation, reporting its failure as ``StoreError/invalid(_:)``.
    static func checking<T>(_ validation: () throws(ValidationError) -> T) throws(StoreError) -> T {
        do { return try validation() } catch { throw .invalid(error) }
    }
}
