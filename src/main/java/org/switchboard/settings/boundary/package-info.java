/** Faces beans of the settings pages; each calls the same application services as the REST API. */
package org.switchboard.settings.boundary;
