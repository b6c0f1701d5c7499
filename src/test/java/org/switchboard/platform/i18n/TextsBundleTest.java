package org.switchboard.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.connector.ChannelConnector;
import org.switchboard.channels.connector.Connection;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.identity.entity.Availability;
import org.switchboard.identity.entity.Role;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;

/** Every text a page asks for exists, in English and in Finnish: no "???key???" on any screen. */
class TextsBundleTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");
    private static final Pattern JAVA_KEY = Pattern.compile("texts\\.get\\(\"([A-Za-z0-9_.]+)\"");
    /** Timeline phrases; keys ending in "." are completed by an enum value, which TimelineTextsTest covers. */
    private static final Pattern PHRASE_KEY = Pattern.compile("Phrase\\.of\\(\"([A-Za-z0-9_.]*[A-Za-z0-9_])\"");

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsBundleTest.class.getResourceAsStream("/org/switchboard/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndFinnishHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("messages.properties").stringPropertyNames()),
                new TreeSet<>(bundle("messages_fi.properties").stringPropertyNames()));
    }

    @Test
    void everyKeyAPageOrABeanNamesExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        scan(Path.of("webapp"), ".xhtml", LITERAL_KEY, keys, missing);
        scan(Path.of("src/main/java"), ".java", JAVA_KEY, keys, missing);
        scan(Path.of("src/main/java"), ".java", PHRASE_KEY, keys, missing);
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
    }

    /** The channel list and the connect dialog name each kind a connector brings, from the kind's own texts, in both languages. */
    @Test
    void everyChannelKindHasItsNameAndDescription() throws IOException {
        Set<String> missing = new TreeSet<>();
        var connectors = new com.tngtech.archunit.core.importer.ClassFileImporter().importPackages("org.switchboard.channels").stream()
                .filter(c -> c.isAssignableTo(ChannelConnector.class) && !c.isInterface()).toList();
        assertTrue(connectors.size() >= 2, "connectors found: " + connectors);
        for (var connector : connectors) {
            String folder = connector.getPackageName().replaceAll("\\.(control|boundary)$", "").replace('.', '/');
            for (String file : List.of("texts.properties", "texts_fi.properties")) {
                Path path = Path.of("src/main/resources", folder, file);
                Properties texts = new Properties();
                if (Files.exists(path)) {
                    try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                        texts.load(reader);
                    }
                }
                for (String key : List.of("name", "description")) {
                    if (texts.getProperty(key, "").isBlank()) {
                        missing.add(path + ": " + key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
    }

    /** Pages build keys like 'priority.' + value: every value of each enum needs its text. */
    @Test
    void everyEnumValueShownOnAPageHasItsText() throws IOException {
        Set<String> keys = bundle("messages_fi.properties").stringPropertyNames();
        Map<String, Class<? extends Enum<?>>> families = Map.ofEntries(Map.entry("priority.", Priority.class),
                Map.entry("event.", TicketEventType.class), Map.entry("source.", TicketSource.class),
                Map.entry("delivery.", DeliveryState.class), Map.entry("connection.", Connection.State.class), Map.entry("identity.", ContactIdentity.class),
                Map.entry("destination.", ChannelDestination.class), Map.entry("routing.", RoutingMode.class),
                Map.entry("role.", Role.class), Map.entry("availability.", Availability.class),
                Map.entry("kind.", EmailAccount.Kind.class), Map.entry("security.", EmailAccount.Security.class),
                Map.entry("auth.", EmailAccount.AuthMethod.class), Map.entry("fromName.", EmailAccount.FromNameMode.class),
                Map.entry("forms.refusal.", org.switchboard.channels.form.control.Refusal.class),
                Map.entry("fieldKind.", org.switchboard.channels.form.control.FieldKind.class));
        Set<String> missing = new TreeSet<>();
        families.forEach((prefix, type) -> {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!keys.contains(prefix + value.name())) {
                    missing.add(prefix + value.name());
                }
            }
        });
        assertTrue(missing.isEmpty(), "missing texts: " + missing);
    }

    private static void scan(Path root, String suffix, Pattern pattern, Set<String> keys, Set<String> missing) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(matcher.group(1) + " (" + file + ")");
                    }
                }
            }
        }
    }
}
