package org.switchboard.routing.control;

/**
 * Port: tells a contact owner who is away that a ticket from their contact waits for them. The
 * email channel implements it over SMTP.
 */
public interface OwnerNotifier {

    /**
     * @param channelId the ticket's channel (null for tickets from the API): its own mail account
     *                  sends the notice when it can
     * @return whether the notification was handed to a delivery mechanism
     */
    boolean notifyOwnerAway(Long channelId, String ownerEmail, String ownerName, long ticketNumber, String subject, String contactName);
}
