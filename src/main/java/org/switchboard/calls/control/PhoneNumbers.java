package org.switchboard.calls.control;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as phone systems and people write them — "+49 211 123456", "0211/123456",
 * "00358 40 123 4567", "(040) 123-4567" — read to E.164 ({@code +49211123456}) for a channel's
 * default country, so one person is one contact however their number was written (Zammad #4872).
 * Withheld and unreadable numbers ("anonymous", "unknown", letters) are empty.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** Numbers read lately: phone systems send the same few numbers in every event of a call (parsing was a tenth of a call event's CPU). */
    private static final java.util.Map<String, Optional<String>> READ = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Optional<String>> eldest) {
                    return size() > 10_000;
                }
            });

    public static Optional<String> e164(String written, String defaultCountry) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String key = defaultCountry + "|" + written;
        Optional<String> known = READ.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> read = read(written, defaultCountry);
        READ.put(key, read);
        return read;
    }

    private static Optional<String> read(String written, String defaultCountry) {
        String value = written.strip();
        if (value.chars().filter(Character::isLetter).count() > 0 && !value.toLowerCase(Locale.ROOT).startsWith("tel:")) {
            return Optional.empty(); // "anonymous", "unknown", a SIP user name: not a number
        }
        if (value.toLowerCase(Locale.ROOT).startsWith("tel:")) {
            value = value.substring(4);
        }
        try {
            String digits = value.replaceAll("[\\s()./-]", "");
            if (digits.matches("[1-9]\\d{6,15}") && "0".equals(UTIL.getNddPrefixForRegion(region(defaultCountry), true))) {
                // Where numbers are dialled nationally with a leading 0 (most of Europe), digits without it are an
                // international number without its + — how CTI systems send them (493055571600)
                PhoneNumber international = UTIL.parse("+" + digits, "ZZ");
                if (UTIL.isValidNumber(international)) {
                    return Optional.of(UTIL.format(international, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            }
            PhoneNumber number = UTIL.parse(value, region(defaultCountry));
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }

    /** A short internal number (an extension such as 201) or any address as written, stripped of spaces, for matching agents. */
    public static String address(String written) {
        return written == null ? null : written.replaceAll("[\\s()./-]", "").toLowerCase(Locale.ROOT);
    }

    /** Whether the country is one the numbering plan knows (two letters, e.g. FI, DE). */
    public static boolean knownCountry(String country) {
        return country != null && UTIL.getSupportedRegions().contains(country.toUpperCase(Locale.ROOT));
    }

    private static String region(String country) {
        return country == null ? "ZZ" : country.toUpperCase(Locale.ROOT);
    }
}
