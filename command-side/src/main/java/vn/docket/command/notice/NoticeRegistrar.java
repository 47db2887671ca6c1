package vn.docket.command.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.docket.command.assignment.ApprovalRoute;
import vn.docket.command.assignment.AssignmentCommands.AssignTask;
import vn.docket.command.assignment.AssignmentCommands.RecordMeetingConclusion;
import vn.docket.command.assignment.Required;
import vn.docket.command.dispatch.CommandDispatcher;
import vn.docket.command.dispatch.IdempotencyKeys;
import vn.docket.command.notice.NoticeReadOut.Contribution;
import vn.docket.command.notice.NoticeReadOut.Item;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.events.Actor;
import vn.docket.events.DecisionRef;
import vn.docket.events.DeliverableKind;
import vn.docket.events.NoticeNumberCorrected;
import vn.docket.events.NoticeNumbered;
import vn.docket.events.NoticeParticulars;
import vn.docket.events.NoticeRegistered;
import vn.docket.events.NoticeSource;
import vn.docket.platform.Sha256;
import vn.docket.platform.Text;
import vn.docket.platform.approval.ApprovalLevels;
import vn.docket.platform.mongo.Inserts;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.refusal.Refusal;
import vn.docket.platform.refusal.RuleBroken;
import vn.docket.platform.refusal.StateConflict;

/**
 * Registers a checked notice and, per item, the assignment with its history as it happened at the
 * meeting: assigned, the draft presented, the chair's conclusion; contributions other units owe the lead
 * become child assignments. Everything is checked before the first event is written, because MongoDB
 * here has no transaction to undo half a notice.
 */
@Service
public class NoticeRegistrar {

    private static final Logger log = LoggerFactory.getLogger(NoticeRegistrar.class);

    private static final String STATE = "state";
    private static final String SINCE = "since";
    private static final String FINGERPRINT = "fingerprint";
    private static final String CLAIMED_AFTER = "claimedAfter";
    private static final String REGISTERING = "registering";
    private static final String REGISTERED = "registered";
    private static final String INCOMPLETE = "incomplete";
    /** The problem's member naming what to correct in the preview: "items[1].submitTo", "notice.issuedOn". */
    private static final String FIELD = "field";
    /** Far longer than any registration takes: a key still marked registering after it was left by a dead process. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);


    /** The route of a contribution: the lead unit takes it in to compile its own draft. */
    public static final String LEAD_UNIT_LEVEL = "Đơn vị chủ trì tổng hợp";

    private final CommandDispatcher commands;
    private final ApprovalLevels levels;
    private final UnitDirectory units;
    private final Clock clock;
    private final MongoCollection<Document> noticeKeys;
    private final EventStore eventStore;
    /**
     * Keys a registration here left marked registering, as claimed at {@code since}, because the database that stopped it
     * was still away when it went to mark them incomplete: they are resumed at once all the same, not two minutes later.
     */
    private final Map<String, Date> stoppedUnmarked = new ConcurrentHashMap<>();

    NoticeRegistrar(CommandDispatcher commands, ApprovalLevels levels, UnitDirectory units, Clock clock,
                    MongoDatabase database, EventStore eventStore) {
        this.commands = commands;
        this.levels = levels;
        this.units = units;
        this.clock = clock;
        this.noticeKeys = database.getCollection("notice_keys");
        this.eventStore = eventStore;
    }

    public record Registered(UUID id, List<RegisteredAssignment> assignments) {
    }

    public record RegisteredAssignment(int item, UUID id, String leadUnit, UUID parentId) {
    }

    /**
     * The id of a notice registered before with the same number or from the same file, else null; also one whose
     * registration stopped midway, but not one that stopped before its notice was written (there is none to open).
     */
    public UUID registeredBefore(String number, String sourceSha256) {
        for (String key : keys(Text.clean(number), sourceSha256)) {
            Document earlier = noticeKeys.find(Filters.eq("_id", key)).first();
            if (earlier != null && earlier.getString("noticeId") != null
                    && eventStore.lastSequenceNumberFor(earlier.getString("noticeId")).isPresent()
                    && !heldInVain(key, earlier)) {
                return UUID.fromString(earlier.getString("noticeId"));
            }
        }
        return null;
    }

