/**
 * Shared technical ground for every capability: database, errors, i18n, web basics. Open to all modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.spange.platform;
