/** What the workspace screens read: bounded view counts, a contact's other tickets, mail HTML made safe to show. */
package org.switchboard.workspace.control;
