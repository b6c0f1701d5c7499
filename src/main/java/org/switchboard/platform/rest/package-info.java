/** The REST API's shared edge: the JAX-RS application, role checks and JSON error responses. */
package org.switchboard.platform.rest;
