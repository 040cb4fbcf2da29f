/**
 * Maps, classification, area profiles, social index, and disclosure control of published numbers.
 */
package org.spange.atlas;
