import Foundation

/// The bytes of an SQLite file and of the `-wal` and `-shm` files beside it (nil where a file
/// does not exist): equal before and after a command means it wrote and created nothing there.
public func storeFiles(_ path: String) -> [Data?] {
    ["", "-wal", "-shm"].map { FileManager.default.contents(atPath: path + $0) }
}
