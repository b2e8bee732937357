package news.prokash.harness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerIntegrationTests {

	@Test
	void shouldRunQueriesOnTheProkashDatabase() throws SQLException {
		PostgresEndpoint postgres = Infrastructure.postgres();

		try (Connection connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS headline (id int PRIMARY KEY, title text NOT NULL)");
			statement.execute("INSERT INTO headline VALUES (1, 'রাশিয়ার পাশে আছেন কিম জং উন') ON CONFLICT DO NOTHING");
			try (ResultSet result = statement
				.executeQuery("SELECT current_database(), title, current_setting('server_encoding') FROM headline")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString(1)).isEqualTo("prokash");
				assertThat(result.getString(2)).isEqualTo("রাশিয়ার পাশে আছেন কিম জং উন");
				assertThat(result.getString(3)).isEqualTo("UTF8");
			}
		}
	}

	@Test
	void shouldRunPostgresql17() throws SQLException {
		PostgresEndpoint postgres = Infrastructure.postgres();

		try (Connection connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
				postgres.password());
				ResultSet result = connection.createStatement().executeQuery("SHOW server_version")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).startsWith("17.");
		}
	}

}
