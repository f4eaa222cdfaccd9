import StoreModel

extension PostgresStoreError {
    /// The redacted URL of the store the error is about.
    var url: String {
        switch self {
        case .unreachable(let url, _), .authenticationFailed(let url), .databaseMissing(let url), .tlsUnsupported(let url),
             .tlsFailed(let url, _), .rootCertificateUnreadable(let url, _), .foreignDatabase(let url),
             .noStore(let url), .olderSchema(let url, _), .newerSchema(let url, _), .connectionLost(let url), .server(let url, _):
            return url
        }
    }

    /// The error as every `ExperimentStore` reports it: a newer schema, a missing store and a lost
    /// connection as such (a caller may retry the latter), anything else (what only a server can fail at) as
    /// `backend` with this error's sentence.
    public var storeError: StoreError {
        switch self {
        case .newerSchema(let url, let unknownMigrations): return .newerSchema(store: url, unknownMigrations: unknownMigrations)
        case .connectionLost(let url): return .connectionLost(store: url)
        case .noStore(let url): return .missing(store: url)
        default: return .backend(store: url, sentence: description)
        }
    }
}
