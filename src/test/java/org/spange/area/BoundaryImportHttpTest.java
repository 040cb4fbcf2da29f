package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.area.AreaTestData.collection;
import static org.spange.area.AreaTestData.feature;
import static org.spange.area.AreaTestData.square;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The boundary import over HTTP: the upload limit, and who may import. */
@SpangeTest
class BoundaryImportHttpTest {

	private static final String P = "BoundaryImportHttpTest-";
	private static final String URL = "/api/v1/areas/imports/boundaries";

	@Autowired
	MockMvc mvc;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	/** A syntactically valid GeoJSON FeatureCollection of at least 50 MB, generated in memory. */
	private static byte[] fiftyMegabytes() {
		int size = 50 * 1024 * 1024;
		byte[] head = "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);
		byte[] tail = "]}".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[size];
		System.arraycopy(head, 0, bytes, 0, head.length);
		int pos = head.length;
		int n = 0;
		while (true) {
			byte[] f = ((n > 0 ? "," : "") + feature(square(9.7 + (n % 1000) * 1e-4, 47.2, 1e-4), "code",
					P + "big-" + n, "name", "Feature " + n)).getBytes(StandardCharsets.UTF_8);
			if (pos + f.length + tail.length > size) {
				break;
			}
			System.arraycopy(f, 0, bytes, pos, f.length);
			pos += f.length;
			n++;
		}
		// pad the rest with JSON whitespace, so the file is exactly 50 MB and still valid JSON
		java.util.Arrays.fill(bytes, pos, size - tail.length, (byte) ' ');
		System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
		return bytes;
	}

	@Test
	void aFiftyMegabyteFileIsRejectedAsTooLargeAndNothingIsWritten() throws Exception {
		byte[] big = fiftyMegabytes();
		assertThat(big.length).isEqualTo(50 * 1024 * 1024);
		Snapshot before = AreaTestData.snapshot(jdbc);

		mvc.perform(multipart(URL)
			.file(new MockMultipartFile("file", "big.geojson", "application/geo+json", big))
			.param("level", "sozialraum")
			.param("codeProperty", "code")
			.param("nameProperty", "name")
			.with(user("planung").roles("PLANNER"))
			.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.outcome").value("REJECTED"))
			.andExpect(jsonPath("$.fileName").value("big.geojson"))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.problems.length()").value(1))
			.andExpect(jsonPath("$.problems[0].unit").value("FILE"))
			.andExpect(jsonPath("$.problems[0].code").value("import.tooLarge"))
			.andExpect(jsonPath("$.problems[0].args[0]").value("50.0"))
			.andExpect(jsonPath("$.problems[0].args[1]").value("20.0"));

		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(areas.byCode("sozialraum", P + "big-0")).isEmpty();
	}

	@Test
	void aPlannerCanImportASmallFileOverHttp() throws Exception {
		String code = P + "small";
		byte[] file = collection(feature(square(9.60, 47.40, 0.01), "code", code, "name", "Klein"));

		mvc.perform(multipart(URL)
			.file(new MockMultipartFile("file", "small.geojson", "application/geo+json", file))
			.param("level", "sozialraum")
			.with(user("planung").roles("PLANNER"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("WRITTEN"))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.problems.length()").value(0));

		assertThat(areas.byCode("sozialraum", code)).get().extracting(AreaSummary::name).isEqualTo("Klein");
	}

	@Test
	void onlyPlannersAndAdminsMayImport() throws Exception {
		byte[] file = collection(feature(square(9.62, 47.40, 0.01), "code", P + "denied", "name", "Nein"));
		MockMultipartFile part = new MockMultipartFile("file", "denied.geojson", "application/geo+json", file);
		Snapshot before = AreaTestData.snapshot(jdbc);

		mvc.perform(multipart(URL).file(part).param("level", "sozialraum").with(csrf()))
			.andExpect(status().isUnauthorized());
		mvc.perform(multipart(URL).file(part).param("level", "sozialraum")
			.with(user("beratung").roles("COUNSELOR")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(multipart(URL).file(part).param("level", "sozialraum").with(user("planung").roles("PLANNER")))
			.andExpect(status().isForbidden()); // no CSRF token

		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(areas.byCode("sozialraum", P + "denied")).isEmpty();
	}
}
