package vn.docket.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering the README promises, checked on the compiled classes: events and the domain carry no
 * framework of storage or web, the platform knows neither side, and only events cross from the command
 * side to the query side.
 */
class ArchitectureTest {

    private static final JavaClasses DOCKET = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.docket");

    private static final String[] SPRING_OR_MONGO = {"org.springframework..", "com.mongodb..", "org.bson.."};

    @Test
    void events_and_the_working_day_calendar_know_neither_spring_nor_mongodb() {
        noClasses().that().resideInAnyPackage("vn.docket.events..", "vn.docket.calendar..")
                .should().dependOnClassesThat().resideInAnyPackage(SPRING_OR_MONGO)
                .check(DOCKET);
    }

    /**
     * The assignment's and the notice's domain (the aggregates, their commands and rules, the notice reader): only the
     * adapters around it, each named for what it adapts to, know Spring or MongoDB. Said of the packages, not of a list
     * of classes, so a new rule or entity is held to it too.
     */
    @Test
    void the_domain_of_assignments_and_notices_knows_neither_spring_nor_mongodb() {
        noClasses().that().resideInAnyPackage("vn.docket.command.assignment..", "vn.docket.command.notice..")
                .and().haveNameNotMatching(".*\\.[A-Za-z]*(Controller|Configuration|Settings|Registrar)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage(SPRING_OR_MONGO)
                .check(DOCKET);
    }

    /**
     * The assignment's rules are plain decisions, tested without Axon: who may act in which state (Standing), the
     * terms it is handed out with, its route and approvals, its draft's document and the meeting's conclusion.
     */
    @Test
    void the_assignments_rules_know_no_framework() {
        noClasses().that().haveNameMatching("vn\\.docket\\.command\\.assignment\\.(Standing|MeetingConclusion"
                        + "|AssignmentTerms|ApprovalRoute|ApprovalPolicy|DocumentReference|Authority|Required)")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "com.mongodb..", "org.bson..")
                .check(DOCKET);
    }

    /**
     * A refusal (a rule broken, a state in conflict, an action not allowed, nothing found) belongs to the domain,
     * not to HTTP: the aggregates, their commands and the notice reader throw them without knowing of the web.
     */
    @Test
    void the_domain_throws_its_refusals_without_knowing_of_the_web() {
        noClasses().that().resideInAnyPackage("vn.docket.command.assignment..", "vn.docket.command.notice.reading..",
                        "vn.docket.platform.refusal..")
                .or().haveFullyQualifiedName("vn.docket.command.notice.Notice")
                .should().dependOnClassesThat().resideInAPackage("vn.docket.platform.web..")
                .check(DOCKET);
    }

    @Test
    void the_platform_depends_on_neither_side() {
        noClasses().that().resideInAPackage("vn.docket.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.docket.command..", "vn.docket.query..", "vn.docket.app..")
                .check(DOCKET);
    }

    @Test
    void only_events_cross_from_the_command_side_to_the_query_side() {
        noClasses().that().resideInAPackage("vn.docket.query..")
                .should().dependOnClassesThat().resideInAPackage("vn.docket.command..")
                .check(DOCKET);
        noClasses().that().resideInAPackage("vn.docket.command..")
                .should().dependOnClassesThat().resideInAPackage("vn.docket.query..")
                .check(DOCKET);
    }
}