    public Registered register(NoticeReadOut readOut, Actor clerk) {
        List<Planned> plan = check(readOut);
        NoticeParticulars facts = readOut.notice();
        String number = Text.clean(facts.number());
        LocalDate meeting = effectiveDate(facts);
        List<String> keys = keys(number, readOut.sourceSha256());
        Instant claimed = clock.instant();
        UUID noticeId = reserve(keys, fingerprint(readOut), claimed);
        try {
            // Every id and command id below follows from the notice's id and the item, so a registration that
            // stopped midway is completed by running it again: what is stored is skipped, the rest is written.
            commands.sendOnceAs(clerk, noticeId + " registered", noticeId, true, new RegisterNotice(noticeId,
                    new NoticeParticulars(number, Text.clean(facts.issuer()),
                            Text.clean(facts.place()), facts.issuedOn(), facts.issuedMonth(), facts.meetingOn(),
                            Text.clean(facts.chair()), facts.invitation(), Text.clean(facts.signer())),
                    readOut.sourceSha256(), readOut.items().size(), meeting));
            DecisionRef citation = new DecisionRef(number != null ? number : "Thông báo kết luận (chưa có số)",
                    facts.issuedOn() != null ? facts.issuedOn() : meeting);
            List<RegisteredAssignment> created = new ArrayList<>();
            for (Planned p : plan) {
                UUID id = IdempotencyKeys.derivedId(noticeId + " item " + p.item.ordinal() + " lead " + p.lead);
                NoticeSource source = new NoticeSource(number, p.item.ordinal(), noticeId);
                // A task's requirements are what the unit must do; a judged draft's are its conclusion's revision points.
                commands.sendOnceAs(clerk, id + " assigned", id, true, new AssignTask(id, p.title, p.kind, p.lead,
                        p.coordinators, p.item.deadline(), p.route, source, p.parent, meeting,
                        p.item.verdict() == null ? Text.clean(p.item.requirements()) : List.of()));
                if (p.parent == null && p.item.verdict() != null) {
                    commands.sendOnceAs(clerk, id + " concluded", id, false, new RecordMeetingConclusion(id,
                            p.item.presentedBy(), p.item.verdict(), p.item.requirements(), facts.chair(), citation, meeting));
                }
                created.add(new RegisteredAssignment(p.item.ordinal(), id, p.lead, p.parent));
                for (int c = 0; c < p.children.size(); c++) {
                    Planned child = p.children.get(c);
                    UUID childId = IdempotencyKeys.derivedId(id + " contribution " + c);
                    commands.sendOnceAs(clerk, childId + " assigned", childId, true, new AssignTask(childId, child.title,
                            child.kind, child.lead, List.of(), child.deadline, child.route, source, id, meeting));
                    created.add(new RegisteredAssignment(p.item.ordinal(), childId, child.lead, id));
                }
            }
            noticeKeys.updateMany(Filters.in("_id", keys), Updates.set(STATE, REGISTERED));
            log.info("Notice {} registered by {} with {} assignments", facts.number() == null ? noticeId : facts.number(),
                    clerk.id(), created.size());
            return new Registered(noticeId, created);
        } catch (RuntimeException e) {
            // Checked beforehand, so this is the database failing midway. The keys stay, marked, so that only
            // the same read-out can be confirmed again, which completes it.
            try {
                noticeKeys.updateMany(Filters.and(Filters.in("_id", keys), Filters.eq(STATE, REGISTERING)),
                        Updates.set(STATE, INCOMPLETE));
            } catch (RuntimeException unmarked) {
                keys.forEach(key -> stoppedUnmarked.put(key, Date.from(claimed)));
                e.addSuppressed(unmarked);
            }
            log.error("Registering notice {} stopped midway; confirming the same notice again completes it", noticeId, e);
            throw e;
        }
    }

