import StoreModel

/// The one retry of a store operation whose connection to a server store broke.
///
/// A broken connection (`StoreError.connectionLost`) has rolled back the transaction it was in, and
/// the store connects again for the next one, so the operation runs once more from what was
/// committed. A second loss in a row is passed on: the server is likely gone, and the command ends
/// with the store's sentence rather than waiting for it.
enum ConnectionRetry {
    /// Runs `body`, and once more (told it is a retry) if the store lost its connection meanwhile.
    static func once<T>(_ body: (_ isRetry: Bool) throws -> T) throws -> T {
        do {
            return try body(false)
        } catch StoreError.connectionLost {
            return try body(true)
        }
    }
}
