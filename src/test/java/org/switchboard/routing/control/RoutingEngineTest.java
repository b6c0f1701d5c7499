package org.switchboard.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.routing.control.RoutingDecision.Outcome;
import org.switchboard.routing.control.RoutingRule.SkillCondition;
import org.switchboard.tickets.control.TimelineTexts;

class RoutingEngineTest {

    private static final long SUPPORT_TEAM = 100;
    private static final long FINNISH = 500;
    private static final long BILLING = 501;
    private static final Instant EARLY = Instant.parse("2026-11-25T08:00:00Z");
    private static final Instant LATE = Instant.parse("2026-11-25T09:00:00Z");

    private final RoutingEngine engine = new RoutingEngine();

    /** An available agent with a seat in the support team, no skills, no cap, idle. */
    private static AgentSnapshot agent(long id, String name) {
        return new AgentSnapshot(id, name, true, true, true, Set.of(), Set.of(SUPPORT_TEAM), null, 0, null);
    }

    private static AgentSnapshot with(AgentSnapshot a, Boolean active, Boolean seat, Boolean available, Set<Long> skills,
                                      Integer capacity, Long open, Instant last) {
        return new AgentSnapshot(a.id(), a.username(), active == null ? a.active() : active, seat == null ? a.paidSeat() : seat,
                available == null ? a.available() : available, skills == null ? a.skillIds() : skills, a.teamIds(),
                capacity == null ? a.capacity() : capacity, open == null ? a.openTickets() : open, last == null ? a.lastAssignedAt() : last);
    }

    private static RoutingRule team(boolean availableOnly, SkillCondition... rules) {
        return new RoutingRule(RoutingMode.USERS_AND_TEAMS, availableOnly, Set.of(), Set.of(SUPPORT_TEAM), List.of(rules));
    }

    private static final TicketFacts PLAIN = new TicketFacts(null, null, "Printer broken", "It jams", null);
    private static final TicketFacts FINNISH_INVOICE = new TicketFacts("fi", null, "Lasku väärin", "My invoice is wrong", null);

