import StoreModel

extension PostgresStoreError {
    /// The redacted URL of the store the error is about.
    var url: String {
        switch self {
        case .unreachable(let url, _), .authenticationFailed(let url), .databaseMissing(let url), .tlsUnsupported(let url),
             .tlsFailed(let url, _), .rootCertificateUnreadable(let url, _), .foreignDatabase(let url),
             .newerSchema(let url, _), .connectionLost(let url), .server(let url, _):
            return url
        }
    }

    /// The error as every `ExperimentStore` reports it: a newer schema as such, anything else
    /// (what only a server can fail at) as `backend` with this error's sentence.
    public var storeError: StoreError {
        switch self {
        case .newerSchema(let url, let unknownMigrations): return .newerSchema(store: url, unknownMigrations: unknownMigrations)
        default: return .backend(store: url, sentence: description)
        }
    }
}
