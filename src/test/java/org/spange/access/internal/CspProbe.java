package org.spange.access.internal;

/** Test access to the package-private policy builder. */
public final class CspProbe {

	private CspProbe() {
	}

	public static String policyFor(String tileUrl) {
		return SecurityConfiguration.contentSecurityPolicy(tileUrl);
	}
}
