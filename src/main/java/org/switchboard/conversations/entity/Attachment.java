package org.switchboard.conversations.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.switchboard.platform.persistence.Checks;

/** A file carried by a message; inline images keep their Content-ID so HTML can refer to them. */
@Entity
@Table(name = "attachments")
public class Attachment {

    @Id
    @SequenceGenerator(name = "attachments_seq", sequenceName = "attachments_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachments_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "message_id")
    private Message message;

    private String filename;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    @Column(name = "content_id")
    private String contentId;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    protected Attachment() {
    }

    public Attachment(Message message, String filename, String contentType, String contentId, byte[] content) {
        this.message = Checks.require(message, "Message");
        this.filename = Checks.requireText(filename == null || filename.isBlank() ? "attachment" : filename, "File name", 255);
        this.contentType = Checks.requireText(contentType == null ? "application/octet-stream" : contentType, "Content type", 255);
        this.contentId = Checks.optionalText(contentId, "Content-ID", 255);
        this.content = Checks.require(content, "Content");
        this.size = content.length;
    }

    public Long getId() {
        return id;
    }

    public Message getMessage() {
        return message;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getContentId() {
        return contentId;
    }

    public byte[] getContent() {
        return content;
    }
}
