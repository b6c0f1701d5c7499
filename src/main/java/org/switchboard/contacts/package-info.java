/** Contacts: the people who write in, with their email addresses, phone numbers and channel identities. */
package org.switchboard.contacts;
