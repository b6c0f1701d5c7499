/** The contacts API. */
package org.switchboard.contacts.boundary;
