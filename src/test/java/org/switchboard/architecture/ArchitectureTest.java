package org.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;

import org.switchboard.channels.connector.ChannelConnector;

/** The rules of docs/architecture.md that hold without anyone remembering them. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.switchboard");

    /** {@code org.switchboard.channels.<kind>..}: the packages of channel kinds (not the shared channels feature). */
    private static final Pattern KIND_PACKAGE = Pattern.compile("org\\.switchboard\\.channels\\.(\\w+)(\\..*)?");
    private static final Pattern FEATURE = Pattern.compile("org\\.switchboard\\.(\\w+)(\\..*)?");
    /** Shared by channels, not kinds: the channels feature itself, the seam, and what Meta's kinds (WhatsApp, Messenger) share. */
    private static final Set<String> SHARED_CHANNEL_PACKAGES = Set.of("entity", "control", "boundary", "connector", "meta");

    static String kindOf(JavaClass type) {
        Matcher matcher = KIND_PACKAGE.matcher(type.getPackageName());
        return matcher.matches() && !SHARED_CHANNEL_PACKAGES.contains(matcher.group(1)) ? matcher.group(1) : null;
    }

    private static final DescribedPredicate<JavaClass> IN_A_KIND = DescribedPredicate.describe("in a channel kind's package",
            type -> kindOf(type) != null);

    /**
     * Shared code never names a channel kind: it asks the connector. The one exception is the
     * historical mailbox import ({@code imports}), which reads IMAP folders and mail archives and so
     * is about team email by nature (docs/architecture.md).
     */
    @Test
    void sharedCodeNamesNoChannelKind() {
        noClasses().that(DescribedPredicate.not(IN_A_KIND)).and().resideOutsideOfPackage("org.switchboard.imports..")
                .should().dependOnClassesThat(IN_A_KIND).check(MAIN);
    }

    @Test
    void aChannelKindUsesNoOtherKind() {
        classes().that(IN_A_KIND).should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("depend on no other kind's package") {
            @Override
            public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                String own = kindOf(type);
                type.getDirectDependenciesFromSelf().forEach(d -> {
                    String other = kindOf(d.getTargetClass());
                    if (other != null && !other.equals(own)) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        }).check(MAIN);
    }

    @Test
    void everyKindHasItsConnectorInItsOwnPackage() {
        classes().that().implement(ChannelConnector.class).should().resideInAPackage("org.switchboard.channels.*.control")
                .andShould(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("live in a kind's package") {
                    @Override
                    public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                        if (kindOf(type) == null) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type, type.getName() + " is not in a kind's package"));
                        }
                    }
                }).check(MAIN);
    }

    /**
     * No cycles between features: each top-level package of {@code org.switchboard} is one, and so
     * is each channel kind ({@code channels.<kind>}), which stands on the shared features and
     * under nothing but the mailbox import.
     */
    @Test
    void featuresHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String kind = kindOf(type);
                if (kind != null) {
                    return SliceIdentifier.of("channels." + kind);
                }
                Matcher feature = FEATURE.matcher(type.getPackageName());
                return feature.matches() ? SliceIdentifier.of(feature.group(1)) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "features and channel kinds";
            }
        }).should().beFreeOfCycles().check(MAIN);
    }

    /** The transaction rule: application services own transactions; REST resources, pages, schedulers and batch artifacts open none. */
    @Test
    void boundariesOpenNoTransactions() {
        noClasses().that().resideInAPackage("..boundary..").should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().areAssignableTo(UserTransaction.class).check(MAIN);
        methods().that().areDeclaredInClassesThat().resideInAPackage("..boundary..").should().notBeAnnotatedWith(Transactional.class).check(MAIN);
    }
}
