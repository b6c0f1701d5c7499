package org.switchboard.channels.form.boundary;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.form.control.FormService;
import org.switchboard.channels.form.control.FormService.FormView;
import org.switchboard.channels.form.control.Refusal;

/** A form channel's card on the channel page: its form, the channel that answers, and the refusals per reason. */
@Named
@RequestScoped
public class FormChannelCard {

    @Inject
    FormService forms;

    @Inject
    @Param(name = "id")
    Long channelId;

    private FormView form;
    private String replyChannel;

    @PostConstruct
    void init() {
        form = channelId == null ? null : forms.ofChannel(channelId).orElse(null);
        replyChannel = form == null || form.replyChannelId() == null ? null : forms.channelName(form.replyChannelId()).orElse(null);
    }

    public FormView getForm() {
        return form;
    }

    public String getReplyChannel() {
        return replyChannel;
    }

    public Map<Refusal, Long> getRefusals() {
        return form == null ? Map.of() : form.refusals();
    }
}
