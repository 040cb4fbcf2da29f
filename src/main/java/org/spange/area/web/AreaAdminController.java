package org.spange.area.web;

import java.io.IOException;

import org.spange.area.AreaImports;
import org.spange.area.AreaQueries;
import org.spange.platform.imports.ImportReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Maintaining areas: boundary and scheme imports with their result report, and the history of imports. */
@Controller
class AreaAdminController {

	private final AreaQueries areas;
	private final AreaImports imports;
	private final ImportForms forms;
	private final JdbcClient jdbc;

	AreaAdminController(AreaQueries areas, AreaImports imports, ImportForms forms, JdbcClient jdbc) {
		this.areas = areas;
		this.imports = imports;
		this.forms = forms;
		this.jdbc = jdbc;
	}

	record Run(java.time.OffsetDateTime finishedAt, String kind, String fileName, String actor, String outcome) {
	}

	@GetMapping("/admin/areas")
	String page(Model model) {
		model.addAttribute("levels", areas.levels());
		model.addAttribute("schemes", areas.schemes());
		model.addAttribute("crsOptions", imports.supportedCrs());
		model.addAttribute("runs", jdbc.sql("""
				select finished_at, kind, file_name, actor, outcome from area.import_run order by id desc limit 20""")
			.query(Run.class).list());
		return "area/admin";
	}

	@PostMapping("/admin/areas/boundaries")
	String boundaries(@RequestParam("file") MultipartFile file, BoundaryForm form, Model model) throws IOException {
		ImportReport report = imports.importBoundaries(file.getOriginalFilename(), file.getBytes(), forms.options(form));
		model.addAttribute("report", report);
		return page(model);
	}

	@PostMapping("/admin/areas/assignments")
	String assignments(@RequestParam("file") MultipartFile file, AssignmentForm form, Model model) throws IOException {
		ImportReport report = imports.importSchemeAssignment(file.getOriginalFilename(), file.getBytes(),
				forms.options(form));
		model.addAttribute("report", report);
		return page(model);
	}
}
