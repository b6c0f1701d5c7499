package org.switchboard.tickets.control;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.switchboard.platform.i18n.Texts;
import org.switchboard.tickets.entity.Phrase;

/**
 * Renders timeline phrases in a reader's language from the application's texts bundle. Plain
 * Java, so the pages, the API and the tests render the same way.
 */
public final class TimelineTexts {

    public static final String BUNDLE = Texts.BUNDLE;
    static final String LIST_SEPARATOR = "timeline.listSeparator";

    private static final Pattern ARGUMENT = Pattern.compile("\\{([A-Za-z]+)\\}");
    /** No fallback to the server's default locale: an English reader gets the base bundle even on a Finnish machine. */
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private TimelineTexts() {
    }

    public static String render(List<Phrase> phrases, Locale locale) {
        if (phrases == null || phrases.isEmpty()) {
            return "";
        }
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale, NO_FALLBACK);
        return phrases.stream().map(p -> render(p, bundle)).collect(Collectors.joining());
    }

    /** Whether the bundle has a pattern for the key; the bundle tests check every key the code uses. */
    public static boolean knows(String key, Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).containsKey(key);
    }

    private static String render(Phrase phrase, ResourceBundle bundle) {
        String pattern = text(bundle, phrase.key());
        if (pattern == null) {
            // An entry written by a newer version, or a key lost: show its data rather than nothing.
            return phrase.key() + " " + phrase.args().values();
        }
        Matcher m = ARGUMENT.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = "items".equals(name)
                    ? phrase.items().stream().map(i -> render(i, bundle)).collect(Collectors.joining(text(bundle, LIST_SEPARATOR)))
                    : phrase.args().getOrDefault(name, "");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