    /**
     * Gives a notice registered without a number the number its signed copy bears (and the copy's date). The number is
     * claimed among the notices' keys first, as a registration claims it, so that two notices never share one; it is
     * given back if the notice refuses the command. Claimed by this notice already (a retry), it is taken as it is.
     */
    public void number(UUID noticeId, String typed, LocalDate issuedOn, Actor clerk) {
        String number = Notice.number(typed);
        withNumber(noticeId, number, issuedOn, () -> commands.sendAs(clerk, new NumberNotice(noticeId, number, issuedOn)));
        log.info("Notice {} given the number {} by {}", noticeId, number, clerk.id());
    }

    /**
     * Corrects a notice's number: the new number is claimed as a first number is (refused if another notice holds it),
     * and the old one given back once the correction is recorded, so that the notice it belongs to can be registered
     * under it.
     */
    public void correctNumber(UUID noticeId, String typed, LocalDate issuedOn, String reason, Actor clerk) {
        String number = Notice.number(typed);
        String previous = withNumber(noticeId, number, issuedOn,
                () -> commands.sendAs(clerk, new CorrectNoticeNumber(noticeId, number, issuedOn, reason)));
        String old = keys(previous, null).get(0);
        if (!old.equals(keys(number, null).get(0))) {
            noticeKeys.deleteOne(Filters.and(Filters.eq("_id", old), Filters.eq("noticeId", noticeId.toString())));
        }
        log.info("Notice {} renumbered from {} to {} by {}", noticeId, previous, number, clerk.id());
    }

