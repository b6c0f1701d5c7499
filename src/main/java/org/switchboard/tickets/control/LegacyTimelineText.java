package org.switchboard.tickets.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.tickets.entity.Phrase;

/**
 * Reads the English sentences that timeline entries held before they became phrases (schema
 * version 6) back into phrases, so that old entries also read in each reader's language. A
 * sentence it does not recognise stays as it was ({@link Phrase#verbatim}): nothing is lost.
 */
public final class LegacyTimelineText {

    private static final List<Form> FORMS = List.of(
            form("Created from channel (.*)", m -> Phrase.of("timeline.createdFromChannel", "channel", m.group(1))),
            form("Created through the (channel|api|import|workflow|integration) source", m -> Phrase.of("timeline.createdThrough")
                    .with(List.of(Phrase.of("source." + m.group(1).toUpperCase(Locale.ROOT))))),
            form("Assigned to (\\S+) \\(was (\\S+)\\)", m -> Phrase.of("timeline.reassigned", "agent", m.group(1), "previous", m.group(2))),
            form("Assigned to (\\S+)", m -> Phrase.of("timeline.assignedTo", "agent", m.group(1))),
            form("Unassigned from (\\S+)", m -> Phrase.of("timeline.unassignedFrom", "agent", m.group(1))),
            form("Subject: (.*)", m -> Phrase.of("timeline.subject", "subject", m.group(1))),
            form("Priority: (LOW|MEDIUM|HIGH|URGENT)", m -> Phrase.of("timeline.priority").with(List.of(Phrase.of("priority." + m.group(1))))),
            form("Stage: (.*)", m -> Phrase.of("timeline.stage", "stage", m.group(1))),
            form("Reply queued for delivery", m -> Phrase.of("timeline.replyQueued")),
            form("Reply sent through (.*)", m -> Phrase.of("timeline.replySentThrough", "channel", m.group(1))),
            form("Reply could not be sent after (\\d+) attempts: (.*)", m -> Phrase.of("timeline.replyGaveUp", "attempts", m.group(1), "reason", m.group(2))),
            form("Reply refused: (.*)", m -> Phrase.of("timeline.replyRefused", "reason", m.group(1))),
            form("Reply cannot be sent: (.*)", m -> Phrase.of("timeline.replyFailed", "reason", m.group(1))),
            form("Reply not delivered: (.*)", m -> Phrase.of("timeline.replyNotDelivered", "reason", m.group(1))),
            form("Follows #(\\d+), closed more than (\\d+) days before this reply", m -> Phrase.of("timeline.follows", "number", m.group(1), "days", m.group(2))),
            form("Followed up by #(\\d+)", m -> Phrase.of("timeline.followedUpBy", "number", m.group(1))),
            form("Reopened by a reply from (.*)", m -> Phrase.of("timeline.reopenedBy", "contact", m.group(1))),
            form("Automatic message from (.*) \\(([^()]*)\\); the ticket was left as it was", m -> Phrase.of("timeline.automaticFrom", "contact", m.group(1), "kind", m.group(2))),
            form("Message from (.*)", m -> Phrase.of("timeline.messageFrom", "contact", m.group(1))),
            form("Created for a conversation moved from the shared inbox", m -> Phrase.of("timeline.movedFromInbox")),
            form("Closed by the import: last message older than (\\d+) days", m -> Phrase.of("timeline.closedOld", "days", m.group(1))),
            form("Closed by the import: the team answered last", m -> Phrase.of("timeline.closedAnswered")));

