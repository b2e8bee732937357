package news.prokash.harness;

/** How to reach a PostgreSQL database over JDBC. */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {
}
