/**
 * Who works in Switchboard: users with roles (admin, agent, operator), seats, availability,
 * skills and teams; sign-in, password hashing and API tokens.
 */
package org.switchboard.identity;
