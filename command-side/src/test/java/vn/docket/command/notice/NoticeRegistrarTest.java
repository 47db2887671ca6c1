package vn.docket.command.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.docket.command.dispatch.CommandDispatcher;
import vn.docket.command.notice.NoticeReadOut.Contribution;
import vn.docket.command.notice.NoticeReadOut.Item;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.events.Actor;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.Role;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.eventstore.EmbeddedStore;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/** What a registration would be refused for is refused before it writes anything: no transaction undoes half a notice. */
class NoticeRegistrarTest {

    static final Actor CLERK = new Actor("clerk", "Nguyễn Thị Lan", "Văn phòng HĐND và UBND thành phố", Role.CLERK);

    final EmbeddedStore db = EmbeddedStore.inMemory();

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * An office's own levels replace the defaults, and these leave out "Đơn vị chủ trì tổng hợp", the level a
     * contribution goes to. No command is sent and no event read before the checks: neither is given.
     */
    NoticeRegistrar registrar() {
        ApprovalLevels levels = new ApprovalLevels(List.of(
                new ApprovalLevels.Level("Lãnh đạo UBND thành phố", Set.of(Role.CHAIR, Role.VICE_CHAIR), false)));
        return new NoticeRegistrar(null, levels, UnitDirectory.bundled(), Clock.systemUTC(), db.database, null);
    }

    /** Notice 12/TB-UBND with one item: a plan Phòng Tài chính - Kế hoạch leads for the city's leaders. */
    static NoticeReadOut planNotice(String title, List<Contribution> contributions) {
        return new NoticeReadOut(new NoticeParticulars("12/TB-UBND", "UBND thành phố Lạng Sơn",
                "Lạng Sơn", LocalDate.of(2021, 4, 14), null, LocalDate.of(2021, 4, 13), null, null, null),
                List.of(new Item(1, DeliverableKind.PLAN, title, null, null, List.of(), "Phòng Tài chính - Kế hoạch",
                        List.of(), List.of(), contributions, LocalDate.of(2021, 4, 25), null,
                        List.of("Lãnh đạo UBND thành phố"), List.of(), List.of(), List.of())), null);
    }

