package org.switchboard.channels.control;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.platform.validation.OneLine;

/** What the channel API takes and returns; the settings screens use the same shapes. */
public final class ChannelDtos {

    private ChannelDtos() {
    }

    public record ChannelRequest(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 100) @OneLine String name,
                                 ChannelDestination destination, Long inboxId, @Size(max = 100) @OneLine String inboxName,
                                 Boolean enabled, @Valid TicketDefaultsDto ticketDefaults, @Valid RoutingDto routing,
                                 Long version) {
    }

    public record TicketDefaultsDto(Long pipelineId, Long stageId, Priority priority, @Size(max = 500) @OneLine String nameTemplate,
                                    @Size(max = 4000) String descriptionTemplate, @Size(max = 100) @OneLine String category) {
    }

    public record RoutingDto(RoutingMode mode, Boolean availableOnly, Set<Long> userIds, Set<Long> teamIds,
                             @Valid List<SkillRuleDto> skillRules) {
    }

    public record SkillRuleDto(@Size(max = 35) String language, @Size(max = 100) String category, List<String> keywords,
                               Long teamId, @NotNull @Size(min = 1) Set<Long> skillIds) {
    }

    public record ChannelView(long id, String key, String type, String name, boolean enabled, ChannelDestination destination,
                              Long inboxId, TicketDefaultsDto ticketDefaults, RoutingDto routing, long version, Instant createdAt) {
    }
}