    /**
     * Sends a command giving the notice {@code number} with it claimed among the notices' keys (refused, with a link,
     * if another notice holds it); a key this call claimed is given back if the command is refused, which writes
     * nothing. Failing otherwise (the database stopped answering), the command may have been recorded before its
     * answer was lost: the key stays, so that no other notice takes the number this one may bear, and is freed
     * later only if the notice never recorded it ({@link #heldInVain}).
     */
    private <R> R withNumber(UUID noticeId, String number, LocalDate issuedOn, Supplier<R> send) {
        if (issuedOn != null && issuedOn.isAfter(LocalDate.now(clock))) {
            throw new RuleBroken("notice-issued-in-future", "The notice's issue date (issuedOn) is in the future.");
        }
        String key = keys(number, null).get(0);
        // The notice's last event as it claims the key: a correction away from this number counts only after it.
        long after = eventStore.lastSequenceNumberFor(noticeId.toString()).orElse(-1L);
        Document claim = new Document("_id", key).append("noticeId", noticeId.toString()).append(STATE, REGISTERED)
                .append(CLAIMED_AFTER, after);
        boolean claimed = Inserts.ifAbsent(noticeKeys, claim.append(SINCE, Date.from(clock.instant())));
        if (!claimed) {
            Document earlier = noticeKeys.find(Filters.eq("_id", key)).first();
            if (earlier != null && heldInVain(key, earlier)) {
                claimed = Inserts.ifAbsent(noticeKeys, claim.append(SINCE, Date.from(clock.instant())));
                earlier = claimed ? null : noticeKeys.find(Filters.eq("_id", key)).first();
            } else if (earlier != null && noticeId.toString().equals(earlier.getString("noticeId"))) {
                // Held already by this notice (a retry, or a number it is corrected back to): claimed anew, so that
                // a correction away from it recorded before is not taken for this claim's (heldInVain).
                noticeKeys.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("noticeId", noticeId.toString())),
                        Updates.combine(Updates.set(SINCE, Date.from(clock.instant())), Updates.set(CLAIMED_AFTER, after)));
            }
            if (!claimed && (earlier == null || !noticeId.toString().equals(earlier.getString("noticeId")))) {
                String link = "/api/notices/" + (earlier == null ? "" : earlier.getString("noticeId"));
                throw new StateConflict("notice-already-registered", "A notice with this number is already registered: "
                        + link, link);
            }
        }
        try {
            return send.get();
        } catch (Refusal | NotFound refused) {
            if (claimed) {
                noticeKeys.deleteOne(Filters.eq("_id", key));
            }
            throw refused;
        }
    }

    /**
     * Whether a number's key is held in vain, left by a process that stopped: held by a notice whose number was
     * corrected away from it after it claimed the key (stopped between recording the correction and giving the old
     * number back), or claimed to give a notice the number longer ago than any command takes while the notice has
     * never recorded it (stopped between claiming the number and recording it). Such a key is removed (only as it was
     * read), so that the notice bearing that number can take it; true once it is gone. A notice being given this
     * number right now has recorded no correction away from it since it claimed the key (the key keeps the notice's
     * last event then, {@code claimedAfter}; a registration's keys precede every event and have none) and claimed it
     * less than {@link #STALLED_AFTER} ago, so its claim stands. The holder's events are read only here, when a key is
     * found held.
     */
    private boolean heldInVain(String key, Document holder) {
        String holderId = holder.getString("noticeId");
        Date since = holder.getDate(SINCE);
        if (!key.startsWith("number:") || holderId == null || since == null
                || !(holder.getString(STATE) == null || REGISTERED.equals(holder.getString(STATE)))) {
            return false;
        }
        boolean claimedToNumber = holder.get(CLAIMED_AFTER) instanceof Number;
        long claimedAfter = claimedToNumber ? ((Number) holder.get(CLAIMED_AFTER)).longValue() : -1L;
        boolean bears = false;
        boolean correctedAway = false;
        DomainEventStream events = eventStore.readEvents(holderId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof NoticeRegistered registered) {
                bears = isKey(key, registered.notice().number());
            } else if (event.getPayload() instanceof NoticeNumbered numbered) {
                bears = isKey(key, numbered.number());
            } else if (event.getPayload() instanceof NoticeNumberCorrected corrected) {
                if (isKey(key, corrected.number())) {
                    bears = true;
                    correctedAway = false;
                } else if (isKey(key, corrected.previousNumber())) {
                    bears = false;
                    correctedAway = event.getSequenceNumber() > claimedAfter;
                }
            }
        }
        boolean neverRecorded = claimedToNumber && !bears && since.toInstant().plus(STALLED_AFTER).isBefore(clock.instant());
        if (!correctedAway && !neverRecorded) {
            return false;
        }
        noticeKeys.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("noticeId", holderId), Filters.eq(SINCE, since)));
        log.warn(correctedAway
                        ? "The number {} was still reserved for notice {} after that notice's number was corrected; it is free again"
                        : "The number {} was reserved for notice {}, which never recorded it (the numbering stopped midway); it is free again",
                key.substring("number:".length()), holderId);
        return noticeKeys.find(Filters.eq("_id", key)).first() == null;
    }

    private static boolean isKey(String key, String number) {
        return number != null && key.equals(keys(number, null).get(0));
    }

    /** One assignment to create, with the contributions that feed it. */
    private record Planned(Item item, String title, DeliverableKind kind, String lead, List<String> coordinators,
                           LocalDate deadline, List<String> route, UUID parent, List<Planned> children) {
    }

    private List<Planned> check(NoticeReadOut readOut) {
        NoticeParticulars facts = Required.value(readOut.notice(), "notice-required", "The read-out has no 'notice' part.");
        if (readOut.items() == null || readOut.items().isEmpty()) {
            throw new RuleBroken("notice-without-items", "The notice has no items to register.");
        }
        if (Text.clean(facts.number()) == null && Text.isBlank(readOut.sourceSha256())) {
            throw new RuleBroken("sha-required", "An unnumbered notice is registered with its file's SHA-256 (sourceSha256).");
        }
        // It tells the notice apart from any later confirmation of the same file, and is recorded.
        if (!Text.isBlank(readOut.sourceSha256()) && !Sha256.isHex(readOut.sourceSha256().strip())) {
            throw new RuleBroken("source-sha256-format", "sourceSha256 must be 64 hexadecimal characters, as the preview"
                    + " gives it.");
        }
        // The items' history starts on the meeting's day (or the letter's): taking today for a text that gives neither
        // would record work assigned years ago as assigned today, and judge its deadlines against today.
        if (facts.meetingOn() == null && facts.issuedOn() == null) {
            throw new RuleBroken("notice-date-required", "The notice has neither a meeting date (meetingOn) nor an issue"
                    + " date (issuedOn); give at least one.").with(FIELD, "notice.meetingOn");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate meeting = effectiveDate(facts);
        if (meeting.isAfter(today)) {
            throw new RuleBroken("meeting-in-future", "The meeting date is in the future.")
                    .with(FIELD, facts.meetingOn() != null ? "notice.meetingOn" : "notice.issuedOn");
        }
        if (facts.issuedOn() != null && facts.issuedOn().isAfter(today)) {
            throw new RuleBroken("notice-issued-in-future", "The notice's issue date (issuedOn) is in the future.")
                    .with(FIELD, "notice.issuedOn");
        }
        // A conclusion notice is written after the meeting it concludes: an earlier date is a typing slip.
        if (facts.issuedOn() != null && facts.meetingOn() != null && facts.issuedOn().isBefore(facts.meetingOn())) {
            throw new RuleBroken("notice-issued-before-meeting", "The notice's issue date (issuedOn) is before its"
                    + " meeting (meetingOn).").with(FIELD, "notice.issuedOn");
        }
        // A draft notice gives only its month ("ngày   tháng 11 năm 2020"): a day typed in another month is a slip, and
        // would be recorded beside the month it contradicts.
        if (facts.issuedOn() != null && facts.issuedMonth() != null
                && !YearMonth.from(facts.issuedOn()).toString().equals(facts.issuedMonth().strip())) {
            throw new RuleBroken("notice-issued-outside-month", "The issue date " + Text.date(facts.issuedOn())
                    + " (issuedOn) is not in the month the notice's text gives (" + facts.issuedMonth() + ", issuedMonth).")
                    .with(FIELD, "notice.issuedOn");
        }
        List<Planned> plan = new ArrayList<>();
        Set<Integer> ordinals = new LinkedHashSet<>();
        for (int i = 0; i < readOut.items().size(); i++) {
            Item item = readOut.items().get(i);
            String at = "items[" + i + "]";
            if (item == null || item.ordinal() == null || item.ordinal() < 1 || !ordinals.add(item.ordinal())) {
                throw new RuleBroken("item-ordinal", at + ": each item needs its own ordinal, counted from 1.")
                        .with(FIELD, at + ".ordinal");
            }
            String title = Text.clean(item.title());
            if (title == null) {
                throw new RuleBroken("item-title", at + ".title is empty.").with(FIELD, at + ".title");
            }
            if (item.kind() == null) {
                throw new RuleBroken("item-kind", at + ".kind: say what the item delivers (PLAN, REPORT, SCHEME, PROGRAMME,"
                        + " OTHER).").with(FIELD, at + ".kind");
            }
            // Units as the office names them: a lead edited to "TC-KH" in the preview is Phòng Tài chính - Kế hoạch's.
            List<String> named = names(Text.clean(item.leads()));
            List<String> leads = named.isEmpty() && Text.clean(item.lead()) != null
                    ? List.of(units.nameOf(Text.clean(item.lead()))) : named;
            if (leads.isEmpty()) {
                throw new RuleBroken("item-lead", at + ".lead: the item has no lead unit; name the unit that leads it.")
                        .with(FIELD, at + ".lead");
            }
            List<String> kept = item.keptLeads() == null ? List.of() : names(Text.clean(item.keptLeads()));
            for (String lead : leads) {
                // Only the directory's units have staff who sign in: work led by any other name (a typo, a body outside
                // the office, "các cơ quan, đơn vị") is followed by no one, unless the clerk keeps it knowingly.
                if (units.ownName(lead).isEmpty() && !kept.contains(lead)) {
                    throw (isGeneric(lead)
                            ? new RuleBroken("item-lead-generic", at + ".leads: \"" + lead + "\" names units in general,"
                                    + " not one unit; choose the unit that leads it, or keep it in keptLeads.")
                            : new RuleBroken("item-lead-not-in-directory", at + ".leads: \"" + lead + "\" is no unit of the"
                                    + " unit directory; choose one that is, or keep it in keptLeads."))
                            .with(FIELD, at + ".leads").with("unit", lead).with("item", item.ordinal());
                }
            }
            // A coordinating unit gets no assignment and is told nothing, but its staff see the task, find it under
            // their unit and count it in their reports: a name no unit of the directory has (a typo) hides the task from
            // the unit meant. Refused unless kept knowingly, as a body outside the office may be; a phrase ("các cơ
            // quan liên quan") names nobody to show it to, and is only warned of in the preview.
            List<String> keptCoordinators = item.keptCoordinators() == null ? List.of()
                    : names(Text.clean(item.keptCoordinators()));
            for (String coordinator : names(Text.clean(item.coordinators()))) {
                if (units.ownName(coordinator).isEmpty() && !isGeneric(coordinator) && !keptCoordinators.contains(coordinator)) {
                    throw new RuleBroken("coordinator-not-in-directory", at + ".coordinators: \"" + coordinator + "\" is no"
                            + " unit of the unit directory; choose one that is, or keep it in keptCoordinators.")
                            .with(FIELD, at + ".coordinators").with("unit", coordinator).with("item", item.ordinal());
                }
            }
            List<String> route;
            try {
                // The assignment's own check, asked here so that a route it would refuse stops the notice before
                // anything is written.
                route = ApprovalRoute.of(item.submitTo(), levels).levels();
            } catch (RuleBroken refused) {
                throw new RuleBroken("item-route", at + ".submitTo: " + refused.getMessage()).with(FIELD, at + ".submitTo");
            }
            if (item.deadline() != null && item.deadline().isBefore(meeting)) {
                throw new RuleBroken("item-deadline", at + ".deadline is before the meeting.").with(FIELD, at + ".deadline");
            }
            if (item.verdict() != null && item.verdict() == vn.docket.events.MeetingVerdict.REVISION_REQUIRED
                    && Text.clean(item.requirements()).isEmpty()) {
                throw new RuleBroken("item-requirements", at + ".requirements: a revision required at the meeting needs "
                        + "the things to revise.").with(FIELD, at + ".requirements");
            }
            for (String lead : leads) {
                boolean first = lead.equals(leads.get(0));
                // Units owing the first lead input that no child assignment can be given to stay on its record.
                List<String> coordinating = new ArrayList<>(names(Text.clean(item.coordinators())));
                if (first) {
                    coordinating.addAll(unchased(item, lead));
                }
                List<String> coordinators = coordinating.stream().filter(c -> !leads.contains(c)).distinct().toList();
                plan.add(new Planned(item, title, item.kind(), lead, coordinators, item.deadline(), route, null,
                        first ? contributions(item, at, lead, title, meeting) : List.of()));
            }
        }
        return plan;
    }

    /**
     * The units of an item's contributions that get no child assignment, because they name no one unit to chase
     * ("các phòng, ban liên quan"): they are kept as coordinators of the lead's assignment rather than dropped, and
     * the preview says so.
     */
    public List<String> unchased(Item item, String lead) {
        List<Contribution> contributions = item.contributions() == null ? List.of() : item.contributions();
        return contributions.stream().filter(java.util.Objects::nonNull).flatMap(c -> names(Text.clean(c.units())).stream())
                .filter(unit -> isGeneric(unit) && !unit.equals(lead)).distinct().toList();
    }

    /**
     * A kind of body or of place after "các", "những" or "mọi" stands for every one of them ("Uỷ ban nhân dân các xã,
     * phường", "Trung tâm Y tế các huyện", "Hội đồng nhân dân các cấp"), not for one unit; "Ban Quản lý các khu công
     * nghiệp" is one unit, as "khu" is no such kind.
     */
    private static final Pattern EVERY_ONE_OF = Pattern.compile("(?:^|\\s)(?:các|những|mọi)\\s+(?:cơ quan|đơn vị|sở|ban"
            + "|ngành|phòng|bộ|địa phương|cấp|xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|tổ chức|doanh nghiệp"
            + "|trường|hội|đoàn thể)(?=[\\s,;.]|$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "... liên quan", "... có liên quan": whichever units the matter concerns, not one named unit. */
    private static final Pattern CONCERNED = Pattern.compile("(?:^|\\s)(?:có\\s+)?liên\\s+quan[\\s.,;:]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * True for a name that stands for units in general rather than one unit: a phrase of the directory's list ("các cơ
     * quan, đơn vị"), or one built as such phrases are (EVERY_ONE_OF, CONCERNED), which no list can hold all of. Such a
     * lead is followed by nobody, and such a unit owing input can be given no assignment of its own.
     */
    public boolean isGeneric(String unit) {
        String name = Normalizer.normalize(unit.strip(), Normalizer.Form.NFC);
        return units.isGeneric(name) || EVERY_ONE_OF.matcher(name).find() || CONCERNED.matcher(name).find();
    }

    private List<String> names(List<String> written) {
        return written.stream().map(units::nameOf).toList();
    }

    /** Each unit the directory knows that owes the lead a contribution gets its own child assignment. */
    private List<Planned> contributions(Item item, String at, String lead, String title, LocalDate meeting) {
        List<Planned> children = new ArrayList<>();
        List<Contribution> contributions = item.contributions() == null ? List.of() : item.contributions();
        List<String> kept = item.keptContributors() == null ? List.of() : names(Text.clean(item.keptContributors()));
        for (int c = 0; c < contributions.size(); c++) {
            Contribution contribution = contributions.get(c);
            String field = at + ".contributions[" + c + "].units";
            if (names(Text.clean(contribution.units())).isEmpty()) {
                continue; // a part whose units the clerk emptied in the preview owes nothing
            }
            for (String unit : names(Text.clean(contribution.units()))) {
                // As for a lead: a part owed by a name no unit of the directory has becomes an assignment nobody signs
                // in to follow, unless kept knowingly. A phrase ("các cơ quan, đơn vị") gets no assignment but stays with
                // the lead as its coordinating units, which most notices' "để tổng hợp" mean: not refused.
                if (units.ownName(unit).isEmpty() && !isGeneric(unit) && !kept.contains(unit)) {
                    throw new RuleBroken("contribution-unit-not-in-directory", field + ": \"" + unit + "\" is no unit of"
                            + " the unit directory; choose one that is, or keep it in keptContributors.")
                            .with(FIELD, field).with("unit", unit).with("item", item.ordinal());
                }
            }
            LocalDate due = contribution.deadline() != null ? contribution.deadline() : item.deadline();
            if (due != null && due.isBefore(meeting)) {
                throw new RuleBroken("contribution-deadline", at + ".contributions[" + c + "].deadline is before the meeting.")
                        .with(FIELD, at + ".contributions[" + c + "].deadline");
            }
            String to = Text.clean(contribution.deliverTo()) != null ? Text.clean(contribution.deliverTo()) : lead;
            for (String unit : names(Text.clean(contribution.units()))) {
                if (isGeneric(unit) || unit.equals(lead)) {
                    continue; // "các cơ quan, đơn vị" owes input too, but no one unit can be chased for it
                }
                if (!levels.isKnown(LEAD_UNIT_LEVEL)) {
                    // An office's own levels replace the defaults: refused here, before anything is written.
                    throw new RuleBroken("item-route", at + ".contributions: a contribution goes to the level \""
                            + LEAD_UNIT_LEVEL + "\", which is not a configured approval level (docket.approval.levels).")
                            .with(FIELD, at + ".contributions");
                }
                children.add(new Planned(item, "Nội dung gửi " + to + " để tổng hợp: " + title, DeliverableKind.OTHER, unit,
                        List.of(), due, List.of(LEAD_UNIT_LEVEL), null, List.of()));
            }
        }
        return children;
    }

    /** The day the items were assigned: the meeting's, or a letter's own date; check() refuses a notice with neither. */
    private static LocalDate effectiveDate(NoticeParticulars facts) {
        return facts.meetingOn() != null ? facts.meetingOn() : facts.issuedOn();
    }

    /**
     * A notice is known by its number and by its file: the same file confirmed once without a number and once
     * with one typed in (or with a different one) is still the same notice.
     */
    private static List<String> keys(String number, String sha) {
        List<String> keys = new ArrayList<>(2);
        if (number != null) {
            keys.add("number:" + number.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
        }
        if (!Text.isBlank(sha)) {
            keys.add("sha:" + sha.strip().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    /**
     * Claims every key of the notice and returns the notice's id. A key of a registration that stopped midway
     * (marked incomplete, or still marked registering long after any registration would have finished: its
     * process died) is taken over with that registration's id, but only for the same read-out, unless it stopped
     * before it wrote anything (the notice's own event is written first): then there is nothing for another read-out
     * to differ from. Keys this call inserted are given back if another key refuses.
     */
    private UUID reserve(List<String> keys, String fingerprint, Instant now) {
        List<Document> found = new ArrayList<>();
        UUID resumed = null;
        for (String key : keys) {
            Document earlier = noticeKeys.find(Filters.eq("_id", key)).first();
            if (earlier != null && heldInVain(key, earlier)) {
                earlier = null;
            }
            found.add(earlier);
            if (earlier == null) {
                continue;
            }
            String link = "/api/notices/" + earlier.getString("noticeId");
            boolean stopped = INCOMPLETE.equals(earlier.getString(STATE)) || (REGISTERING.equals(earlier.getString(STATE))
                    && earlier.getDate(SINCE) != null && (earlier.getDate(SINCE).toInstant().plus(STALLED_AFTER).isBefore(now)
                    || earlier.getDate(SINCE).equals(stoppedUnmarked.get(key))));
            if (!stopped) {
                throw REGISTERED.equals(earlier.getString(STATE)) || earlier.getString(STATE) == null
                        ? new StateConflict("notice-already-registered", key.startsWith("number:")
                                ? "A notice with this number is already registered: " + link
                                : "This notice (same file) is already registered: " + link, link)
                        : new StateConflict("notice-registration-running", "This notice is being registered right now; "
                                + "look at it in a minute: " + link, link);
            }
            UUID id = UUID.fromString(earlier.getString("noticeId"));
            boolean written = eventStore.lastSequenceNumberFor(id.toString()).isPresent();
            if (written && !fingerprint.equals(earlier.getString(FINGERPRINT)) || (resumed != null && !resumed.equals(id))) {
                throw new StateConflict("notice-registration-differs", "Registering this notice stopped midway with "
                        + "other particulars or items; confirm it as it was first confirmed to complete it: " + link, link);
            }
            resumed = id;
        }
        UUID noticeId = resumed != null ? resumed : UUID.randomUUID();
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Document earlier = found.get(i);
            boolean claimed;
            if (earlier == null) {
                claimed = insert(key, noticeId, fingerprint, now);
                if (claimed) {
                    inserted.add(key);
                }
            } else {
                // Taken over only as it was read: of two retries at once, one wins.
                claimed = noticeKeys.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq(STATE, earlier.getString(STATE)),
                                Filters.eq(SINCE, earlier.getDate(SINCE))),
                        Updates.combine(Updates.set(STATE, REGISTERING), Updates.set(SINCE, Date.from(now)),
                                Updates.set(FINGERPRINT, fingerprint)))
                        .getModifiedCount() == 1;
            }
            if (claimed && earlier != null) {
                stoppedUnmarked.remove(key, earlier.getDate(SINCE));
            }
            if (!claimed) {
                if (!inserted.isEmpty()) {
                    noticeKeys.deleteMany(Filters.in("_id", inserted));
                }
                throw new StateConflict("notice-registration-running", "This notice is being registered right now; "
                        + "look at it in a minute.");
            }
        }
        return noticeId;
    }

    private boolean insert(String key, UUID noticeId, String fingerprint, Instant now) {
        return Inserts.ifAbsent(noticeKeys, new Document("_id", key).append("noticeId", noticeId.toString())
                .append(STATE, REGISTERING).append(SINCE, Date.from(now)).append(FINGERPRINT, fingerprint));
    }

    /** The read-out as the API writes it: field names and values only, so renaming a Java type changes no hash. */
    private static final ObjectMapper FINGERPRINT_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /**
     * What the clerk confirmed, as one hash: a resumed registration must create what the first attempt planned.
     * Taken from the read-out's JSON, not its records' text forms, which name their types: a registration stopped
     * midway stays resumable after an upgrade that renames one (as NoticeFacts became NoticeParticulars).
     */
    private static String fingerprint(NoticeReadOut readOut) {
        try {
            return IdempotencyKeys.derivedId(FINGERPRINT_JSON.writeValueAsString(readOut)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice's read-out is plain records and always writes as JSON", e);
        }
    }
}
