package org.switchboard.contacts.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.contacts.entity.Contact;
import org.switchboard.contacts.entity.ContactPicture;

/**
 * Contacts' pictures, as a channel's profile gives them (a Messenger person's profile picture). Only
 * common raster images whose bytes are what their type says are kept: the picture is shown on agents'
 * pages, and anything else (SVG, HTML) could carry script.
 */
@ApplicationScoped
@Transactional
public class ContactPictures {

    /** A profile picture is tens of kilobytes; anything near this is not one. */
    public static final int MAX_BYTES = 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    public record Picture(String contentType, byte[] content) {
    }

    /**
     * Keeps the picture unless the contact has one already or is gone (merged meanwhile); in a transaction
     * of its own, after the message that made the contact.
     *
     * @return whether it was kept
     * @throws IllegalArgumentException the bytes are not a PNG, JPEG, GIF or WebP image of at most {@link #MAX_BYTES}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean keepIfNone(long contactId, String contentType, byte[] content) {
        String type = imageType(contentType, content);
        if (em.find(Contact.class, contactId) == null || has(contactId)) { // has(): the key only, not the stored bytes
            return false;
        }
        em.persist(new ContactPicture(contactId, type, content));
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Picture> of(long contactId) {
        return Optional.ofNullable(em.find(ContactPicture.class, contactId)).map(p -> new Picture(p.getContentType(), p.getContent()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean has(long contactId) {
        return !em.createQuery("SELECT p.contactId FROM ContactPicture p WHERE p.contactId = :id", Long.class).setParameter("id", contactId)
                .getResultList().isEmpty();
    }

    /** The image type the bytes are, if it is the one {@code contentType} names (parameters aside). */
    static String imageType(String contentType, byte[] content) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw new IllegalArgumentException("a picture of 1 to " + MAX_BYTES + " bytes, not " + (content == null ? 0 : content.length));
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        boolean matches = switch (type) {
            case "image/png" -> startsWith(content, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case "image/jpeg" -> startsWith(content, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "image/gif" -> startsWith(content, 0, "GIF8".getBytes(StandardCharsets.US_ASCII));
            case "image/webp" -> startsWith(content, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                    && startsWith(content, 8, "WEBP".getBytes(StandardCharsets.US_ASCII));
            default -> false;
        };
        if (!matches) {
            throw new IllegalArgumentException("not a PNG, JPEG, GIF or WebP image: " + (type.isEmpty() ? "no type" : type));
        }
        return type;
    }

    private static boolean startsWith(byte[] content, int at, byte[] prefix) {
        return content.length >= at + prefix.length && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
