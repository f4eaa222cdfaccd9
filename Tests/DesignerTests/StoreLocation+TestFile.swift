import Foundation
import StoreLocation

extension StoreLocation {
    /// The file of a test's store: the tests of searches and finalize run on SQLite stores.
    var fileURL: URL {
        guard let path = filePath else { preconditionFailure("a test store is an SQLite file, not \(self)") }
        return URL(fileURLWithPath: path)
    }
}
