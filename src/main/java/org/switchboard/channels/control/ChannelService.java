package org.switchboard.channels.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelDtos.RoutingDto;
import org.switchboard.channels.control.ChannelDtos.SkillRuleDto;
import org.switchboard.channels.control.ChannelDtos.TicketDefaultsDto;
import org.switchboard.channels.entity.Channel;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.channels.entity.SkillRule;
import org.switchboard.channels.entity.TicketDefaults;
import org.switchboard.identity.entity.Skill;
import org.switchboard.identity.entity.Team;
import org.switchboard.identity.entity.User;
import org.switchboard.inboxes.entity.Inbox;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.PipelineStage;
import org.switchboard.platform.cache.RecentLookups;
import org.switchboard.platform.persistence.Lookups;
import org.switchboard.pipelines.control.DefaultPipeline;
import org.switchboard.platform.validation.SingleLine;

/** Channel administration; each method one transaction. */
@ApplicationScoped
@Transactional
public class ChannelService {

    /** Every inbound call names its channel by key; the answer rarely changes (see {@link RecentLookups}). */
    private static final Duration KEY_LOOKUP_LIFETIME = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    private final RecentLookups<String, ChannelRef> byKey = new RecentLookups<>(KEY_LOOKUP_LIFETIME, 10_000);

    @Inject
    ChannelConnectors connectors;

    /** The little the inbound endpoint needs to know about a channel. */
    public record ChannelRef(long id, String name, boolean enabled) {
    }

    /** On every inbound request: one query for three columns, no entity, no transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChannelRef> byPublicKey(String key) {
        return byKey.get(key, k -> em.createQuery("SELECT c.id, c.name, c.enabled FROM Channel c WHERE c.publicKey = :key", Object[].class)
                .setParameter("key", k).getResultStream().findFirst()
                .map(r -> new ChannelRef((Long) r[0], (String) r[1], (Boolean) r[2])));
    }

    /** The channel a public endpoint names by key; 404 (as the API answers) when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChannelRef requireByPublicKey(String key) {
        return byPublicKey(key).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No channel with key " + key));
    }

    public ChannelView create(ChannelRequest request) {
        if (!connectors.exists(request.type())) {
            throw new IllegalArgumentException("type: no channel kind " + request.type() + " in this version; kinds: "
                    + String.join(", ", connectors.all().stream().map(c -> c.kind()).toList()));
        }
        Channel channel = new Channel(request.type(), SingleLine.check(request.name(), "name"), defaults(request.ticketDefaults()));
        apply(channel, request);
        em.persist(channel);
        em.flush();
        return view(channel);
    }

    public Optional<ChannelView> update(long id, ChannelRequest request) {
        Channel channel = em.find(Channel.class, id);
        if (channel == null) {
            return Optional.empty();
        }
        if (request.version() != null && request.version() != channel.getVersion()) {
            throw new OptimisticLockException("Channel " + id + " was changed by someone else");
        }
        if (!channel.getType().equals(request.type())) {
            throw new IllegalArgumentException("type: a channel's type cannot change; connect a new channel instead");
        }
        byKey.clearWhenDone(transaction);
        channel.rename(SingleLine.check(request.name(), "name"));
        channel.changeTicketDefaults(defaults(request.ticketDefaults()));
        apply(channel, request);
        em.flush();
        return Optional.of(view(channel));
    }

    public Optional<ChannelView> enable(long id, boolean enabled) {
        Channel channel = em.find(Channel.class, id);
        if (channel == null) {
            return Optional.empty();
        }
        byKey.clearWhenDone(transaction);
        if (enabled) {
            channel.enable();
        } else {
            channel.disable();
        }
        em.flush();
        return Optional.of(view(channel));
    }

    /** The channels that send email themselves (team email): those a form or an away chat names to answer by email. */
    public List<ChannelView> sendingEmail() {
        return list().stream().filter(c -> connectors.sendsEmail(c.type(), c.id())).toList();
    }

    public List<ChannelView> list() {
        return em.createNamedQuery("Channel.all", Channel.class).getResultStream().map(ChannelService::view).toList();
    }

    public Optional<ChannelView> get(long id) {
        return Optional.ofNullable(em.find(Channel.class, id)).map(ChannelService::view);
    }

