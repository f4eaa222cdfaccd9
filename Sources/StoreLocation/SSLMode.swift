/// The `sslmode` of a PostgreSQL URL: the subset of libpq's modes metaqnn honours, with libpq's meanings.
public enum SSLMode: String, Sendable, Equatable, CaseIterable {
    /// Plain TCP only.
    case disable
    /// TLS when the server offers it, otherwise plain TCP, without checking the certificate (libpq's default).
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS, and the server's certificate must chain to the trusted roots (`sslrootcert`, else the system's).
    case verifyCA = "verify-ca"
    /// As `verify-ca`, and the certificate must also name the host connected to.
    case verifyFull = "verify-full"

    /// True for the modes that check the server's certificate, the only ones `sslrootcert` is for.
    public var verifiesCertificate: Bool { self == .verifyCA || self == .verifyFull }
}
