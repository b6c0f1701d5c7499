/** Matching senders to contacts. */
package org.switchboard.contacts.control;
