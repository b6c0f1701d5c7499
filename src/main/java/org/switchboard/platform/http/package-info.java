/** HTTP facts the features share: who the client is behind trusted proxies. */
package org.switchboard.platform.http;
