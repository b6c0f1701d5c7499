package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.identity.control.DirectoryDtos.UserRequest;
import org.switchboard.identity.control.DirectoryService;
import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Role;
import org.switchboard.inbound.control.GenericMessageParser;
import org.switchboard.inbound.control.InboundAdmin;
import org.switchboard.inbound.control.InboundJournal;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.Processed;
import org.switchboard.inbound.entity.InboundItem;
import org.switchboard.inbound.entity.InboundState;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.control.DefaultPipeline;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.FlakyTestParser;
import org.switchboard.testing.TestTransactions;
import org.switchboard.workspace.control.TicketDtos.TicketPatch;
import org.switchboard.workspace.control.TicketService;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * The inbound pipeline inside the container: retries, quarantine and reprocessing, recovery of
 * items a receiver left behind, reopening versus follow-up tickets, and the routing backlog drain.
 */
@ExtendWith(ArquillianExtension.class)
class InboundPipelineIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(InboundPipelineIT.class).addClass(FlakyTestParser.class);
    }

    @Inject
    TestTransactions tx;

    @Inject
    ChannelService channels;

    @Inject
    InboundJournal journal;

    @Inject
    InboundPipeline pipeline;

    @Inject
    InboundAdmin admin;

    @Inject
    TicketService tickets;

    @Inject
    DirectoryService directory;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ChannelView channel(RoutingDto routing) {
        return channels.create(new ChannelRequest("CUSTOM", unique("Custom"), null, null, null, true, null, routing, null));
    }

    private static byte[] message(String externalId, String email, String threadKey) {
        return ("{\"externalId\":\"" + externalId + "\",\"from\":{\"email\":\"" + email + "\"},\"subject\":\"Invoice\",\"text\":\"Line 3 is doubled\""
                + (threadKey == null ? "" : ",\"threadKey\":\"" + threadKey + "\"") + "}").getBytes(StandardCharsets.UTF_8);
    }

    private Processed submit(ChannelView channel, String externalId, String email, String threadKey) {
        return pipeline.submit(channel.id(), externalId, GenericMessageParser.CONTENT_TYPE, message(externalId, email, threadKey)).processed();
    }

    private InboundItem item(long id) {
        return tx.call(em -> em.find(InboundItem.class, id));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void aFailingItemIsRetriedThenQuarantinedWithItsReasonAndAnAdminReprocessesIt() {
        ChannelView channel = channel(null);
        byte[] raw = message("flaky-1", unique("f") + "@example.com", null);
        long id = journal.store(channel.id(), "flaky-1", FlakyTestParser.CONTENT_TYPE, raw);
        FlakyTestParser.failing = true;
        try {
            Processed first = pipeline.process(id);
            assertEquals(InboundState.PENDING, first.state(), "one failed attempt: retried later");
            assertEquals(1, item(id).getAttempts());
            assertTrue(admin.list(InboundAdmin.Filter.FAILED, 100).stream().anyMatch(i -> i.id() == id && i.lastError().contains("parser down")));
            Processed last = first;
            for (int attempt = 2; attempt <= 5; attempt++) {
                last = pipeline.process(id);
            }
            assertEquals(InboundState.QUARANTINED, last.state(), "quarantined after 5 attempts");
            InboundAdmin.ItemView listed = admin.list(InboundAdmin.Filter.QUARANTINED, 100).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
            assertEquals("IllegalStateException: parser down", listed.lastError());
            assertArrayEquals(raw, item(id).getPayload(), "the raw bytes are kept");
        } finally {
            FlakyTestParser.failing = false;
        }
        assertTrue(admin.requeue(id));
        Processed reprocessed = pipeline.process(id);
        assertEquals(InboundState.PROCESSED, reprocessed.state());
        assertTrue(reprocessed.result().ticketId() != null, "the message became a ticket");
    }

    @Test
    void anUnparseablePayloadIsQuarantinedAtOnce() {
        ChannelView channel = channel(null);
        byte[] raw = "{\"externalId\": \"half".getBytes(StandardCharsets.UTF_8);
        long id = journal.store(channel.id(), unique("broken"), GenericMessageParser.CONTENT_TYPE, raw);
        Processed processed = pipeline.process(id);
        assertEquals(InboundState.QUARANTINED, processed.state());
        assertEquals("the body is not valid JSON", item(id).getLastError());
        assertArrayEquals(raw, item(id).getPayload());
    }

    @Test
    void anItemLeftByAReceiverThatDiedIsProcessedByTheSchedule() throws InterruptedException {
        ChannelView channel = channel(null);
        // Journaled and committed, then the receiver "died" before processing it.
        long id = journal.store(channel.id(), "orphan-1", GenericMessageParser.CONTENT_TYPE, message("orphan-1", unique("o") + "@example.com", null));
        assertEquals(InboundState.PENDING, item(id).getState());
        await("the schedule processes the orphan", Duration.ofSeconds(60), () -> item(id).getState() == InboundState.PROCESSED);
        long messages = tx.call(em -> em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.externalId = 'orphan-1' AND m.channel.id = :c", Long.class)
                .setParameter("c", channel.id()).getSingleResult());
        assertEquals(1, messages);
    }

    @Test
    void aReplyReopensAClosedTicketWithinTheWindowAndStartsALinkedTicketAfterIt() {
        ChannelView channel = channel(null);
        String email = unique("r") + "@example.com";
        long closedStage = tx.call(em -> em.createNamedQuery("Pipeline.byName", Pipeline.class)
                .setParameter("name", DefaultPipeline.NAME).getSingleResult().closedStage().getId());
        long first = submit(channel, "r-1", email, "thread-7").result().ticketId();
        tickets.update(first, new TicketPatch(closedStage, null, null, null, null, null), "admin");

        Processed reply = submit(channel, "r-2", email, "thread-7");
        assertEquals(first, reply.result().ticketId(), "a reply within the window reopens the same ticket");
        Ticket reopened = tx.call(em -> em.find(Ticket.class, first));
        assertTrue(!reopened.isClosed() && reopened.getClosedAt() == null);
        assertTrue(events(first).contains(TicketEventType.REOPENED));

        tickets.update(first, new TicketPatch(closedStage, null, null, null, null, null), "admin");
        tx.run(em -> em.createNativeQuery("UPDATE tickets SET closed_at = ? WHERE id = ?")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(40)).setParameter(2, first).executeUpdate());
        Processed late = submit(channel, "r-3", email, "thread-7");
        long second = late.result().ticketId();
        assertNotEquals(first, second, "a reply after the window starts a new ticket");
        Long follows = tx.<Long>call(em -> em.find(Ticket.class, second).getFollows().getId());
        assertEquals(first, follows, "linked to the old ticket");
        assertTrue(tx.<Boolean>call(em -> em.find(Ticket.class, first).isClosed()), "the old ticket stays closed");
        assertEquals(second, submit(channel, "r-4", email, "thread-7").result().ticketId(), "later replies join the new ticket");
    }

    @Test
    void waitingTicketsAreAssignedOldestFirstWhenAnAgentFreesUp() throws InterruptedException {
        String username = unique("solo");
        long agent = directory.createUser(new UserRequest(username, "Solo Agent", null, EnumSet.of(Role.AGENT), true,
                Availability.AWAY, 1, null, null, null, null, null, null, null)).id();
        ChannelView channel = channel(new RoutingDto(RoutingMode.USERS_AND_TEAMS, true, Set.of(agent), Set.of(), List.of()));
        long older = submit(channel, "q-1", unique("q") + "@example.com", null).result().ticketId();
        long newer = submit(channel, "q-2", unique("q") + "@example.com", null).result().ticketId();
        assertTrue(tx.<Boolean>call(em -> em.find(Ticket.class, older).isAwaitingRouting()), "nobody available: waits");
        assertTrue(events(older).contains(TicketEventType.ROUTING_WAITING));

        directory.changeAvailability(agent, Availability.AVAILABLE);
        await("the older ticket goes to the agent", Duration.ofSeconds(20), () -> owner(older) != null);
        assertEquals(Long.valueOf(agent), owner(older));
        assertNull(owner(newer), "capacity 1: the newer one keeps waiting");

        long closed = tx.call(em -> em.find(Ticket.class, older).getPipeline().closedStage().getId());
        tickets.update(older, new TicketPatch(closed, null, null, null, null, null), username);
        await("closing frees the agent for the newer ticket", Duration.ofSeconds(20), () -> owner(newer) != null);
        assertEquals(Long.valueOf(agent), owner(newer));
    }

    @Test
    void theContactOwnerGetsTheTicketAndWhileAwayItWaitsForThem() throws InterruptedException {
        long owner = directory.createUser(new UserRequest(unique("owner"), "Olli Owner", unique("olli") + "@example.com", EnumSet.of(Role.AGENT), true,
                Availability.AWAY, null, null, null, null, null, null, null, null)).id();
        String email = unique("owned") + "@example.com";
        tx.run(em -> {
            Contact contact = new Contact("Owned Contact");
            contact.addEmail(email);
            contact.assignOwner(em.find(org.switchboard.identity.entity.User.class, owner));
            em.persist(contact);
        });
        ChannelView channel = channel(new RoutingDto(RoutingMode.CONTACT_OWNER, true, Set.of(), Set.of(), List.of()));
        long ticket = submit(channel, "o-1", email, null).result().ticketId();
        assertNull(owner(ticket), "the owner is away: unassigned");
        String waiting = tx.call(em -> org.switchboard.tickets.control.TimelineTexts.render(em.createQuery(
                        "SELECT e FROM TicketEvent e WHERE e.ticket.id = :t AND e.type = :type", org.switchboard.tickets.entity.TicketEvent.class)
                .setParameter("t", ticket).setParameter("type", TicketEventType.ROUTING_WAITING).getSingleResult().getPhrases(), java.util.Locale.ENGLISH));
        assertTrue(waiting.contains("contact owner is away"), waiting);
        directory.changeAvailability(owner, Availability.AVAILABLE);
        await("the owner gets it when back", Duration.ofSeconds(20), () -> owner(ticket) != null);
        assertEquals(Long.valueOf(owner), owner(ticket));
    }

    private Long owner(long ticketId) {
        return tx.call(em -> {
            Ticket t = em.find(Ticket.class, ticketId);
            return t.getOwner() == null ? null : t.getOwner().getId();
        });
    }

    private List<TicketEventType> events(long ticketId) {
        return tx.call(em -> em.createQuery("SELECT e FROM TicketEvent e WHERE e.ticket.id = :t ORDER BY e.id", TicketEvent.class)
                .setParameter("t", ticketId).getResultStream().map(TicketEvent::getType).toList());
    }
}
