package org.switchboard.channels.chat.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.switchboard.channels.chat.control.ChatSettings.OpeningHours;

/** Opening hours: a weekly schedule in a time zone. No hours at all means always open. */
public final class ChatHours {

    private ChatHours() {
    }

    public static boolean isOpen(List<OpeningHours> hours, String timeZone, Instant now) {
        if (hours == null || hours.isEmpty()) {
            return true;
        }
        ZonedDateTime local = now.atZone(ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        return hours.stream().anyMatch(h -> DayOfWeek.valueOf(h.day()) == local.getDayOfWeek()
                && !time.isBefore(LocalTime.parse(h.opens())) && time.isBefore(LocalTime.parse(h.closes())));
    }

    /** The hours as given, or {@link IllegalArgumentException} naming the entry that cannot work. */
    public static List<OpeningHours> check(List<OpeningHours> hours, String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException unknown) {
            throw new IllegalArgumentException("timeZone: " + timeZone + " is not a time zone (e.g. Europe/Helsinki)");
        }
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours h = hours.get(i);
            try {
                DayOfWeek.valueOf(h.day());
            } catch (RuntimeException notADay) {
                throw new IllegalArgumentException("hours[" + i + "].day: must be MONDAY … SUNDAY");
            }
            try {
                if (!LocalTime.parse(h.opens()).isBefore(LocalTime.parse(h.closes()))) {
                    throw new IllegalArgumentException("hours[" + i + "].closes: must be after opens");
                }
            } catch (DateTimeParseException | NullPointerException notATime) {
                throw new IllegalArgumentException("hours[" + i + "]: opens and closes are times like 08:00");
            }
        }
        return List.copyOf(hours);
    }
}
