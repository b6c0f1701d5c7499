package org.switchboard.workspace.boundary;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.switchboard.identity.boundary.UserSession;
import org.switchboard.workspace.control.ViewCounts;
import org.switchboard.workspace.control.ViewCounts.Count;
import org.switchboard.workspace.control.ViewCounts.Counts;
import org.switchboard.workspace.control.WorkspaceQueries;
import org.switchboard.workspace.control.WorkspaceQueries.ChannelOption;

/** The workspace sidebar: the views with their counts, and each channel's open tickets. Read once per request. */
@Named
@RequestScoped
public class Sidebar {

    @Inject
    ViewCounts viewCounts;

    @Inject
    WorkspaceQueries queries;

    @Inject
    UserSession session;

    private List<ChannelOption> channels;
    private Counts counts;

    public List<ChannelOption> getChannels() {
        if (channels == null) {
            channels = queries.channels();
        }
        return channels;
    }

    public Counts getCounts() {
        if (counts == null) {
            counts = viewCounts.of(session.getUserId(), getChannels().stream().map(ChannelOption::id).toList());
        }
        return counts;
    }

    /** "42", or "10,000+" when the count stopped at the cap; in the view's locale. */
    public String label(Count count) {
        String number = java.text.NumberFormat.getIntegerInstance(session.getLocale()).format(count.value());
        return count.capped() ? number + "+" : number;
    }

    public String channelName(Long channelId) {
        return getChannels().stream().filter(c -> channelId != null && c.id() == channelId).map(ChannelOption::name).findFirst().orElse("");
    }

    public Count channelCount(long channelId) {
        return getCounts().openByChannel().getOrDefault(channelId, new Count(0, false));
    }
}
