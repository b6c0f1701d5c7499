/**
 * Facebook Messenger: a Facebook page connected through Facebook Login (the admin's pages, one page
 * per channel, the app subscribed to the page), its webhook (signed with the Meta app's secret,
 * journaled raw before anything else), messages, echoes of what the page sent elsewhere, delivery and
 * read watermarks, the page's greeting, an instant reply and consent, and replies within Meta's
 * windows: 24 hours after the person's last message, then 7 days for a person's reply tagged
 * HUMAN_AGENT, never for automation.
 */
package org.switchboard.channels.messenger;
