package org.spange.platform.db;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} Spange runs on an embedded real PostgreSQL whose data lives in
 * {@code spange.db.embedded.dir} (default {@code ./data/postgres}) and survives restarts. With the URL set,
 * Spring Boot's own data source takes over and none of this is created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "release")
	EmbeddedPostgres embeddedPostgres(@Value("${spange.db.embedded.dir:data/postgres}") Path dir,
			@Value("${spange.db.embedded.clean:false}") boolean clean,
			@Value("${spange.db.embedded.port:0}") int port) {
		return EmbeddedPostgres.acquire(dir, clean, port);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, @Value("${spange.db.embedded.database:spange}") String database,
			@Value("${spange.db.embedded.pool-size:10}") int poolSize) {
		postgres.ensureDatabase(database);
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(postgres.jdbcUrl(database));
		ds.setUsername("postgres");
		ds.setPassword("");
		ds.setMaximumPoolSize(poolSize);
		ds.setPoolName("spange-embedded");
		return ds;
	}
}
