/** Small helpers every page bean shares: messages, request parameters, refusals. */
package org.switchboard.platform.faces;
