package org.switchboard.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One person is one number however it was written (Zammad #4872: "/" and spaces did not match). */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "040 123 4567|FI|+358401234567",
            "+358 (40) 123-4567|FI|+358401234567",
            "00358401234567|DE|+358401234567",
            "358401234567|FI|+358401234567",
            "0211/123456|DE|+49211123456",
            "+49 211 123456|FI|+49211123456",
            "tel:+49-211-123456|FI|+49211123456",
            "493055571600|DE|+493055571600",
            "492214710334|DE|+492214710334",
            "2125551234|US|+12125551234"})
    void numbersAsWrittenBecomeE164(String written, String country, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.e164(written, country));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "unknown", "", "  ", "12", "sip:anna@pbx.example.com"})
    void withheldAndUnreadableNumbersAreNoNumber(String written) {
        assertEquals(Optional.empty(), PhoneNumbers.e164(written, "FI"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"201|201", "sip:Anna@PBX.example.com|sip:anna@pbxexamplecom", "+358 40 123-4567|+358401234567"})
    void addressesCompareWithoutSpacesAndCase(String written, String address) {
        assertEquals(address, PhoneNumbers.address(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FI", "de", "US"})
    void knownCountries(String country) {
        assertTrue(PhoneNumbers.knownCountry(country));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "Finland", ""})
    void unknownCountries(String country) {
        assertFalse(PhoneNumbers.knownCountry(country));
    }
}
