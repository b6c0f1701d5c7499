package org.switchboard.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.routing.control.AgentSnapshot;
import org.switchboard.routing.control.RoutingDecision;
import org.switchboard.routing.control.RoutingEngine;
import org.switchboard.routing.control.RoutingRule;
import org.switchboard.routing.control.TicketFacts;

/**
 * Routing decision time with 1,000 agents in 50 teams with 20 skills: one rule reaching every
 * team, three skill rules (two match each ticket). Goal: p99 under 5 ms.
 *
 * <pre>mvn -q test-compile && java -cp target/classes:target/test-classes org.switchboard.bench.RoutingBenchmark</pre>
 */
public final class RoutingBenchmark {

    public static void main(String[] args) {
        int agents = 1000;
        int teams = 50;
        int skills = 20;
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(42);
        List<AgentSnapshot> pool = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            Set<Long> agentSkills = new HashSet<>();
            while (agentSkills.size() < 1 + random.nextInt(5)) {
                agentSkills.add((long) random.nextInt(skills));
            }
            Set<Long> agentTeams = new HashSet<>(List.of((long) (1000 + random.nextInt(teams)), (long) (1000 + random.nextInt(teams))));
            pool.add(new AgentSnapshot(i, "agent" + i, random.nextInt(50) > 0, random.nextInt(20) > 0, random.nextInt(10) < 7,
                    agentSkills, agentTeams, random.nextBoolean() ? null : 5 + random.nextInt(20), random.nextInt(25),
                    random.nextInt(4) == 0 ? null : Instant.ofEpochSecond(1_790_000_000L + random.nextInt(1_000_000))));
        }
        Set<Long> allTeams = new HashSet<>();
        for (int t = 0; t < teams; t++) {
            allTeams.add(1000L + t);
        }
        List<RoutingRule.SkillCondition> rules = List.of(
                new RoutingRule.SkillCondition("fi", null, List.of(), null, null, Map.of(1L, "Finnish")),
                new RoutingRule.SkillCondition(null, null, List.of("invoice", "refund", "billing"), null, null, Map.of(2L, "Billing")),
                new RoutingRule.SkillCondition(null, "Hardware", List.of(), null, null, Map.of(3L, "Hardware")));
        RoutingRule rule = new RoutingRule(RoutingMode.USERS_AND_TEAMS, true, Set.of(), allTeams, rules);
        TicketFacts facts = new TicketFacts("fi", null, "Laskussa virhe", "My invoice has line 3 twice", null);
        RoutingEngine engine = new RoutingEngine();

        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < 20_000; i++) { // warm-up: let the JIT compile the hot path
            engine.decide(rule, facts, pool);
        }
        long[] samples = new long[decisions];
        for (int i = 0; i < decisions; i++) {
            long start = System.nanoTime();
            RoutingDecision decision = engine.decide(rule, facts, pool);
            samples[i] = System.nanoTime() - start;
            outcomes.merge(decision.outcome().name(), 1, Integer::sum);
        }
        Percentiles p = new Percentiles(samples);
        RoutingDecision sample = engine.decide(rule, facts, pool);
        System.out.println("Machine: " + Percentiles.machine());
        System.out.printf("Routing decision, %d agents, %d teams, %d skills, %d decisions: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                agents, teams, skills, decisions, p.millis(50), p.millis(99), p.millis(100));
        System.out.println("Outcomes: " + outcomes + "; eligible-agent choice " + (sample.chosen() == null ? "none" : sample.chosen().username())
                + ", skipped " + sample.skipped().size());
    }
}
