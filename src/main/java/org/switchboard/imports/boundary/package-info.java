/** Batch artifacts of the import jobs and the operators' REST endpoints. */
package org.switchboard.imports.boundary;
