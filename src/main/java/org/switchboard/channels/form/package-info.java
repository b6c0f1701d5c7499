/**
 * Forms: a form definition (fields, labels in English and Finnish), its hosted page at
 * {@code /forms/{key}}, submissions journaled raw and turned into tickets, spam defence that needs
 * no third party (honeypot, signed token with a minimum fill time and an expiry, rate limits).
 * Connected to the help desk, a form is a FORM channel whose ticket defaults are its hidden ticket fields.
 */
package org.switchboard.channels.form;
