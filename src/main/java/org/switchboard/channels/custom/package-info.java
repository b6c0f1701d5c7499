/**
 * Custom channels: any messaging system (WeChat, Telegram, Slack, an in-house tool) connected
 * through the API. Messages come in at the generic inbound endpoint; agents' replies go out as
 * signed webhooks to the channel's URL, and the receiver reports delivery and reading back.
 */
package org.switchboard.channels.custom;
