package org.switchboard.conversations.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.switchboard.channels.entity.Channel;
import org.switchboard.identity.entity.User;
import org.switchboard.platform.persistence.Checks;

/**
 * A message of kind call: what the phone system reported about one call (channel + the provider's call
 * id), kept beside the message that carries it through the conversation and the ticket. Each event is
 * applied through {@link CallProgress}, so repeated, late and out-of-order events give the same call;
 * {@link #getState()} follows from what is known.
 */
@Entity
@Table(name = "calls")
@NamedQuery(name = "Call.byProviderId", query = "SELECT c FROM Call c WHERE c.channel = :channel AND c.providerCallId = :callId")
@NamedQuery(name = "Call.ofMessages", query = "SELECT c FROM Call c LEFT JOIN FETCH c.agent WHERE c.message.id IN :ids")
public class Call {

    @Id
    @SequenceGenerator(name = "calls_seq", sequenceName = "calls_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "calls_seq")
    private Long id;

    @OneToOne
    @JoinColumn(name = "message_id")
    private Message message;

    @ManyToOne
    @JoinColumn(name = "channel_id")
    private Channel channel;

    @Column(name = "provider_call_id")
    private String providerCallId;

    @Enumerated(EnumType.STRING)
    private CallDirection direction;

    /** The contact's number, E.164 when it could be read (null for a withheld number). */
    @Column(name = "customer_number")
    private String customerNumber;

    /** Our number the call came in on or went out from. */
    @Column(name = "our_number")
    private String ourNumber;

    @Enumerated(EnumType.STRING)
    private CallState state;

    /** The agent who answered (or placed) the call, when the provider's report names a Switchboard user. */
    @ManyToOne
    @JoinColumn(name = "agent_id")
    private User agent;

    /** Who answered as the provider named them (a user name, an extension), kept even when no user matched. */
    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "end_cause")
    private String endCause;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by_timeout")
    private boolean endedByTimeout;

    /** When a live call with no further event is closed as "no hangup received". */
    @Column(name = "give_up_at")
    private Instant giveUpAt;

    private boolean voicemail;

    @Column(name = "recording_url")
    private String recordingUrl;

    @Column(name = "recording_seconds")
    private Integer recordingSeconds;

    /** PENDING: to be fetched from the provider into an attachment of the call's message; FETCHED; FAILED (the reason on the timeline). */
    @Column(name = "recording_state")
    private String recordingState;

    @Column(name = "recording_attempts")
    private int recordingAttempts;

    @Column(name = "recording_next_at")
    private Instant recordingNextAt;

    @Version
    private long version;

    protected Call() {
    }

    public Call(Message message, String providerCallId, CallDirection direction, String customerNumber, String ourNumber, Instant startedAt) {
        this.message = Checks.require(message, "Message");
        this.channel = message.getChannel();
        this.providerCallId = Checks.requireText(providerCallId, "Call id", 250);
        this.direction = Checks.require(direction, "Direction");
        this.customerNumber = Checks.optionalText(customerNumber, "Customer number", 40);
        this.ourNumber = Checks.optionalText(ourNumber, "Our number", 40);
        apply(CallProgress.startedAt(Checks.require(startedAt, "Start")));
    }

    public CallProgress progress() {
        return new CallProgress(startedAt, answeredAt, endedAt, endCause, endedByTimeout, voicemail);
    }

    /** Takes the progress after an event; answers the state before it, so the caller sees what changed. */
    public CallState apply(CallProgress next) {
        CallState before = state;
        this.startedAt = next.startedAt();
        this.answeredAt = next.answeredAt();
        this.endedAt = next.endedAt();
        this.endCause = next.endCause();
        this.endedByTimeout = next.endedByTimeout();
        this.voicemail = next.voicemail();
        this.state = next.state();
        return before;
    }

    /** The first report of who answered counts; a later one (a repeated answer) does not move the call to someone else. */
    public void answeredBy(User user, String providerName) {
        if (agent == null && answeredBy == null) {
            this.agent = user;
            this.answeredBy = Checks.optionalText(providerName, "Answered by", 200);
        }
    }

    /** A live call with no event until then is closed by time; every event pushes the moment out. */
    public void giveUpAt(Instant at) {
        this.giveUpAt = state.live() ? at : null;
    }

    /** The provider has a recording (a voicemail): it is fetched into an attachment; the same recording reported again changes nothing. */
    public void recorded(String url, Integer seconds) {
        String value = Checks.requireText(url, "Recording URL", 1000);
        if (value.equals(recordingUrl)) {
            return;
        }
        this.recordingUrl = value;
        this.recordingSeconds = seconds;
        this.recordingState = "PENDING";
        this.recordingAttempts = 0;
        this.recordingNextAt = Instant.now();
    }

    public void recordingFetched() {
        this.recordingState = "FETCHED";
        this.recordingNextAt = null;
    }

    /** A failed fetch: tried again after {@code backoff}, or given up after {@code maxAttempts}; answers whether it gave up. */
    public boolean recordingFailed(int maxAttempts, Duration backoff) {
        this.recordingAttempts++;
        if (recordingAttempts >= maxAttempts) {
            this.recordingState = "FAILED";
            this.recordingNextAt = null;
            return true;
        }
        this.recordingNextAt = Instant.now().plus(backoff);
        return false;
    }

    public String getRecordingState() {
        return recordingState;
    }

    public int getRecordingAttempts() {
        return recordingAttempts;
    }

    public Duration talked() {
        return progress().talked();
    }

    public Long getId() {
        return id;
    }

    public Message getMessage() {
        return message;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getProviderCallId() {
        return providerCallId;
    }

    public CallDirection getDirection() {
        return direction;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public String getOurNumber() {
        return ourNumber;
    }

    public CallState getState() {
        return state;
    }

    public User getAgent() {
        return agent;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public String getEndCause() {
        return endCause;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public boolean isEndedByTimeout() {
        return endedByTimeout;
    }

    public Instant getGiveUpAt() {
        return giveUpAt;
    }

    public boolean isVoicemail() {
        return voicemail;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public Integer getRecordingSeconds() {
        return recordingSeconds;
    }
}