    private void apply(Channel channel, ChannelRequest request) {
        if (request.destination() == ChannelDestination.SHARED_INBOX) {
            Inbox inbox;
            if (request.inboxId() != null) {
                inbox = find(Inbox.class, request.inboxId(), "inboxId");
            } else {
                inbox = new Inbox(request.inboxName() == null ? request.name() + " inbox" : request.inboxName());
                em.persist(inbox);
            }
            channel.connectToInbox(inbox);
        } else {
            channel.connectToHelpDesk();
        }
        if (request.enabled() == null || request.enabled()) {
            channel.enable();
        } else {
            channel.disable();
        }
        RoutingDto routing = request.routing();
        if (routing == null || routing.mode() == null || routing.mode() == RoutingMode.NO_ONE) {
            channel.routeToNoOne();
        } else if (routing.mode() == RoutingMode.CONTACT_OWNER) {
            channel.routeToContactOwner();
        } else {
            Set<User> users = new HashSet<>();
            (routing.userIds() == null ? Set.<Long>of() : routing.userIds()).forEach(uid -> users.add(find(User.class, uid, "userIds")));
            Set<Team> teams = new HashSet<>();
            (routing.teamIds() == null ? Set.<Long>of() : routing.teamIds()).forEach(tid -> teams.add(find(Team.class, tid, "teamIds")));
            channel.routeTo(users, teams);
        }
        channel.routeToAvailableOnly(routing == null || routing.availableOnly() == null || routing.availableOnly());
        List<Channel.SkillRuleSpec> specs = new ArrayList<>();
        for (SkillRuleDto dto : routing == null || routing.skillRules() == null ? List.<SkillRuleDto>of() : routing.skillRules()) {
            Set<Skill> skills = new HashSet<>();
            dto.skillIds().forEach(sid -> skills.add(find(Skill.class, sid, "skillIds")));
            specs.add(new Channel.SkillRuleSpec(dto.language(), dto.category(), dto.keywords(),
                    dto.teamId() == null ? null : find(Team.class, dto.teamId(), "teamId"), skills));
        }
        channel.replaceSkillRules(specs);
    }

    private TicketDefaults defaults(TicketDefaultsDto dto) {
        Pipeline pipeline = dto == null || dto.pipelineId() == null
                ? em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", DefaultPipeline.NAME).getSingleResult()
                : find(Pipeline.class, dto.pipelineId(), "ticketDefaults.pipelineId");
        PipelineStage stage = dto == null || dto.stageId() == null ? pipeline.openStage() : find(PipelineStage.class, dto.stageId(), "ticketDefaults.stageId");
        return dto == null ? TicketDefaults.of(pipeline)
                : new TicketDefaults(pipeline, stage, dto.priority(), dto.nameTemplate(), dto.descriptionTemplate(), dto.category());
    }

    private <T> T find(Class<T> type, Long id, String field) {
        return Lookups.require(em, type, id, field);
    }

    static ChannelView view(Channel c) {
        TicketDefaults d = c.getTicketDefaults();
        List<SkillRuleDto> rules = c.getSkillRules().stream().map(ChannelService::skillRule).toList();
        return new ChannelView(c.getId(), c.getPublicKey(), c.getType(), c.getName(), c.isEnabled(), c.getDestination(),
                c.getInbox() == null ? null : c.getInbox().getId(),
                new TicketDefaultsDto(d.pipeline().getId(), d.stage().getId(), d.priority(), d.nameTemplate(), d.descriptionTemplate(), d.category()),
                new RoutingDto(c.getRoutingMode(), c.routesToAvailableOnly(),
                        c.getRouteUsers().stream().map(User::getId).collect(java.util.stream.Collectors.toSet()),
                        c.getRouteTeams().stream().map(Team::getId).collect(java.util.stream.Collectors.toSet()), rules),
                c.getVersion(), c.getCreatedAt());
    }

    private static SkillRuleDto skillRule(SkillRule r) {
        return new SkillRuleDto(r.getLanguage(), r.getCategory(), r.getKeywords(), r.getTeam() == null ? null : r.getTeam().getId(),
                r.getRequiredSkills().stream().map(Skill::getId).collect(java.util.stream.Collectors.toSet()));
    }
}
