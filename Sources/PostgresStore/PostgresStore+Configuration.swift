import NIOCore
import NIOSSL
import PostgresNIO
import StoreLocation

extension PostgresStore {
    /// Postgres-nio's configuration for `url`: its address, credentials and TLS per `sslmode`.
    static func configuration(for url: PostgresURL) throws(PostgresStoreError) -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password?.revealed,
            database: url.database, tls: try tls(for: url))
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    /// `disable` is plain TCP; `prefer` and `require` encrypt without checking the certificate, as
    /// libpq does; `verify-ca` checks the chain against `sslrootcert` (or the system's roots) and
    /// `verify-full` also the host name.
    private static func tls(for url: PostgresURL) throws(PostgresStoreError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable:
            return .disable
        case .prefer, .require:
            tls.certificateVerification = .none
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        if let path = url.sslRootCertificate {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw .rootCertificateUnreadable(url: url.description, path: path)
            }
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsFailed(url: url.description, reason: "\(error)")
        }
        return url.sslMode == .prefer ? .prefer(context) : .require(context)
    }
}
