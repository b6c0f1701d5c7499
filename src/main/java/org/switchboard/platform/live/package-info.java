/** Live events between the parts of Switchboard that wait for each other (a chat widget's connection and the agent who replies): topics, subscribe, publish. */
package org.switchboard.platform.live;
