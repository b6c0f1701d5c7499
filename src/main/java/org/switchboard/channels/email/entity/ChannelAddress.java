package org.switchboard.channels.email.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An email address a channel owns; the primary key makes one address belong to one channel. */
@Entity
@Table(name = "channel_addresses")
public class ChannelAddress {

    @Id
    private String address;

    @Column(name = "channel_id")
    private long channelId;

    protected ChannelAddress() {
    }

    public ChannelAddress(String address, long channelId) {
        this.address = address;
        this.channelId = channelId;
    }

    public String getAddress() {
        return address;
    }

    public long getChannelId() {
        return channelId;
    }
}
