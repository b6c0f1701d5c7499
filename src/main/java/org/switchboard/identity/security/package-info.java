/**
 * Sign-in for people (Faces form, session) and for scripts (bearer API tokens, HTTP Basic to mint
 * one): one Jakarta Security mechanism, identity checks against the users table.
 */
package org.switchboard.identity.security;
