package org.spange.access.internal;

import java.net.URI;

import org.spange.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what, checked on the server for every request. Public: published pages, area data, indicator
 * definitions (the controller hides unpublished ones) and static assets; raw observations and computed values only
 * for planners and admins. Maintaining areas and indicators: planners and
 * admins. The offer inventory: public reads; planners and admins write, providers their own offers. The audit log:
 * admins only. Everything else: logged in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC_GET = { "/", "/areas/**", "/about", "/api/v1/areas/**", "/webjars/**",
			"/css/**", "/js/**", "/img/**", "/favicon.ico", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
			"/actuator/health", "/api/v1/indicators/**", "/atlas/**", "/api/v1/atlas/**", "/api/v1/offers/**",
			"/hsds/**", "/offers/**" };

	private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${spange.map.tile-url:}") String tileUrl)
			throws Exception {
		String admin = Role.ADMIN.name();
		String planner = Role.PLANNER.name();
		http.authorizeHttpRequests(auth -> auth
			// raw numbers are not disclosure-controlled: the public gets published numbers through the atlas
			.requestMatchers(HttpMethod.GET, "/api/v1/indicators/variables/*/observations", "/api/v1/indicators/values/**")
			.hasAnyRole(admin, planner)
			// early warning is internal: municipalities read it, planners act on it
			.requestMatchers(HttpMethod.GET, "/atlas/alerts/**").hasAnyRole(admin, planner, Role.MUNICIPALITY.name())
			.requestMatchers("/atlas/alerts/**").hasAnyRole(admin, planner)
			// accessibility results (issue 6) show areas, never supply points: municipalities and providers read them;
			// runs are started and retried by planners and admins (the POSTs fall under /needs/** below)
			.requestMatchers(HttpMethod.GET, "/needs/accessibility", "/needs/accessibility/**")
			.hasAnyRole(admin, planner, Role.MUNICIPALITY.name(), Role.PROVIDER.name())
			.requestMatchers(HttpMethod.GET, "/needs", "/needs/**").hasAnyRole(admin, planner, Role.MUNICIPALITY.name())
			.requestMatchers("/needs", "/needs/**").hasAnyRole(admin, planner)
			.requestMatchers(HttpMethod.GET, "/atlas/monitoring", "/atlas/index/**", "/atlas/typology/**")
			.hasAnyRole(admin, planner, Role.MUNICIPALITY.name())
			.requestMatchers("/atlas/typology/**", "/api/v1/atlas/indexes/**", "/api/v1/atlas/typologies/**")
			.hasAnyRole(admin, planner)
			// the offer change log is internal; organisations and locations are maintained by planners, offers also
			// by providers (the controller keeps them to their own organisations)
			// the offer directory's overview and exports carry internal fields
			.requestMatchers(HttpMethod.GET, "/offers/overview", "/offers/export.*").hasAnyRole(admin, planner)
			// the offer form: planners for every organisation, providers for their own (checked by the controller)
			.requestMatchers("/offers/new", "/offers/new/locations", "/offers/*/edit").hasAnyRole(admin, planner, Role.PROVIDER.name())
			.requestMatchers(HttpMethod.GET, "/api/v1/offers/*/changes", "/api/v1/offers/organizations/*/changes",
					"/api/v1/offers/locations/*/changes")
			.hasAnyRole(admin, planner)
			// offer maintenance (freshness, review): pending changes are internal; providers keep their own
			// organisation's locations (the controller checks which)
			.requestMatchers(HttpMethod.GET, "/api/v1/offers/pending/**")
			.hasAnyRole(admin, planner, Role.PROVIDER.name())
			.requestMatchers("/provider/**").hasAnyRole(admin, planner, Role.PROVIDER.name())
			// offer imports (create organisations and merge into any offer): planners and admins only
			.requestMatchers("/api/v1/offers/imports", "/api/v1/offers/imports/**").hasAnyRole(admin, planner)
			// guided questionnaires: logged in; the controller checks who sees which answer set (questionnaire)
			.requestMatchers("/planning/questionnaires", "/planning/questionnaires/**").authenticated()
			// the planning cycle: municipalities read, planners and admins write (and open the forms); guidelines and
			// every delete stay with planners and admins; goals and measures: municipalities too, the controller
			// allows only their own areas (PlanningScope)
			.requestMatchers("/planning/guidelines/**", "/planning/*/*/delete").hasAnyRole(admin, planner)
			.requestMatchers("/planning/goals/new", "/planning/goals/*/edit", "/planning/measures/new",
					"/planning/measures/*/edit", "/planning/measures/*/status", "/planning/measures/*/evaluations")
			.hasAnyRole(admin, planner, Role.MUNICIPALITY.name())
			.requestMatchers(HttpMethod.GET, "/planning/*/new", "/planning/*/*/edit").hasAnyRole(admin, planner)
			.requestMatchers(HttpMethod.GET, "/planning", "/planning/**", "/api/v1/planning/**")
			.hasAnyRole(admin, planner, Role.MUNICIPALITY.name())
			.requestMatchers("/planning", "/planning/**", "/api/v1/planning/**").hasAnyRole(admin, planner)
			// networks and conferences: logged in (persons' contact data and restricted conferences are scoped by the
			// service); only the minutes page is public, and the controller shows it to the public only when the
			// minutes of a public conference are published
			.requestMatchers(HttpMethod.GET, "/conferences/*/minutes").permitAll()
			.requestMatchers("/networks", "/networks/**", "/conferences", "/conferences/**", "/tasks", "/tasks/**")
			.authenticated()
			.requestMatchers(HttpMethod.GET, PUBLIC_GET).permitAll()
			.requestMatchers("/api/v1/offers/locations/**").hasAnyRole(admin, planner, Role.PROVIDER.name())
			.requestMatchers("/api/v1/offers/organizations/**").hasAnyRole(admin, planner)
			.requestMatchers("/api/v1/offers/**").hasAnyRole(admin, planner, Role.PROVIDER.name())
			.requestMatchers("/login", "/error").permitAll()
			.requestMatchers("/admin/audit/**").hasRole(admin)
			// users' areas (planning: municipality scopes): admins only
			.requestMatchers("/admin/users/**").hasRole(admin)
			.requestMatchers("/admin/**").hasAnyRole(admin, planner)
			.requestMatchers(HttpMethod.POST, "/api/v1/areas/imports/**").hasAnyRole(admin, planner)
			.requestMatchers("/api/v1/indicators/**").hasAnyRole(admin, planner)
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/").permitAll())
			// the API answers 401; pages send people to the login form, whatever their Accept header says
			.exceptionHandling(ex -> ex
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						new NegatedRequestMatcher(API)))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
				.referrerPolicy(ref -> ref.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** No inline scripts or styles; images may come from the configured map tile server only. */
	static String contentSecurityPolicy(String tileUrl) {
		String tiles = "";
		if (tileUrl != null && !tileUrl.isBlank()) {
			URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
			String host = uri.getHost();
			// tile URLs often spread load over sub-domains ({s}.tile…): allow them all
			if (host != null && host.startsWith("s.")) {
				host = "*." + host.substring(2);
			}
			tiles = " " + uri.getScheme() + "://" + host;
		}
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
				+ "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
				+ " frame-ancestors 'none'";
	}
}
