package org.switchboard.workspace.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.calls.control.CallPlacer;
import org.switchboard.calls.control.PhoneNumbers;
import org.switchboard.identity.entity.User;
import org.switchboard.tickets.entity.Ticket;

/**
 * Click-to-call from a ticket: the ticket's channel kind places the call through its provider
 * ({@link CallPlacer}, e.g. Twilio rings the agent, then the contact); the call is then logged on the
 * ticket's contact like any call. What the ticket says is read in a transaction; the provider is asked
 * outside one.
 */
@ApplicationScoped
public class ClickToCall {

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<CallPlacer> placers;

    @Inject
    ClickToCall self;

    /** What a call from this ticket needs. */
    public record Target(long channelId, String kind, long agentId, String number) {
    }

    /** The number to call and whether the ticket's channel can place calls; empty when it cannot or the contact has no number. */
    @Transactional
    public Optional<Target> target(long ticketId, String agentUsername, String number) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        if (ticket == null || ticket.getChannel() == null || placer(ticket.getChannel().getType()).isEmpty()) {
            return Optional.empty();
        }
        String chosen = number != null ? PhoneNumbers.e164(number, null).orElseThrow(() -> new IllegalArgumentException("number: '" + number + "' is not a phone number in E.164"))
                : ticket.getContact() == null ? null : ticket.getContact().getPhones().stream().findFirst().orElse(null);
        if (chosen == null) {
            return Optional.empty();
        }
        User agent = em.createNamedQuery("User.byUsername", User.class).setParameter("username", agentUsername).getSingleResult();
        return Optional.of(new Target(ticket.getChannel().getId(), ticket.getChannel().getType(), agent.getId(), chosen));
    }

    /** Whether the ticket's channel can place calls (the ticket page shows "Call" then). */
    public boolean canCall(String channelKind) {
        return channelKind != null && placer(channelKind).isPresent();
    }

    /** Places the call; answers the provider's id. Called outside a transaction. */
    public String call(long ticketId, String agentUsername, String number) throws CallPlacer.CallNotPlaced {
        Target target = self.target(ticketId, agentUsername, number)
                .orElseThrow(() -> new CallPlacer.CallNotPlaced("This ticket's channel cannot place calls, or the contact has no phone number"));
        return placer(target.kind()).orElseThrow().place(target.channelId(), target.agentId(), target.number());
    }

    private Optional<CallPlacer> placer(String kind) {
        for (CallPlacer placer : placers) {
            if (placer.kind().equals(kind)) {
                return Optional.of(placer);
            }
        }
        return Optional.empty();
    }
}