    static Stream<Arguments> scenarios() {
        AgentSnapshot maria = agent(1, "maria");
        AgentSnapshot ahmed = agent(2, "ahmed");
        SkillCondition finnishRule = new SkillCondition("fi", null, List.of(), null, null, Map.of(FINNISH, "Finnish"));
        SkillCondition invoiceRule = new SkillCondition(null, null, List.of("invoice"), null, null, Map.of(BILLING, "Billing"));
        return Stream.of(
                Arguments.of("fewest open tickets wins", team(true), PLAIN,
                        List.of(with(maria, null, null, null, null, null, 3L, null), with(ahmed, null, null, null, null, null, 1L, null)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("equal load: longest since last assignment wins", team(true), PLAIN,
                        List.of(with(maria, null, null, null, null, null, 1L, LATE), with(ahmed, null, null, null, null, null, 1L, EARLY)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("never assigned beats assigned earlier", team(true), PLAIN,
                        List.of(with(maria, null, null, null, null, null, 0L, EARLY), ahmed), "ahmed", Outcome.ASSIGNED),
                Arguments.of("away agents are skipped", team(true), PLAIN,
                        List.of(with(maria, null, null, false, null, null, null, null), with(ahmed, null, null, null, null, null, 9L, null)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("availability ignored when the rule says so", team(false), PLAIN,
                        List.of(with(maria, null, null, false, null, null, null, null), with(ahmed, null, null, null, null, null, 9L, null)), "maria", Outcome.ASSIGNED),
                Arguments.of("no seat, no automatic assignment", team(false), PLAIN,
                        List.of(with(maria, null, false, null, null, null, null, null)), null, Outcome.WAITING),
                Arguments.of("deactivated users are skipped", team(true), PLAIN,
                        List.of(with(maria, false, null, null, null, null, null, null)), null, Outcome.WAITING),
                Arguments.of("capacity caps automatic assignment", team(true), PLAIN,
                        List.of(with(maria, null, null, null, null, 2, 2L, null), with(ahmed, null, null, null, null, 5, 4L, null)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("everyone at capacity: the ticket waits", team(true), PLAIN,
                        List.of(with(maria, null, null, null, null, 1, 1L, null)), null, Outcome.WAITING),
                Arguments.of("zero capacity takes nothing", team(true), PLAIN,
                        List.of(with(maria, null, null, null, null, 0, 0L, null)), null, Outcome.WAITING),
                Arguments.of("a matching skill rule requires the skill", team(true, finnishRule), FINNISH_INVOICE,
                        List.of(maria, with(ahmed, null, null, null, Set.of(FINNISH), null, 7L, null)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("a skill rule that does not match requires nothing", team(true, finnishRule), PLAIN,
                        List.of(maria, with(ahmed, null, null, null, Set.of(FINNISH), null, 7L, null)), "maria", Outcome.ASSIGNED),
                Arguments.of("several matching rules require all their skills", team(true, finnishRule, invoiceRule), FINNISH_INVOICE,
                        List.of(with(maria, null, null, null, Set.of(FINNISH), null, null, null), with(ahmed, null, null, null, Set.of(FINNISH, BILLING), null, 3L, null)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("keywords match case-insensitively in subject or text", team(true, invoiceRule), new TicketFacts(null, null, "INVOICE", "", null),
                        List.of(maria, with(ahmed, null, null, null, Set.of(BILLING), null, 3L, null)), "ahmed", Outcome.ASSIGNED),
                Arguments.of("nobody has the skill: waits", team(true, finnishRule), FINNISH_INVOICE,
                        List.of(maria, ahmed), null, Outcome.WAITING));
    }

    @ParameterizedTest // the display name starts with the scenario text
    @MethodSource("scenarios")
    void decides(String scenario, RoutingRule rule, TicketFacts facts, List<AgentSnapshot> agents, String expected, Outcome outcome) {
        RoutingDecision decision = engine.decide(rule, facts, agents);
        assertEquals(outcome, decision.outcome(), scenario + ": " + decision.explain());
        assertEquals(expected, decision.chosen() == null ? null : decision.chosen().username(), scenario + ": " + decision.explain());
    }

    @Test
    void theExplanationNamesTheRuleTheChoiceAndEverySkippedCandidateWithItsReason() {
        AgentSnapshot liisa = with(agent(3, "liisa"), null, null, false, null, null, null, null);
        AgentSnapshot olli = with(agent(4, "olli"), null, null, null, Set.of(FINNISH), 2, 2L, null);
        AgentSnapshot pekka = with(agent(5, "pekka"), null, false, null, null, null, null, null);
        AgentSnapshot maria = with(agent(1, "maria"), null, null, null, Set.of(FINNISH), 5, 1L, null);
        AgentSnapshot ahmed = agent(2, "ahmed");
        SkillCondition finnish = new SkillCondition("fi", null, List.of(), null, null, Map.of(FINNISH, "Finnish"));
        RoutingDecision decision = engine.decide(team(true, finnish), FINNISH_INVOICE, List.of(liisa, olli, pekka, maria, ahmed));
        String text = decision.explain();
        assertEquals("maria", decision.chosen().username());
        assertTrue(text.startsWith("Rule: specific users and teams, available users only; skill rule requires Finnish. Chose maria (1 open tickets of 5)."), text);
        assertTrue(text.contains("ahmed — missing skill Finnish"), text);
        assertTrue(text.contains("liisa — away"), text);
        assertTrue(text.contains("olli — at capacity (2/2)"), text);
        assertTrue(text.contains("pekka — no paid seat"), text);
        assertEquals(SUPPORT_TEAM, decision.viaTeamId());

        String inFinnish = TimelineTexts.render(decision.explanation(), Locale.forLanguageTag("fi"));
        assertTrue(inFinnish.startsWith("Sääntö: valitut käyttäjät ja tiimit, vain paikalla olevat käyttäjät; taitosääntö vaatii: Finnish. "
                + "Valittiin maria (1/5 avointa tikettiä)."), inFinnish);
        assertTrue(inFinnish.contains("Ohitettiin: ahmed — puuttuva taito Finnish; liisa — poissa; olli — kapasiteetti täynnä (2/2); pekka — ei maksettua käyttäjäpaikkaa."), inFinnish);
    }

    @Test
    void aSkillRuleWithATeamSkipsOutsidersAsNotInTeam() {
        long nordic = 200;
        AgentSnapshot outsider = agent(1, "maria");
        AgentSnapshot insider = new AgentSnapshot(2, "ahmed", true, true, true, Set.of(), Set.of(SUPPORT_TEAM, nordic), null, 4, null);
        SkillCondition rule = new SkillCondition("fi", null, List.of(), nordic, "Nordic", Map.of());
        RoutingDecision decision = engine.decide(team(true, rule), FINNISH_INVOICE, List.of(outsider, insider));
        assertEquals("ahmed", decision.chosen().username());
        assertTrue(decision.explain().contains("maria — not in team Nordic"), decision.explain());
    }

    @Test
    void explicitlyListedUsersAreReachedWithoutATeam() {
        AgentSnapshot loner = new AgentSnapshot(9, "loner", true, true, true, Set.of(), Set.of(), null, 0, null);
        RoutingRule rule = new RoutingRule(RoutingMode.USERS_AND_TEAMS, true, Set.of(9L), Set.of(), List.of());
        RoutingDecision decision = engine.decide(rule, PLAIN, List.of(loner, agent(1, "not-listed")));
        assertEquals("loner", decision.chosen().username());
        assertNull(decision.viaTeamId());
        assertTrue(decision.skipped().isEmpty(), "agents the rule does not reach are not candidates");
    }

    @Test
    void noOneMeansNotRouted() {
        RoutingRule rule = new RoutingRule(RoutingMode.NO_ONE, true, Set.of(), Set.of(), List.of());
        assertEquals(Outcome.NOT_ROUTED, engine.decide(rule, PLAIN, List.of(agent(1, "maria"))).outcome());
    }

    @Test
    void contactOwnerGetsTheTicketUnlessAwayWithAvailableOnly() {
        AgentSnapshot owner = agent(7, "owner");
        TicketFacts ownedBy7 = new TicketFacts(null, null, "s", "t", 7L);
        RoutingRule availableOnly = new RoutingRule(RoutingMode.CONTACT_OWNER, true, Set.of(), Set.of(), List.of());
        RoutingRule ignoreAvailability = new RoutingRule(RoutingMode.CONTACT_OWNER, false, Set.of(), Set.of(), List.of());
        assertEquals("owner", engine.decide(availableOnly, ownedBy7, List.of(owner)).chosen().username());

        AgentSnapshot away = with(owner, null, null, false, null, null, null, null);
        assertEquals(Outcome.OWNER_AWAY, engine.decide(availableOnly, ownedBy7, List.of(away)).outcome());
        assertEquals("owner", engine.decide(ignoreAvailability, ownedBy7, List.of(away)).chosen().username());

        assertEquals(Outcome.NOT_ROUTED, engine.decide(availableOnly, PLAIN, List.of(owner)).outcome(), "no owner");
        AgentSnapshot full = with(owner, null, null, null, null, 1, 1L, null);
        assertEquals(Outcome.WAITING, engine.decide(availableOnly, ownedBy7, List.of(full)).outcome(), "owner at capacity waits");
    }
}