    @Test
    void contributions_where_the_office_configured_no_level_for_the_lead_unit_are_refused_before_anything_is_written() {
        // The contribution's assignment would be refused after the notice and the items before it were written.
        NoticeReadOut readOut = planNotice("Kế hoạch thực hiện Chương trình hành động",
                List.of(new Contribution(List.of("Phòng Kinh tế"), null, LocalDate.of(2021, 4, 20), null)));

        assertThatThrownBy(() -> registrar().register(readOut, CLERK)).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.rule()).isEqualTo("item-route");
            assertThat(e.getMessage()).startsWith("items[0].contributions").contains(NoticeRegistrar.LEAD_UNIT_LEVEL);
        });
        assertThat(db.database.getCollection("notice_keys").countDocuments()).as("the notice's number not reserved").isZero();
    }

    /**
     * "Uỷ ban nhân dân các xã, phường của tỉnh" (corpus c_33) was told "not in the directory", as if a typo of one unit:
     * only the directory's listed phrases and names starting "các" were taken as units in general. A name built as such
     * phrases are is now one, whatever its words; the invented ones below are in no list.
     */
    @Test
    void a_name_standing_for_every_unit_of_a_kind_is_a_generic_phrase_and_a_lead_of_that_kind_is_refused_as_one() {
        NoticeRegistrar registrar = registrar();
        assertThat(List.of("Uỷ ban nhân dân các xã, phường của tỉnh", "Trung tâm Y tế các huyện", "Hội đồng nhân dân các cấp",
                "Công an các phường, thị trấn", "Thủ trưởng những đơn vị trực thuộc", "mọi cơ quan nhà nước",
                "Phòng, ban chuyên môn có liên quan", "Các trường học trên địa bàn", "doanh nghiệp liên quan."))
                .allSatisfy(name -> assertThat(registrar.isGeneric(name)).as(name).isTrue());
        assertThat(List.of("Ban Quản lý các khu công nghiệp tỉnh", "Chi cục Môi trường, Khí tượng thuỷ văn và Biến đổi khí hậu",
                "Trung tâm Phát triển quỹ đất", "Sở Du lịch", "Hội Nông dân thành phố", "Ban Quan hệ quốc tế"))
                .allSatisfy(name -> assertThat(registrar.isGeneric(name)).as(name).isFalse());

        Item item = planNotice("Kế hoạch tiêm chủng", List.of()).items().get(0);
        NoticeReadOut readOut = new NoticeReadOut(planNotice("", List.of()).notice(), List.of(new Item(1, item.kind(),
                item.title(), null, null, List.of(), null, List.of("Trung tâm Y tế các huyện"), List.of(), List.of(),
                item.deadline(), null, item.submitTo(), List.of(), List.of(), List.of())), null);
        assertThatThrownBy(() -> registrar.register(readOut, CLERK)).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.rule()).isEqualTo("item-lead-generic");
            assertThat(e.getMessage()).startsWith("items[0].leads: \"Trung tâm Y tế các huyện\" names units in general");
        });
    }

    /**
     * A coordinating unit no unit of the directory has (a typo, a body outside the office) was recorded without a word,
     * and the unit meant never saw the task. It is refused, naming the item and field (kept knowingly it is registered,
     * and a phrase naming units in general is never refused: NoticeImportTest).
     */
    @Test
    void a_coordinating_unit_outside_the_directory_is_refused_before_anything_is_written() {
        Item item = planNotice("Kế hoạch phát triển du lịch", List.of()).items().get(0);
        NoticeReadOut coordinated = new NoticeReadOut(planNotice("", List.of()).notice(), List.of(new Item(1, item.kind(),
                item.title(), null, null, List.of(), item.lead(), List.of(), List.of("các sở, ngành liên quan", "Phòng Kin tế"),
                List.of(), item.deadline(), null, item.submitTo(), List.of(), List.of(), List.of())), null);

        assertThatThrownBy(() -> registrar().register(coordinated, CLERK))
                .isInstanceOfSatisfying(RuleBroken.class, e -> {
                    assertThat(e.rule()).isEqualTo("coordinator-not-in-directory");
                    assertThat(e.getMessage()).startsWith("items[0].coordinators: \"Phòng Kin tế\" is no unit of the unit directory");
                });
        assertThat(db.database.getCollection("notice_keys").countDocuments()).as("the notice's number not reserved").isZero();
    }

    @Test
    void an_item_whose_title_is_blank_is_refused_naming_the_item_before_anything_is_written() {
        NoticeReadOut readOut = planNotice(" \u00A0 ", List.of());

        assertThatThrownBy(() -> registrar().register(readOut, CLERK)).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.rule()).isEqualTo("item-title");
            assertThat(e.getMessage()).isEqualTo("items[0].title is empty.");
        });
        assertThat(db.database.getCollection("notice_keys").countDocuments()).as("the notice's number not reserved").isZero();
    }

    @Test
    void a_read_out_without_its_notice_or_an_item_without_its_kind_is_refused_before_anything_is_written() {
        NoticeReadOut plan = planNotice("Kế hoạch thực hiện Chương trình hành động", List.of());
        NoticeReadOut noNotice = new NoticeReadOut(null, plan.items(), null);
        Item item = plan.items().get(0);
        NoticeReadOut noKind = new NoticeReadOut(plan.notice(), List.of(new Item(1, null, item.title(), null, null,
                List.of(), item.lead(), List.of(), List.of(), List.of(), item.deadline(), null, item.submitTo(), List.of(), List.of(), List.of())), null);

        assertThatThrownBy(() -> registrar().register(noNotice, CLERK)).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.rule()).isEqualTo("notice-required");
            assertThat(e.getMessage()).isEqualTo("The read-out has no 'notice' part.");
        });
        assertThatThrownBy(() -> registrar().register(noKind, CLERK)).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.rule()).isEqualTo("item-kind");
            assertThat(e.getMessage())
                    .isEqualTo("items[0].kind: say what the item delivers (PLAN, REPORT, SCHEME, PROGRAMME, OTHER).");
        });
        assertThat(db.database.getCollection("notice_keys").countDocuments()).as("nothing reserved").isZero();
    }

    @Test
    void a_registration_the_database_stopped_before_it_could_mark_its_keys_is_completed_by_confirming_it_again_at_once() {
        AtomicBoolean outage = new AtomicBoolean();
        AtomicBoolean struck = new AtomicBoolean();
        // The commands this test "stores", by command step, and the aggregates they created.
        Set<String> steps = new LinkedHashSet<>();
        Set<String> aggregates = new HashSet<>();
        CommandDispatcher commands = new CommandDispatcher(null, null, null) {
            @Override
            public void sendOnceAs(Actor actor, String step, UUID aggregateId, boolean creates, Object command) {
                if (creates && aggregates.contains(aggregateId.toString()) || steps.contains(step)) {
                    return; // stored already: skipped, as the real dispatcher and the aggregate's command ids do
                }
                if (steps.size() == 2 && struck.compareAndSet(false, true)) {
                    outage.set(true); // the database goes away after the notice and its first assignment
                }
                if (outage.get()) {
                    throw new MongoTimeoutException("The database stopped answering (test)");
                }
                steps.add(step);
                aggregates.add(aggregateId.toString());
            }
        };
        EventStore events = (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> method.getName().equals("lastSequenceNumberFor")
                        ? (aggregates.contains((String) args[0]) ? Optional.of(0L) : Optional.empty())
                        : null);
        MongoDatabase database = (MongoDatabase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    Object real = method.invoke(db.database, args);
                    return method.getName().equals("getCollection") ? failingDuring(outage, (MongoCollection<?>) real) : real;
                });
        NoticeRegistrar registrar = new NoticeRegistrar(commands, new ApprovalLevels(ApprovalLevels.defaults()),
                UnitDirectory.bundled(), Clock.systemUTC(), database, events);
        NoticeReadOut readOut = planNotice("Kế hoạch thực hiện Chương trình hành động", List.of(new Contribution(
                List.of("Phòng Kinh tế", "Phòng Quản lý đô thị"), null, LocalDate.of(2021, 4, 20), null)));

        assertThatThrownBy(() -> registrar.register(readOut, CLERK)).isInstanceOf(MongoTimeoutException.class);
        assertThat(steps).as("the notice and its first assignment").hasSize(2);

        outage.set(false); // the database is back, and the clerk confirms again
        NoticeRegistrar.Registered registered = registrar.register(readOut, CLERK);
        assertThat(registered.assignments()).hasSize(3);
        assertThat(steps).as("each step once, none missing").hasSize(4);
        assertThat(db.database.getCollection("notice_keys").find().map(d -> d.getString("state")))
                .containsOnly("registered");
    }

    /**
     * The database recorded a notice's number and then stopped answering, so the clerk was told it failed: the number
     * was given back, and another notice could be given the number the first one bears. Only a refused command, which
     * writes nothing, gives it back now.
     */
    @Test
    void a_number_recorded_before_the_database_stopped_answering_is_not_given_to_another_notice() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<DomainEventMessage<?>> recorded = new ArrayList<>();
        CommandDispatcher commands = new CommandDispatcher(null, null, null) {
            @Override
            public <R> R sendAs(Actor actor, Object command) {
                NumberNotice numbering = (NumberNotice) command;
                recorded.add(new GenericDomainEventMessage<>("Notice", numbering.noticeId().toString(), 1,
                        new NoticeNumbered(numbering.noticeId(), numbering.number(), numbering.issuedOn())));
                throw new MongoTimeoutException("The database stopped answering after the write (test)");
            }
        };
        EventStore events = (EventStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lastSequenceNumberFor" -> Optional.of(recorded.stream()
                            .anyMatch(e -> e.getAggregateIdentifier().equals(args[0])) ? 1L : 0L);
                    case "readEvents" -> DomainEventStream.of(recorded.stream()
                            .filter(e -> e.getAggregateIdentifier().equals(args[0])).toList());
                    default -> null;
                });
        NoticeRegistrar registrar = new NoticeRegistrar(commands, new ApprovalLevels(ApprovalLevels.defaults()),
                UnitDirectory.bundled(), Clock.systemUTC(), db.database, events);

        assertThatThrownBy(() -> registrar.number(first, "201/TB-UBND", LocalDate.of(2021, 4, 14), CLERK))
                .isInstanceOf(MongoTimeoutException.class);

        assertThat(db.database.getCollection("notice_keys").find(new Document("_id", "number:201/TB-UBND")).first())
                .as("the number still held").isNotNull().containsEntry("noticeId", first.toString());
        assertThatThrownBy(() -> registrar.number(second, "201/TB-UBND", LocalDate.of(2021, 4, 14), CLERK))
                .isInstanceOfSatisfying(StateConflict.class,
                        e -> assertThat(e.rule()).isEqualTo("notice-already-registered"));
        assertThat(recorded).as("the second notice's numbering never sent").hasSize(1);
    }

    /** The collection, whose writes fail while {@code outage} is set, as every request does with the database away. */
    @SuppressWarnings("unchecked")
    static MongoCollection<Document> failingDuring(AtomicBoolean outage, MongoCollection<?> real) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(NoticeRegistrarTest.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (outage.get()) {
                        throw new MongoTimeoutException("The database stopped answering (test)");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
