/**
 * Variables, indicators, the formula language, observations, import and roll-up over areas.
 */
package org.spange.indicator;
