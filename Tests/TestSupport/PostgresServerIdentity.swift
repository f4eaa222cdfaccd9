import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The unprivileged account the server runs as when the tests run as root.
struct PostgresServerIdentity: Sendable {
    let uid: uid_t
    let gid: gid_t

    /// `setpriv` and its arguments that run the rest of a command line as this identity.
    var setpriv: [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"]
    }

    /// `postgres` (Debian's package makes it) or else `nobody`.
    static func unprivileged() throws -> PostgresServerIdentity {
        for name in ["postgres", "nobody"] {
            if let entry = getpwnam(name) { return PostgresServerIdentity(uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid) }
        }
        throw PostgresTestCluster.Unavailable(description: "the tests run as root and neither a postgres nor a nobody user exists to run the PostgreSQL server as")
    }
}
