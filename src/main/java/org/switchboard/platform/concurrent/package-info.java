/** Background threads from the server's managed thread factory. */
package org.switchboard.platform.concurrent;
