/** Short-lived, per-instance caches of rows that every request reads and that rarely change. */
package org.switchboard.platform.cache;
