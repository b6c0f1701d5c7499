/** JSON-P through one provider found once: {@code jakarta.json.Json}'s static methods look the provider up (a class-path scan) on every call. */
package org.switchboard.platform.json;
