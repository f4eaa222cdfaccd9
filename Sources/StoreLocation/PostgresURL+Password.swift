extension PostgresURL {
    /// This URL with a password from libpq's fallbacks when it has none: `PGPASSWORD` from
    /// `environment`, then the password file `PGPASSFILE` (else `$HOME/.pgpass`).
    public func withPasswordFallbacks(environment: [String: String]) -> PostgresURL {
        guard password == nil else { return self }
        var url = self
        if let fromEnvironment = environment["PGPASSWORD"], !fromEnvironment.isEmpty {
            url.password = Password(fromEnvironment)
            return url
        }
        let path = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.pgpass" }
        if let path, let file = PGPassFile(path: path) {
            url.password = file.password(host: host, port: port, database: database, user: user)
        }
        return url
    }
}
