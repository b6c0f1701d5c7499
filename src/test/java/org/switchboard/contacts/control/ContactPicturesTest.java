package org.switchboard.contacts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ContactPicturesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void keepsRasterImagesThatAreWhatTheirTypeSays() {
        assertEquals("image/png", ContactPictures.imageType("image/png", PNG));
        assertEquals("image/jpeg", ContactPictures.imageType("IMAGE/JPEG; charset=binary", JPEG), "Facebook's own profile pictures are JPEGs");
        assertEquals("image/gif", ContactPictures.imageType("image/gif", "GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/webp", ContactPictures.imageType("image/webp", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesWhatCouldCarryScriptOrIsNotTheImageItClaims() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContactPictures.imageType("image/svg+xml", svg)).getMessage().contains("image/svg+xml"));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> ContactPictures.imageType("image/png", html), "HTML labelled as a PNG");
        assertThrows(IllegalArgumentException.class, () -> ContactPictures.imageType("image/jpeg", PNG), "a PNG labelled as a JPEG");
        assertThrows(IllegalArgumentException.class, () -> ContactPictures.imageType(null, PNG), "no type");
        assertThrows(IllegalArgumentException.class, () -> ContactPictures.imageType("image/png", new byte[0]), "empty");
    }

    @Test
    void refusesWhatIsTooLargeForAProfilePicture() {
        byte[] large = Arrays.copyOf(PNG, ContactPictures.MAX_BYTES + 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ContactPictures.imageType("image/png", large)).getMessage().contains("1048576"));
        assertEquals("image/png", ContactPictures.imageType("image/png", Arrays.copyOf(PNG, ContactPictures.MAX_BYTES)));
    }
}
