package org.switchboard.channels.connector;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every kind of channel this build has, found by CDI; shared code asks here instead of naming a kind. */
@ApplicationScoped
public class ChannelConnectors {

    @Inject
    @Any
    Instance<ChannelConnector> connectors;

    public Optional<ChannelConnector> of(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        for (ChannelConnector connector : connectors) {
            if (connector.kind().equals(kind)) {
                return Optional.of(connector);
            }
        }
        return Optional.empty();
    }

    /** The kinds an admin can connect, in name order. */
    public List<ChannelConnector> all() {
        return connectors.stream().sorted(Comparator.comparing(ChannelConnector::kind)).toList();
    }

    /**
     * Whether a channel sends email itself (team email): the channel a kind that cannot answer
     * (a form, a chat whose visitor left) names to answer by email.
     */
    public boolean sendsEmail(String kind, long channelId) {
        return of(kind).filter(k -> k.identity() == ContactIdentity.EMAIL && k.repliesThrough(channelId).isEmpty()).isPresent();
    }

    public boolean exists(String kind) {
        return of(kind).isPresent();
    }
}
