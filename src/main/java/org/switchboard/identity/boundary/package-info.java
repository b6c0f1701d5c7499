/** Screens and endpoints for signing in and out and for API tokens. */
package org.switchboard.identity.boundary;
