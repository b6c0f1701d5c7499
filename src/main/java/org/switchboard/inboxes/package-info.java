/** Shared inboxes: channels connected here keep conversations without tickets (the state migrations start from). */
package org.switchboard.inboxes;