    /** The routing explanation as RoutingDecision wrote it before version 6. */
    private static final Pattern ROUTING = Pattern.compile("Rule: (no one|specific users and teams|contact owner), (available users only|availability ignored)"
            + "(?:; skill rule requires (.+?)(?: in team (.+?))?)?(; the contact has no owner|; the contact owner is not an agent)?\\. "
            + "(?:Chose (\\S+) \\((\\d+) open tickets(?: of (\\d+))?\\)\\.|(Not assigned automatically\\.)|(Nobody is eligible now; waiting in the queue\\.)"
            + "|The contact owner is away; waiting, owner (notified|could not be notified)\\.)(?: Skipped: (.*)\\.)?");
    private static final Pattern SKIP = Pattern.compile("(\\S+) — (deactivated|no paid seat|away|not in team|missing skill|at capacity)(?: (.*))?");
    private static final List<String> SKIP_TEXTS = List.of("deactivated", "no paid seat", "away", "not in team", "missing skill", "at capacity");
    private static final List<String> SKIP_REASONS = List.of("INACTIVE", "NO_SEAT", "AWAY", "NOT_IN_TEAM", "MISSING_SKILL", "AT_CAPACITY");

    private LegacyTimelineText() {
    }

    /** @param eventType the entry's type: a bounce held the mail server's own words, never a sentence of ours */
    public static List<Phrase> read(String eventType, String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return List.of();
        }
        if ("BOUNCED".equals(eventType)) {
            return List.of(Phrase.verbatim(sentence));
        }
        List<Phrase> routing = routing(sentence);
        if (routing != null) {
            return routing;
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern.matcher(sentence);
            if (m.matches()) {
                return List.of(form.phrase.apply(m));
            }
        }
        return List.of(Phrase.verbatim(sentence));
    }

    private static List<Phrase> routing(String sentence) {
        Matcher m = ROUTING.matcher(sentence);
        if (!m.matches()) {
            return null;
        }
        List<Phrase> phrases = new ArrayList<>();
        phrases.add(Phrase.of("routing.rule." + switch (m.group(1)) {
            case "no one" -> "NO_ONE";
            case "contact owner" -> "CONTACT_OWNER";
            default -> "USERS_AND_TEAMS";
        }));
        phrases.add(Phrase.of(m.group(2).startsWith("available") ? "routing.availableOnly" : "routing.availabilityIgnored"));
        if (m.group(3) != null) {
            phrases.add(m.group(4) == null ? Phrase.of("routing.requires", "skills", m.group(3))
                    : Phrase.of("routing.requiresInTeam", "skills", m.group(3), "teams", m.group(4)));
        }
        if (m.group(5) != null) {
            phrases.add(Phrase.of(m.group(5).contains("no owner") ? "routing.noOwner" : "routing.ownerNotAgent"));
        }
        if (m.group(6) != null) {
            phrases.add(m.group(8) == null ? Phrase.of("routing.chose", "agent", m.group(6), "open", m.group(7))
                    : Phrase.of("routing.choseOfCapacity", "agent", m.group(6), "open", m.group(7), "capacity", m.group(8)));
        } else if (m.group(9) != null) {
            phrases.add(Phrase.of("routing.notRouted"));
        } else if (m.group(10) != null) {
            phrases.add(Phrase.of("routing.waiting"));
        } else {
            boolean ownerNotified = "notified".equals(m.group(11));
            phrases.add(Phrase.of(ownerNotified ? "routing.ownerAway" : "routing.ownerAwayUnnotified"));
        }
        if (m.group(12) != null) {
            List<Phrase> skips = new ArrayList<>();
            for (String item : m.group(12).split("; ")) {
                Matcher skip = SKIP.matcher(item);
                if (!skip.matches()) {
                    return null; // a skill or team name with "; " in it: keep the sentence as it was
                }
                skips.add(Phrase.of("routing.skip." + SKIP_REASONS.get(SKIP_TEXTS.indexOf(skip.group(2))),
                        "agent", skip.group(1), "detail", skip.group(3)));
            }
            phrases.add(Phrase.of("routing.skipped").with(skips));
        }
        return phrases;
    }

    private static Form form(String regex, Function<Matcher, Phrase> phrase) {
        return new Form(Pattern.compile(regex, Pattern.DOTALL), phrase);
    }

    private record Form(Pattern pattern, Function<Matcher, Phrase> phrase) {
    }
}
