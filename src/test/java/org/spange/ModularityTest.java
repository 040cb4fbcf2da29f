package org.spange;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries cannot rot: every module talks to another only through its public face. */
class ModularityTest {

	/** Production code only: tests may reach across modules to set up their data. */
	static final ApplicationModules MODULES = ApplicationModules.of(SpangeApplication.class,
			DescribedPredicate.describe("test classes", (JavaClass c) -> c.getSource()
				.map(s -> s.getUri().toString().contains("/test-classes/"))
				.orElse(false)));

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
