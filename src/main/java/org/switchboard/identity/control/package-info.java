/** Account services: password checks, role look-ups and API tokens, each one transaction. */
package org.switchboard.identity.control;
