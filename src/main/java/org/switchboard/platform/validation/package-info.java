/** Input rules shared by every edge (REST bodies, pages, parsers), so one rule answers the same everywhere. */
package org.switchboard.platform.validation;
