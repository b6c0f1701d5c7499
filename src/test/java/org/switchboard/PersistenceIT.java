package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.contacts.entity.ExternalIdentity;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Message;
import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Role;
import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;
import org.switchboard.inbound.entity.InboundItem;
import org.switchboard.inbound.entity.InboundState;
import org.switchboard.inboxes.entity.Inbox;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.control.DefaultPipeline;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.TestTransactions;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;

/**
 * The deployed WAR on Payara Micro against the configured database (H2 by default, PostgreSQL
 * when SWITCHBOARD_DB_URL says so): migrations, first-start data, and every entity's round trip.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(PersistenceIT.class);
    }

    @Inject
    TestTransactions tx;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long ticketNumber() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    private Pipeline support(EntityManager em) {
        return em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", DefaultPipeline.NAME).getSingleResult();
    }

    @Test
    void flywayAppliedTheMigrationsAndJpaMatchesTheSchema() {
        List<?> versions = tx.call(em -> em.createNativeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\"").getResultList());
        assertTrue(versions.contains("1"), "V1 applied: " + versions);
    }

    @Test
    void firstStartSeededTheAdminAndTheSupportPipeline() {
        tx.run(em -> {
            User admin = em.createNamedQuery("User.byUsername", User.class).setParameter("username", "admin").getSingleResult();
            assertTrue(admin.hasRole(Role.ADMIN));
            assertTrue(admin.getPasswordHash().startsWith("pbkdf2-sha512$"), "only a hash is stored");
            Pipeline pipeline = support(em);
            assertEquals(List.of("New", "Waiting on contact", "Waiting on us", "Closed"),
                    pipeline.getStages().stream().map(s -> s.getName()).toList());
            assertTrue(pipeline.getStages().get(3).isClosed());
        });
    }

    @Test
    void usersKeepRolesSkillsTeamsSeatAvailabilityAndCapacity() {
        String username = unique("agent");
        Long id = tx.call(em -> {
            Skill finnish = new Skill(unique("Finnish"));
            Team billing = new Team(unique("Billing"));
            em.persist(finnish);
            em.persist(billing);
            User agent = new User(username, "Aino Agent", username + "@example.com", EnumSet.of(Role.AGENT, Role.OPERATOR));
            agent.grantSeat();
            agent.changeAvailability(Availability.AWAY);
            agent.limitCapacity(7);
            agent.addSkill(finnish);
            agent.joinTeam(billing);
            em.persist(agent);
            em.flush();
            return agent.getId();
        });
        tx.run(em -> {
            User loaded = em.find(User.class, id);
            assertEquals(EnumSet.of(Role.AGENT, Role.OPERATOR), loaded.getRoles());
            assertTrue(loaded.hasPaidSeat());
            assertEquals(Availability.AWAY, loaded.getAvailability());
            assertEquals(7, loaded.getCapacity());
            assertEquals(1, loaded.getSkills().size());
            assertEquals(1, loaded.getTeams().size());
            assertEquals(username + "@example.com", loaded.getEmail());
        });
    }

    @Test
    void aTicketWithChannelContactConversationMessagesAttachmentAndTimelineRoundTrips() {
        String email = unique("liisa") + "@example.fi";
        long number = ticketNumber();
        Instant sent = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        Long ticketId = tx.call(em -> {
            Pipeline pipeline = support(em);
            User owner = new User(unique("owner"), "Olli Owner", null, EnumSet.of(Role.AGENT));
            em.persist(owner);
            Channel channel = new Channel("TEAM_EMAIL", unique("Support mail"),
                    new TicketDefaults(pipeline, pipeline.openStage(), Priority.HIGH, "[Mail] {{subject}}", "From {{contact.name}}", "Support"));
            channel.routeTo(Set.of(owner), Set.of());
            channel.routeToAvailableOnly(false);
            channel.changeTypeSettings("{\"address\":\"support@example.com\"}");
            em.persist(channel);
            Contact contact = new Contact("Liisa Laine");
            contact.addEmail(email);
            contact.addPhone("+358 40 " + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
            contact.addIdentity(new ExternalIdentity("messenger", unique("psid")));
            contact.assignOwner(owner);
            em.persist(contact);
            Ticket ticket = new Ticket(number, "Invoice is wrong", pipeline, pipeline.openStage(), Priority.HIGH, TicketSource.CHANNEL);
            ticket.comesFrom(channel, contact);
            ticket.assignTo(owner, null);
            ticket.describe("Line 3 doubled — ääkköset ja 日本語");
            em.persist(ticket);
            Conversation conversation = new Conversation(channel, contact, unique("<thread@example.fi>"));
            conversation.attachTo(ticket);
            em.persist(conversation);
            Message in = Message.inbound(conversation, unique("<msg@example.fi>"), "Invoice is wrong", "Hello, line 3 is doubled.",
                    "<p>Hello, <b>line 3</b> is doubled.</p>", sent);
            em.persist(in);
            em.persist(new Attachment(in, "invoice.pdf", "application/pdf", null, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
            em.persist(Message.internalNote(conversation, owner, "Checking with billing"));
            em.persist(new TicketEvent(ticket, TicketEventType.CREATED, null, Phrase.of("timeline.createdFromChannel", "channel", "Tuki — äö 日本語")));
            em.persist(new TicketEvent(ticket, TicketEventType.ASSIGNED, null, Phrase.of("routing.rule.USERS_AND_TEAMS"),
                    Phrase.of("routing.skipped").with(List.of(Phrase.of("routing.skip.AWAY", "agent", "bob", "detail", "")))));
            em.flush();
            return ticket.getId();
        });
        tx.run(em -> {
            Ticket ticket = em.find(Ticket.class, ticketId);
            assertEquals(number, ticket.getNumber());
            assertEquals("Line 3 doubled — ääkköset ja 日本語", ticket.getDescription());
            assertEquals(Priority.HIGH, ticket.getPriority());
            assertEquals(TicketSource.CHANNEL, ticket.getSource());
            assertEquals("Olli Owner", ticket.getOwner().getFullName());
            assertEquals("Liisa Laine", ticket.getContact().getFullName());
            assertTrue(ticket.getContact().getEmails().contains(email));
            Channel channel = ticket.getChannel();
            assertEquals(RoutingMode.USERS_AND_TEAMS, channel.getRoutingMode());
            assertFalse(channel.routesToAvailableOnly());
            assertEquals("[Mail] {{subject}}", channel.getTicketDefaults().nameTemplate());
            assertEquals(1, channel.getRouteUsers().size());

            Contact byEmail = em.createNamedQuery("Contact.byEmail", Contact.class).setParameter("email", email).getSingleResult();
            assertEquals(ticket.getContact().getId(), byEmail.getId());

            Conversation conversation = em.createQuery("SELECT c FROM Conversation c WHERE c.ticket = :t", Conversation.class)
                    .setParameter("t", ticket).getSingleResult();
            List<Message> messages = em.createNamedQuery("Message.ofConversation", Message.class)
                    .setParameter("conversation", conversation).getResultList();
            assertEquals(2, messages.size());
            assertEquals(sent, messages.get(0).getSentAt(), "times survive the round trip");
            assertEquals("<p>Hello, <b>line 3</b> is doubled.</p>", messages.get(0).getSanitizedHtml());
            Attachment attachment = em.createQuery("SELECT a FROM Attachment a WHERE a.message = :m", Attachment.class)
                    .setParameter("m", messages.get(0)).getSingleResult();
            assertEquals("%PDF-1.7", new String(attachment.getContent(), StandardCharsets.US_ASCII));
            assertEquals(8, attachment.getSize());
            List<TicketEvent> timeline = em.createNamedQuery("TicketEvent.ofTicket", TicketEvent.class).setParameter("ticket", ticket).getResultList();
            assertEquals(List.of(TicketEventType.CREATED, TicketEventType.ASSIGNED), timeline.stream().map(TicketEvent::getType).toList());
            assertEquals(List.of(Phrase.of("timeline.createdFromChannel", "channel", "Tuki — äö 日本語")), timeline.get(0).getPhrases());
            assertEquals("bob", timeline.get(1).getPhrases().get(1).items().get(0).args().get("agent"));
        });
    }

    @Test
    void twoAgentsSavingTheSameTicketCannotOverwriteEachOther() {
        long number = ticketNumber();
        Long id = tx.call(em -> {
            Pipeline pipeline = support(em);
            Ticket ticket = new Ticket(number, "Shared edit", pipeline, pipeline.openStage(), null, TicketSource.API);
            em.persist(ticket);
            em.flush();
            return ticket.getId();
        });
        Ticket first = tx.call(em -> em.find(Ticket.class, id));
        Ticket second = tx.call(em -> em.find(Ticket.class, id));
        first.prioritize(Priority.URGENT);
        tx.run(em -> em.merge(first));
        second.rename("Overwritten?");
        RuntimeException conflict = assertThrows(RuntimeException.class, () -> tx.run(em -> {
            em.merge(second);
            em.flush();
        }));
        assertTrue(causedBy(conflict, OptimisticLockException.class), "optimistic lock: " + conflict);
        Ticket stored = tx.call(em -> em.find(Ticket.class, id));
        assertEquals("Shared edit", stored.getSubject());
        assertEquals(Priority.URGENT, stored.getPriority());
    }

    @Test
    void theDatabaseRefusesASecondMessageWithTheSameChannelExternalId() {
        String externalId = unique("<dup@example.com>");
        Long conversationId = tx.call(em -> {
            Pipeline pipeline = support(em);
            Channel channel = new Channel("CUSTOM", unique("Custom"), TicketDefaults.of(pipeline));
            em.persist(channel);
            Conversation conversation = new Conversation(channel, null, unique("thread"));
            em.persist(conversation);
            em.persist(Message.inbound(conversation, externalId, null, "first", null, Instant.now()));
            em.flush();
            return conversation.getId();
        });
        assertThrows(RuntimeException.class, () -> tx.run(em -> {
            Conversation conversation = em.find(Conversation.class, conversationId);
            em.persist(Message.inbound(conversation, externalId, null, "second delivery", null, Instant.now()));
            em.flush();
        }));
        long count = tx.call(em -> em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.externalId = :id", Long.class)
                .setParameter("id", externalId).getSingleResult());
        assertEquals(1, count);
    }

    @Test
    void inboundItemsKeepTheirRawBytesAndStateAndSharedInboxChannelsPersist() {
        byte[] raw = "From: a@example.com\r\nSubject: =?UTF-8?B?w6TDtg==?=\r\n\r\n\u0000binary\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Long id = tx.call(em -> {
            Pipeline pipeline = support(em);
            Inbox inbox = new Inbox(unique("Sales inbox"));
            em.persist(inbox);
            Channel channel = new Channel("FORM", unique("Contact form"), TicketDefaults.of(pipeline));
            channel.connectToInbox(inbox);
            em.persist(channel);
            InboundItem item = new InboundItem(channel, unique("key"), "message/rfc822", raw);
            item.recordFailure("parser crashed", 5, Duration.ofSeconds(10));
            em.persist(item);
            em.flush();
            return item.getId();
        });
        tx.run(em -> {
            InboundItem item = em.find(InboundItem.class, id);
            assertEquals(raw.length, item.getPayload().length);
            assertTrue(java.util.Arrays.equals(raw, item.getPayload()), "raw bytes kept exactly");
            assertEquals(InboundState.PENDING, item.getState());
            assertEquals(1, item.getAttempts());
            assertEquals("parser crashed", item.getLastError());
            assertFalse(item.getChannel().createsTickets());
            assertNotNull(item.getChannel().getInbox());
            assertNull(item.getProcessedAt());
        });
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
