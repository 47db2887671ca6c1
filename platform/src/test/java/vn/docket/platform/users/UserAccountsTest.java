package vn.docket.platform.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.docket.events.AccessTokenRevoked;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.events.PasswordReset;
import vn.docket.events.Role;
import vn.docket.events.UserDisabled;
import vn.docket.events.UserEvent;
import vn.docket.events.UserRoleChanged;
import vn.docket.platform.eventstore.DocketEventStorageEngine;
import vn.docket.platform.eventstore.EventDocuments;
import vn.docket.platform.eventstore.EmbeddedStore;
import vn.docket.platform.security.SecuritySettings;
import vn.docket.platform.refusal.StateConflict;

/**
 * The {@code users} rows sign-in reads against the events that decide them: a crash between the two, and
 * two administrators changing each other at the same moment, on an embedded database.
 */
class UserAccountsTest {

    static final String OFFICE = "Văn phòng HĐND và UBND thành phố";
    static final Actor ROOT = new Actor("root", "Quản trị hệ thống", null, Role.ADMIN);

    EmbeddedStore db;
    EmbeddedEventStore events;
    UserStore store;
    AccessTokens tokens;
    UserAccounts accounts;

    DocketEventStorageEngine engine;
    /** The filters of the reads of the events' collection, as the driver sent them. */
    final List<BsonDocument> eventReads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        db = EmbeddedStore.inMemory(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && event.getCommand().getString("find").getValue().equals(EventDocuments.EVENTS)) {
                    // The driver reuses the command's buffer once sent: keep a copy.
                    eventReads.add(BsonDocument.parse(event.getCommand().toJson()).getDocument("filter"));
                }
            }
        });
        engine = db.engine();
        events = EmbeddedEventStore.builder().storageEngine(engine).build();
        store = new UserStore(db.database);
        tokens = new AccessTokens(db.database);
        // As Docket makes it (UserConfiguration): whether a user has a new event is asked of the engine by one key.
        accounts = new UserAccounts(store, tokens, events, engine::has, new BCryptPasswordEncoder(4) /* the least work bcrypt allows: these tests are not about hashing */, Set.of());
        accounts.add(new NewUser("root", "Quản trị hệ thống", null, "ADMIN", "mật khẩu của root"), "admin", Actor.SYSTEM);
        accounts.add(new NewUser("lan", "Nguyễn Thị Lan", OFFICE, "CLERK", "mật khẩu của Lan"), "admin", ROOT);
    }

    @AfterEach
    void stop() {
        events.shutDown();
        db.close();
    }

    /** What a crash after the events and before the row leaves: the events on disk, the row as it was. */
    void recordedButNotWritten(String id, UserEvent event) {
        long next = events.lastSequenceNumberFor(UserAccount.aggregateId(id)).orElseThrow() + 1;
        events.publish(new GenericDomainEventMessage<>(UserAccounts.AGGREGATE_TYPE, UserAccount.aggregateId(id), next,
                event, EventMetadata.of(ROOT, UUID.randomUUID().toString())));
    }

    @Test
    void a_user_disabled_just_before_a_crash_cannot_sign_in_and_their_row_is_repaired() {
        recordedButNotWritten("lan", new UserDisabled("lan"));
        assertThat(store.find("lan").orElseThrow().enabled()).as("the row the crash left").isTrue();

        assertThat(accounts.signIn("lan")).isEmpty();
        StoredUser lan = store.find("lan").orElseThrow();
        assertThat(lan.enabled()).isFalse();
        assertThat(lan.version()).isEqualTo(events.lastSequenceNumberFor("user:lan").orElseThrow());
    }

    /** `docket users list` and the users page read no one by sign-in first: the list itself must not show the row the crash left. */
    @Test
    void the_list_of_users_shows_a_user_disabled_just_before_a_crash_as_disabled() {
        recordedButNotWritten("lan", new UserDisabled("lan"));

        assertThat(accounts.list()).filteredOn(u -> u.id().equals("lan")).extracting(StoredUser::enabled)
                .containsExactly(false);
    }

    @Test
    void a_role_change_recorded_just_before_a_crash_is_the_role_the_user_signs_in_with() {
        recordedButNotWritten("lan", new UserRoleChanged("lan", Role.CLERK, Role.AUDITOR));

        assertThat(accounts.signIn("lan").orElseThrow().actor().role()).isEqualTo(Role.AUDITOR);
        assertThat(accounts.list()).filteredOn(u -> u.id().equals("lan")).extracting(StoredUser::role)
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void a_token_revoked_just_before_a_crash_is_refused_and_removed() {
        UserAccounts.IssuedToken issued = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        recordedButNotWritten("lan", new AccessTokenRevoked("lan", issued.tokenId()));

        assertThat(accounts.signInWithToken(issued.token())).isEmpty();
        assertThat(tokens.owner(issued.token())).isEmpty();
    }

    /** Accounts on this test's store whose first removal of a stored token fails, as a database out of reach would. */
    private UserAccounts whoseFirstTokenRemovalFails() {
        AccessTokens removalFailsOnce = new AccessTokens(db.database) {
            boolean failed;

            @Override
            void remove(String tokenId) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("the database is out of reach");
                }
                super.remove(tokenId);
            }
        };
        return new UserAccounts(store, removalFailsOnce, events, new BCryptPasswordEncoder(4), Set.of());
    }

    @Test
    void a_token_recorded_as_revoked_is_refused_even_when_its_removal_failed_and_the_revocation_was_answered_with_an_error() {
        UserAccounts accounts = whoseFirstTokenRemovalFails();
        UserAccounts.IssuedToken issued = accounts.issueToken("lan", "báo cáo tháng", ROOT);

        assertThatThrownBy(() -> accounts.revokeToken("lan", issued.tokenId(), ROOT)).isInstanceOf(IllegalStateException.class);

        assertThat(events.readEvents("user:lan").asStream().map(m -> (Object) m.getPayload()))
                .as("the revocation is on record").contains(new AccessTokenRevoked("lan", issued.tokenId()));
        assertThat(accounts.signInWithToken(issued.token())).isEmpty();
        assertThat(tokens.owner(issued.token())).isEmpty();
    }

    @Test
    void a_password_changed_just_before_a_crash_is_forgotten_so_the_old_one_no_longer_signs_in() {
        recordedButNotWritten("lan", new PasswordReset("lan"));

        assertThat(accounts.signIn("lan").orElseThrow().getPassword()).isNull();
        accounts.changePassword("lan", "mật khẩu mới của Lan", ROOT);
        assertThat(accounts.signIn("lan").orElseThrow().getPassword()).isNotNull();
    }

    @Test
    void a_token_issued_before_its_user_was_disabled_stays_refused_when_they_are_enabled_again() {
        UserAccounts.IssuedToken leaked = accounts.issueToken("lan", "báo cáo tháng", ROOT);

        accounts.setEnabled("lan", false, ROOT);
        accounts.setEnabled("lan", true, ROOT);

        assertThat(accounts.signInWithToken(leaked.token())).isEmpty();
        assertThat(accounts.tokens("lan")).isEmpty();
        assertThat(events.readEvents("user:lan").asStream().map(m -> (Object) m.getPayload()))
                .as("the revocation is on record, as any other").contains(new AccessTokenRevoked("lan", leaked.tokenId()));
        UserAccounts.IssuedToken fresh = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        assertThat(accounts.signInWithToken(fresh.token())).map(u -> u.actor().id()).contains("lan");
    }

    @Test
    void a_disabling_whose_token_removal_failed_still_leaves_the_token_refused_after_enabling_again() {
        UserAccounts accounts = whoseFirstTokenRemovalFails();
        UserAccounts.IssuedToken leaked = accounts.issueToken("lan", "báo cáo tháng", ROOT);

        assertThatThrownBy(() -> accounts.setEnabled("lan", false, ROOT)).isInstanceOf(IllegalStateException.class);
        assertThat(accounts.signInWithToken(leaked.token())).isEmpty();
        accounts.setEnabled("lan", true, ROOT);

        assertThat(accounts.signInWithToken(leaked.token())).isEmpty();
        assertThat(tokens.owner(leaked.token())).isEmpty();
    }

    @Test
    void a_token_whose_user_is_disabled_while_it_is_being_issued_is_refused_and_never_signs_in() {
        List<String> stored = new ArrayList<>();
        AccessTokens disabledMeanwhile = new AccessTokens(db.database) {
            @Override
            void store(String token, String tokenId, String userId, String label, java.time.Instant at) {
                accounts.setEnabled(userId, false, ROOT); // another node, between the issue's event and this write
                super.store(token, tokenId, userId, label, at);
                stored.add(token);
            }
        };
        UserAccounts issuing = new UserAccounts(store, disabledMeanwhile, events, new BCryptPasswordEncoder(4), Set.of());

        assertThatThrownBy(() -> issuing.issueToken("lan", "báo cáo tháng", ROOT))
                .isInstanceOfSatisfying(StateConflict.class, e -> assertThat(e.rule()).isEqualTo("user-disabled"));
        accounts.setEnabled("lan", true, ROOT);

        assertThat(stored).hasSize(1);
        assertThat(accounts.signInWithToken(stored.get(0))).isEmpty();
        assertThat(tokens.owner(stored.get(0))).isEmpty();
    }

    /** Another Docket node on the same database: its own accounts, so its own tokens already signed in. */
    UserAccounts otherNode() {
        return new UserAccounts(new UserStore(db.database), new AccessTokens(db.database), events, engine::has,
                new BCryptPasswordEncoder(4), Set.of());
    }

    @Test
    void a_token_used_again_asks_the_event_store_for_one_key_whether_its_user_has_a_new_event() {
        UserAccounts node = new UserConfiguration().userAccounts(store, tokens, events, engine, new BCryptPasswordEncoder(4),
                new SecuritySettings(List.of(), false, null));
        UserAccounts.IssuedToken issued = node.issueToken("lan", "báo cáo tháng", ROOT);
        assertThat(node.signInWithToken(issued.token())).isPresent();
        long version = store.find("lan").orElseThrow().version();
        eventReads.clear();

        assertThat(node.signInWithToken(issued.token())).map(u -> u.actor().id()).contains("lan");

        // On every request a token signs in: the next event's key only, not the next 16 events.
        assertThat(eventReads).singleElement().satisfies(filter -> assertThat(filter.getDocument("streamKey")
                .getArray("$in").getValues()).containsExactly(new BsonString(UserAccount.aggregateId("lan") + "#" + (version + 1))));
    }

    @Test
    void a_user_has_a_new_event_for_the_engine_exactly_when_reading_their_events_from_there_finds_one() {
        String lan = UserAccount.aggregateId("lan");
        long last = events.lastSequenceNumberFor(lan).orElseThrow();
        for (long sequence = 0; sequence <= last + 2; sequence++) {
            assertThat(engine.has(lan, sequence)).as("event %d", sequence)
                    .isEqualTo(events.readEvents(lan, sequence).hasNext()).isEqualTo(sequence <= last);
        }
        assertThat(engine.has(UserAccount.aggregateId("nobody"), 0)).isFalse();
    }

    @Test
    void a_token_used_again_signs_in_without_reading_the_token_or_the_row_while_its_user_has_no_new_event() {
        List<String> asked = new ArrayList<>();
        AccessTokens counted = new AccessTokens(db.database) {
            @Override
            public java.util.Optional<String> owner(String token) {
                asked.add("token");
                return super.owner(token);
            }
        };
        UserAccounts node = new UserAccounts(store, counted, events, new BCryptPasswordEncoder(4), Set.of());
        UserAccounts.IssuedToken issued = node.issueToken("lan", "báo cáo tháng", ROOT);

        assertThat(node.signInWithToken(issued.token())).map(u -> u.actor().id()).contains("lan");
        assertThat(node.signInWithToken(issued.token())).map(u -> u.actor().id()).contains("lan");
        assertThat(node.signInWithToken(issued.token())).map(u -> u.actor().id()).contains("lan");

        assertThat(asked).as("the token read once, at its first sign-in").hasSize(1);
    }

    @Test
    void a_token_signed_in_before_is_refused_at_its_next_request_once_another_node_revokes_it() {
        UserAccounts.IssuedToken issued = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        assertThat(accounts.signInWithToken(issued.token())).isPresent();

        otherNode().revokeToken("lan", issued.tokenId(), ROOT);

        assertThat(accounts.signInWithToken(issued.token())).isEmpty();
    }

    @Test
    void a_token_signed_in_before_is_refused_at_its_next_request_once_another_node_disables_its_user() {
        UserAccounts.IssuedToken issued = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        assertThat(accounts.signInWithToken(issued.token())).isPresent();

        otherNode().setEnabled("lan", false, ROOT);

        assertThat(accounts.signInWithToken(issued.token())).isEmpty();
    }

    @Test
    void a_token_signed_in_before_signs_in_with_the_role_another_node_gave_its_user_since() {
        UserAccounts.IssuedToken issued = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        assertThat(accounts.signInWithToken(issued.token()).orElseThrow().actor().role()).isEqualTo(Role.CLERK);

        otherNode().changeRole("lan", "AUDITOR", ROOT);

        assertThat(accounts.signInWithToken(issued.token()).orElseThrow().actor().role()).isEqualTo(Role.AUDITOR);
    }

    @Test
    void a_token_signed_in_before_is_refused_once_its_revocation_is_recorded_even_if_the_node_stopped_before_removing_it() {
        UserAccounts.IssuedToken issued = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        assertThat(accounts.signInWithToken(issued.token())).isPresent();

        recordedButNotWritten("lan", new AccessTokenRevoked("lan", issued.tokenId()));

        assertThat(accounts.signInWithToken(issued.token())).isEmpty();
        assertThat(tokens.owner(issued.token())).isEmpty();
    }

    /** Docket before this rule disabled a user without revoking their tokens: enabling them must not wake those up. */
    @Test
    void a_token_a_disabled_user_still_holds_from_before_disabling_revoked_tokens_is_revoked_when_they_are_enabled() {
        UserAccounts.IssuedToken old = accounts.issueToken("lan", "báo cáo tháng", ROOT);
        recordedButNotWritten("lan", new UserDisabled("lan"));
        assertThat(accounts.signInWithToken(old.token())).isEmpty();

        accounts.setEnabled("lan", true, ROOT);

        assertThat(accounts.signIn("lan")).isPresent();
        assertThat(accounts.signInWithToken(old.token())).isEmpty();
    }

    @Test
    void two_administrators_disabling_each_other_at_once_leave_one_administrator() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // A race may go either way; each round is a fresh pair with no other administrator to fall back on.
            for (int round = 0; round < 10; round++) {
                String a = "a" + round;
                String b = "b" + round;
                accounts.add(new NewUser(a, "Quản trị " + a, null, "ADMIN", "mật khẩu dài đủ"), "admin", ROOT);
                accounts.add(new NewUser(b, "Quản trị " + b, null, "ADMIN", "mật khẩu dài đủ"), "admin", ROOT);
                accounts.setEnabled("root", false, actor(a));
                for (int r = 0; r < round; r++) {
                    String survivor = accounts.signIn("a" + r).isPresent() ? "a" + r : "b" + r;
                    accounts.setEnabled(survivor, false, actor(a));
                }

                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                outcomes.add(threads.submit(() -> disable(b, actor(a), together)));
                outcomes.add(threads.submit(() -> disable(a, actor(b), together)));
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }

                assertThat(results).as("round %d", round).containsExactlyInAnyOrder("disabled", "last-admin");
                assertThat(accounts.list()).filteredOn(u -> u.role() == Role.ADMIN && u.enabled()).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    static Actor actor(String admin) {
        return new Actor(admin, "Quản trị " + admin, null, Role.ADMIN);
    }

    String disable(String id, Actor by, CyclicBarrier together) throws Exception {
        together.await();
        try {
            accounts.setEnabled(id, false, by);
            return "disabled";
        } catch (StateConflict e) {
            return e.rule();
        }
    }
}
