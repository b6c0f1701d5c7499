/** Small JPA helpers shared by every feature's entities: converters and argument checks. */
package org.switchboard.platform.persistence;
