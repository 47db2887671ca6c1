package vn.docket.platform.users;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.docket.events.AccessTokenRevoked;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.events.PasswordReset;
import vn.docket.events.Role;
import vn.docket.events.UserEvent;
import vn.docket.platform.Sha256;
import vn.docket.platform.Text;
import vn.docket.platform.eventstore.DocketEventStorageEngine;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;
import vn.docket.platform.security.DocketUser;
import vn.docket.platform.security.NfcPasswordEncoder;

/**
 * Every change to a person's authority, as the admin API, the web page, the command line and the first start
 * make it: load the user's events ({@link UserAccount}), decide, record the new events in the event store
 * with who did it, then write the user's new state to the {@code users} collection that sign-in reads.
 * There are no transactions, so a crash can fall between the events and that write: whoever reads a user
 * ({@link #current}) first catches their row up with their events, and sign-in reads users only so.
 * Who may call this is the caller's business (the API checks for an administrator; the command line runs
 * with access to the database files, which is more than any role).
 */
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    static final String AGGREGATE_TYPE = "User";
    static final Pattern ID = Pattern.compile("[a-z0-9._-]{2,40}");
    static final int MIN_PASSWORD = 10;
    /** bcrypt looks at the first 72 bytes only; Spring refuses longer passwords rather than cut them. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_TEXT = 200;
    /** Long enough for any change of one user; a holder that died frees the lock after this. */
    static final Duration ADMINISTRATORS_LEASE = Duration.ofSeconds(10);

    private final UserStore store;
    private final AccessTokens tokens;
    private final EventStore events;
    /** Whether an aggregate's event (identifier, sequence) is stored: {@link DocketEventStorageEngine#has}, one key. */
    private final BiPredicate<String, Long> stored;
    private final PasswordEncoder encoder;
    private final Set<String> configured;
    /** Tokens that signed in, by their SHA-256 (never the token itself), with whom and at which of their events. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String owner, long version, DocketUser user) {
    }

    /** How many tokens {@link #verified} holds at most. */
    static final int VERIFIED_KEPT = 10_000;

    /**
     * @param configured ids of the users from configuration and the demo set-up: the configuration owns their
     *                   password, role and unit (changes there are recorded at the next start)
     */
    public UserAccounts(UserStore store, AccessTokens tokens, EventStore events, PasswordEncoder encoder,
                        Set<String> configured) {
        this(store, tokens, events, (id, sequence) -> events.readEvents(id, sequence).hasNext(), encoder, configured);
    }

    /**
     * @param stored whether an aggregate's event (identifier, sequence) is stored, asked on every request a token
     *               signs in; on Docket's engine one key ({@link DocketEventStorageEngine#has}) instead of a read
     *               of the next 16 events
     */
    public UserAccounts(UserStore store, AccessTokens tokens, EventStore events, BiPredicate<String, Long> stored,
                        PasswordEncoder encoder, Set<String> configured) {
        this.store = store;
        this.tokens = tokens;
        this.events = events;
        this.stored = stored;
        this.encoder = encoder;
        this.configured = Set.copyOf(configured);
    }

    /** A token just issued: the only time anyone sees {@code token}. */
    public record IssuedToken(String tokenId, String label, String token) {
        @Override
        public String toString() {
            return "IssuedToken[" + tokenId + "]";
        }
    }

    /** Every user, each caught up with their events as {@link #current} does (one read by key more per user). */
    public List<StoredUser> list() {
        return store.all().stream().flatMap(u -> current(u.id()).stream()).toList();
    }

    public StoredUser get(String id) {
        return current(id).orElseThrow(() -> new NotFound("No user with id '" + id + "'."));
    }

    /** The person as they sign in, with a password or a token; nobody when unknown or disabled. */
    public Optional<DocketUser> signIn(String id) {
        return current(id).filter(StoredUser::enabled).map(StoredUser::toDocketUser);
    }

    /**
     * Whose personal access token this is, as they sign in; nobody when it is revoked or they are disabled. The first
     * time: three reads by key (the token, the user's row, the user's events after it); the token is read again only
     * when the row was behind. Then the token is known by its SHA-256 with the user and the last of their events it was
     * checked at, and a request reads only whether the user has an event after that one: every change to a person's
     * authority (a revocation, a disabling, a new role or unit) is one of their events, recorded before anything else
     * is written, so a revocation or a disabling on any node still counts from the next request on.
     */
    public Optional<DocketUser> signInWithToken(String token) {
        String hash = Sha256.hex(token);
        Verified known = verified.get(hash);
        if (known != null && !stored.test(UserAccount.aggregateId(known.owner()), known.version() + 1)) {
            return Optional.of(known.user());
        }
        verified.remove(hash);
        Optional<String> owner = tokens.owner(token);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredUser> row = store.find(owner.get());
        if (behind(owner.get(), row)) {
            // Catching the owner up with their events may just have revoked this very token.
            return signIn(owner.get()).filter(u -> tokens.owner(token).isPresent());
        }
        Optional<DocketUser> user = row.filter(StoredUser::enabled).map(StoredUser::toDocketUser);
        if (user.isPresent()) {
            if (verified.size() >= VERIFIED_KEPT) {
                verified.clear(); // a plain bound: each token is checked in full once more
            }
            verified.put(hash, new Verified(owner.get(), row.get().version(), user.get()));
        }
        return user;
    }

    /**
     * The user's row, first caught up with their events if it is behind them (a crash between the events
     * and the row, here or on another node). One read by key more than the row when it is current.
     */
    Optional<StoredUser> current(String id) {
        Optional<StoredUser> row = store.find(id);
        if (!behind(id, row)) {
            return row;
        }
        catchUp(id, row.map(StoredUser::version).orElse(-1L));
        return store.find(id);
    }

    /** Whether the user has events the row does not show yet. */
    private boolean behind(String id, Optional<StoredUser> row) {
        return stored.test(UserAccount.aggregateId(id), row.map(StoredUser::version).orElse(-1L) + 1);
    }

    /**
     * Writes what the events after {@code rowVersion} did: a revoked token is removed; a password changed
     * then is forgotten (its hash was in the lost write, and the old one must not keep working); then the
     * row, last, so that a crash in here is caught up again next time.
     */
    private void catchUp(String id, long rowVersion) {
        boolean passwordChanged = false;
        DomainEventMessage<?> last = null;
        UserAccount account = new UserAccount();
        for (DomainEventMessage<?> m : replay(id, account)) {
            if (m.getSequenceNumber() > rowVersion && m.getPayload() instanceof AccessTokenRevoked revoked) {
                tokens.remove(revoked.tokenId());
            }
            passwordChanged |= m.getSequenceNumber() > rowVersion && m.getPayload() instanceof PasswordReset;
            last = m;
        }
        if (passwordChanged) {
            store.forgetPassword(id);
        }
        store.save(account, null, last.getTimestamp(), EventMetadata.actorFrom(last.getMetaData()).id());
        log.warn("The stored account of user {} was behind its recorded changes (Docket stopped between the two);"
                + " it has been brought up to date{}.", id,
                passwordChanged ? ", and the password set then must be set again by an administrator" : "");
    }

    public StoredUser add(NewUser request, String origin, Actor by) {
        String id = request.id() == null ? "" : request.id();
        if (!ID.matcher(id).matches()) {
            throw new RuleBroken("invalid-user-id",
                    "A user id has 2 to 40 characters among a-z, 0-9, '.', '_' and '-'.");
        }
        String name = text("name", request.name());
        if (name == null) {
            throw new RuleBroken("name-required", "Give the person's full name.");
        }
        Role role = role(request.role());
        String unit = unit(request.unit());
        String hash = hash(request.password());
        StoredUser user = register(id, name, unit, role, hash, origin, by);
        log.info("User {} ({}) added by {}", id, role, by.id());
        return user;
    }

    /** Records a user who arrives with a hash already (configuration, demo, a users collection from before). */
    StoredUser register(String id, String name, String unit, Role role, String hash, String origin, Actor by) {
        return change(id, by, hash, account -> account.register(id, name, unit, role, origin));
    }

    public StoredUser changePassword(String id, String password, Actor by) {
        ownedByUs(id, "password");
        String hash = hash(password);
        StoredUser user = change(id, by, hash, UserAccount::resetPassword);
        log.info("Password of user {} changed by {}", id, by.id());
        return user;
    }

    public StoredUser setEnabled(String id, boolean enabled, Actor by) {
        StoredUser user = enabled ? change(id, by, null, UserAccount::enable)
                : holdingAdministrators(() -> change(id, by, null, a -> a.disable(by.id(), enabledAdmins())));
        log.info("User {} {} by {}", id, enabled ? "enabled" : "disabled", by.id());
        return user;
    }

    public StoredUser changeRole(String id, String role, Actor by) {
        ownedByUs(id, "role");
        Role to = role(role);
        return holdingAdministrators(() -> change(id, by, null, a -> a.changeRole(to, enabledAdmins())));
    }

    public StoredUser changeUnit(String id, String unit, Actor by) {
        ownedByUs(id, "unit");
        String to = unit(unit);
        return change(id, by, null, a -> a.changeUnit(to));
    }

    public StoredUser grantLevel(String id, String level, Actor by) {
        return change(id, by, null, a -> a.grantLevel(level(level)));
    }

    public StoredUser withdrawLevel(String id, String level, Actor by) {
        return change(id, by, null, a -> a.withdrawLevel(level(level)));
    }

    public List<AccessTokens.TokenView> tokens(String id) {
        get(id);
        return tokens.of(id);
    }

    public IssuedToken issueToken(String id, String label, Actor by) {
        String clean = text("label", label);
        if (clean == null) {
            throw new RuleBroken("label-required", "Name the token after what will use it, e.g. \"báo cáo tháng\".");
        }
        String tokenId = UUID.randomUUID().toString();
        String token = AccessTokens.newToken();
        Instant at = change(id, by, null, a -> a.issueToken(tokenId, clean)).changedAt();
        tokens.store(token, tokenId, id, clean, at);
        // A disabling on another node between the issue and the store revoked the token before it was stored, and
        // its removal found nothing: removed here, whichever of the two came first the token ends up gone.
        if (!load(id).holdsToken(tokenId)) {
            tokens.remove(tokenId);
            throw new StateConflict("user-disabled", "The user " + id + " was disabled meanwhile and gets no token.");
        }
        log.info("Access token {} of user {} issued by {}", tokenId, id, by.id());
        return new IssuedToken(tokenId, clean, token);
    }

    public void revokeToken(String id, String tokenId, Actor by) {
        change(id, by, null, a -> a.revokeToken(tokenId));
        log.info("Access token {} of user {} revoked by {}", tokenId, id, by.id());
    }

    /** An event Docket records on its own, without a rule to check (a disabled user from before events). */
    void record(String id, UserEvent event) {
        change(id, Actor.SYSTEM, null, account -> List.of(event));
    }

    void resetFromConfiguration(String id, String hash) {
        change(id, Actor.SYSTEM, hash, UserAccount::resetPassword);
    }

    void changeRoleFromConfiguration(String id, Role role) {
        holdingAdministrators(() -> change(id, Actor.SYSTEM, null, a -> a.changeRole(role, enabledAdmins())));
    }

    void changeUnitFromConfiguration(String id, String unit) {
        change(id, Actor.SYSTEM, null, a -> a.changeUnit(unit));
    }

    /** Whether this user's events are recorded (users from before authority was recorded have none). */
    boolean recorded(String id) {
        return events.lastSequenceNumberFor(UserAccount.aggregateId(id)).isPresent();
    }

    UserAccount load(String id) {
        UserAccount account = new UserAccount();
        replay(id, account);
        return account;
    }

    /** Applies the user's events to {@code account}; returns them. */
    private List<DomainEventMessage<?>> replay(String id, UserAccount account) {
        List<DomainEventMessage<?>> all = new ArrayList<>(events.readEvents(UserAccount.aggregateId(id)).asStream().toList());
        all.forEach(m -> account.apply((UserEvent) m.getPayload(), m.getSequenceNumber(), m.getTimestamp(),
                EventMetadata.actorFrom(m.getMetaData()).name()));
        return all;
    }

    /** Enabled administrators, each read through {@link #current}: a stale row must not count as one. */
    private long enabledAdmins() {
        return store.all().stream().filter(u -> u.role() == Role.ADMIN && u.enabled())
                .flatMap(u -> current(u.id()).stream()).filter(u -> u.role() == Role.ADMIN && u.enabled()).count();
    }

    /**
     * Runs a change that could leave no administrator under the administrators' lock, so that two of them
     * (two administrators disabling each other at once, on any nodes) never both count the other as still
     * there. Waits a few seconds for the lock, then answers 409 as any concurrent change does.
     */
    private <T> T holdingAdministrators(Supplier<T> change) {
        String holder = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + ADMINISTRATORS_LEASE.toNanos() / 2;
        while (!store.lockAdministrators(holder, Instant.now(), ADMINISTRATORS_LEASE)) {
            if (System.nanoTime() > giveUp) {
                throw new ConcurrencyException("Another change of administrators is under way; try again.");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        try {
            return change.get();
        } finally {
            store.unlockAdministrators(holder);
        }
    }

    /**
     * Loads the user, decides, records the events, writes the new state. Nothing to record (asking twice)
     * writes nothing. Two changes to one user at the same moment: the store refuses the second (409).
     */
    private StoredUser change(String id, Actor by, String passwordHash, Function<UserAccount, List<UserEvent>> decide) {
        current(id); // what a crash left undone (a token still to remove) is done before anything new
        UserAccount account = load(id);
        List<UserEvent> decided = decide.apply(account);
        if (decided.isEmpty()) {
            return get(id);
        }
        String commandId = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        long sequence = account.version();
        for (UserEvent event : decided) {
            messages.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, UserAccount.aggregateId(id), ++sequence,
                    event, EventMetadata.of(by, commandId)));
        }
        events.publish(messages);
        for (DomainEventMessage<?> m : messages) {
            account.apply((UserEvent) m.getPayload(), m.getSequenceNumber(), m.getTimestamp(), by.name());
            // Before the row: should this fail, the row stays behind the events and the next read removes it
            // (catchUp); after the row, a failure would leave a token on record as revoked still signing in.
            if (m.getPayload() instanceof AccessTokenRevoked revoked) {
                tokens.remove(revoked.tokenId());
            }
        }
        store.save(account, passwordHash, messages.get(messages.size() - 1).getTimestamp(), by.id());
        return get(id);
    }

    private void ownedByUs(String id, String what) {
        if (configured.contains(id)) {
            throw new StateConflict("configured-user",
                    "The " + what + " of '" + id + "' comes from Docket's configuration; change it there.");
        }
    }

    String hash(String raw) {
        String password = NfcPasswordEncoder.normalized(raw); // the rules count letters, however they were typed
        // Spaces and invisible characters count as letters, but a password of nothing else shows nothing to guess.
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD || Text.isBlank(password)) {
            throw new RuleBroken("weak-password", "A password has at least " + MIN_PASSWORD + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new RuleBroken("password-too-long",
                    "A password has at most " + MAX_PASSWORD_BYTES + " bytes (about 70 letters without tone marks).");
        }
        return encoder.encode(password);
    }

    static Role role(String text) {
        String valid = Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM).map(Role::name)
                .collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw new RuleBroken("invalid-role", "Give a role: one of " + valid + ".");
        }
        // Letters of the role's name only: upper-casing would read a dotless "admın" as ADMIN, a role nobody typed.
        if (text.strip().matches("[A-Za-z_]+")) {
            try {
                Role role = Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
                if (role != Role.SYSTEM) {
                    return role;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new RuleBroken("invalid-role", "There is no role '" + text.strip() + "'; the roles are " + valid + ".");
    }

    private static String level(String text) {
        String level = text("level", text);
        if (level == null) {
            throw new RuleBroken("level-required", "Name the approval level, as routes name it.");
        }
        return level;
    }

    /**
     * A unit, or none when none is given (null, empty, spaces). One pasted as only invisible characters (a zero-width
     * space, a soft hyphen, a byte-order mark) looks like a unit to whoever sent it: taken as none, it would silently
     * take away a leader's or an auditor's unit.
     */
    private static String unit(String value) {
        String unit = text("unit", value);
        if (unit == null && value != null && value.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
            throw new RuleBroken("control-characters",
                    "The unit is only invisible characters; give the unit's name, or none to clear it.");
        }
        return unit;
    }

    private static String text(String field, String value) {
        if (value != null && value.codePoints().anyMatch(Character::isISOControl)) {
            throw new RuleBroken("control-characters", "The " + field + " contains control characters.");
        }
        String clean = Text.clean(value);
        if (clean != null && clean.length() > MAX_TEXT) {
            throw new RuleBroken("too-long", "The " + field + " has at most " + MAX_TEXT + " characters.");
        }
        return clean;
    }
}
