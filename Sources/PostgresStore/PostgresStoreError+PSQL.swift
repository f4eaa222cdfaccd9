import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import StoreLocation

extension PostgresStoreError {
    /// SQLSTATEs with an error of their own (PostgreSQL's appendix "Error Codes").
    private enum SQLState {
        static let invalidAuthorization = "28000"
        static let invalidPassword = "28P01"
        static let invalidCatalogName = "3D000"
    }

    /// What `error`, thrown by postgres-nio or NIO while talking to `url`, means for a store.
    init(_ error: any Error, url: PostgresURL) {
        let redacted = url.description
        if let error = error as? PostgresStoreError {
            self = error
            return
        }
        guard let error = error as? PSQLError else {
            self = Self.transport(error, url: redacted)
            return
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState]
            let message = error.serverInfo?[.message] ?? "an error without a message"
            switch state {
            case SQLState.invalidPassword, SQLState.invalidAuthorization: self = .authenticationFailed(url: redacted)
            case SQLState.invalidCatalogName: self = .databaseMissing(url: redacted)
            // Class 08 (connection exception) and 57P01-57P03 (the server shutting down or ending the
            // session): the connection is gone, and with it the open transaction.
            case let state? where state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state):
                self = .connectionLost(url: redacted)
            default: self = .server(url: redacted, message: message)
            }
        case .sslUnsupported:
            self = .tlsUnsupported(url: redacted)
        case .authMechanismRequiresPassword:
            self = .authenticationFailed(url: redacted)
        case .connectionError, .failedToAddSSLHandler:
            self = error.underlying.map { Self.transport($0, url: redacted) }
                ?? .unreachable(url: redacted, reason: "\(error.code)")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            // During a TLS handshake a refused certificate closes the connection with an SSL error.
            if let underlying = error.underlying, underlying is NIOSSLError || underlying is BoringSSLError {
                self = .tlsFailed(url: redacted, reason: Self.tlsReason(underlying))
            } else {
                self = .connectionLost(url: redacted)
            }
        default:
            self = .server(url: redacted, message: "\(error.code)")
        }
    }

    /// An error below the PostgreSQL protocol: TLS, or the TCP connection itself.
    private static func transport(_ error: any Error, url: String) -> PostgresStoreError {
        if error is NIOSSLError || error is BoringSSLError { return .tlsFailed(url: url, reason: tlsReason(error)) }
        return .unreachable(url: url, reason: connectionReason(error))
    }

    /// Why TLS failed, short: BoringSSL's reason for an unverifiable certificate, else the error's first line.
    private static func tlsReason(_ error: any Error) -> String {
        "\(error)".contains("CERTIFICATE_VERIFY_FAILED") ? "the server's certificate could not be verified" : firstLine(error)
    }

    /// Why no connection was made, as the system says it ("Connection refused"), where it says one.
    private static func connectionReason(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return connectionReason(first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name could not be resolved" }
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return firstLine(error)
    }

    /// The first line of an error's description, without a trailing period, to sit inside a sentence.
    private static func firstLine(_ error: any Error) -> String {
        let text = String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown"
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
