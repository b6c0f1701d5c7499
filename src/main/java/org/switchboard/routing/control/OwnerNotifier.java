package org.switchboard.routing.control;

/**
 * Port: tells a contact owner who is away that a ticket from their contact waits for them. The
 * email channel implements it over SMTP.
 */
public interface OwnerNotifier {

    /** @return whether the notification was handed to a delivery mechanism */
    boolean notifyOwnerAway(String ownerEmail, String ownerName, long ticketNumber, String subject, String contactName);
}
