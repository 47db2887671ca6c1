package vn.docket.query.reports;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.docket.events.AssignmentEvent;
import vn.docket.platform.PlatformConfiguration;
import vn.docket.platform.eventstore.StoredTimestamps;
import vn.docket.query.support.ReadModels;

/**
 * What the follow-up reports read instead of replaying the event store: per task, the facts that change its
 * figures ({@link TaskFact}, effective and recorded dates), and set documents that say, by key alone, which
 * tasks a period can concern:
 * <ul>
 *   <li>{@code "2021-07"}: the tasks done with (approved or cancelled) that were alive in July 2021, from the
 *       month they were assigned to the month of their last closing fact;</li>
 *   <li>{@code "open 2021-07"}: the tasks assigned in July 2021 that are still open, and {@code "open-months"}
 *       the months that have such a document;</li>
 *   <li>{@code "closed 2021-07-05"}: the tasks a closing fact was recorded for on that day (in Vietnam), and
 *       {@code "closed-days"} those days. A report as of an earlier moment saw them open.</li>
 * </ul>
 * Every read is by {@code _id}, which the embedded server and MongoDB both serve from the primary key.
 */
@Component
@ProcessingGroup(TaskTimelineProjection.NAME)
public class TaskTimelineProjection {

    static final String NAME = "report-timelines";
    public static final String TIMELINES = "report_timelines";
    public static final String INDEX = "report_timeline_index";
    static final String OPEN_MONTHS = "open-months";
    static final String CLOSED_DAYS = "closed-days";
    private final MongoCollection<Document> timelines;
    private final MongoCollection<Document> index;

    TaskTimelineProjection(MongoDatabase database) {
        this.timelines = database.getCollection(TIMELINES);
        this.index = database.getCollection(INDEX);
    }

    @EventHandler
    void on(AssignmentEvent event, @SequenceNumber long seq, @Timestamp Instant recorded) {
        TaskFact fact = TaskFact.of(event, recorded);
        if (fact == null) {
            return; // reminders, missed deadlines, extension requests and issuance change no figure
        }
        String id = event.assignmentId().toString();
        List<Document> applied = new ArrayList<>();
        ReadModels.apply(timelines, id, seq, doc -> {
            List<Document> stored = new ArrayList<>(doc.getList("facts", Document.class, List.of()));
            stored.add(write(fact));
            doc.put("facts", stored);
            applied.addAll(stored);
        });
        // Only an assignment or a closing fact moves the task between the index's sets. An event seen before
        // applies nothing here: its set changes were written no later than its timeline (ReadModelBatch).
        if (!applied.isEmpty() && (fact.what() == TaskFact.What.ASSIGNED || fact.what().closes())) {
            index(id, applied.stream().map(TaskTimelineProjection::read).toList());
        }
    }

    private void index(String id, List<TaskFact> facts) {
        LocalDate assigned = facts.stream().filter(f -> f.what() == TaskFact.What.ASSIGNED).map(TaskFact::on)
                .findFirst().orElse(null);
        if (assigned == null) {
            return;
        }
        YearMonth first = YearMonth.from(assigned);
        List<TaskFact> closing = facts.stream().filter(f -> f.what().closes()).toList();
        if (closing.isEmpty()) {
            ReadModels.include(index, "open " + first, id, true);
            ReadModels.include(index, OPEN_MONTHS, first.toString(), true);
            return;
        }
        ReadModels.include(index, "open " + first, id, false);
        YearMonth last = closing.stream().map(f -> YearMonth.from(f.on())).max(YearMonth::compareTo).orElseThrow();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            ReadModels.include(index, m.toString(), id, true);
        }
        for (TaskFact f : closing) {
            String day = f.recorded().atZone(PlatformConfiguration.ZONE).toLocalDate().toString();
            ReadModels.include(index, "closed " + day, id, true);
            ReadModels.include(index, CLOSED_DAYS, day, true);
        }
    }

    @ResetHandler
    void reset() {
        timelines.drop();
        index.drop();
    }

    /**
     * The tasks a report for {@code from..to} as of {@code asOf} reads, each as it stood at the end of {@code to}; of
     * {@code visible} only, unless it is null.
     */
    record Read(List<TaskHistory> tasks, int timelinesRead) {
    }

    Read asAt(LocalDate from, LocalDate to, Instant asOf, Set<String> visible) {
        YearMonth lastMonth = YearMonth.from(to);
        String asOfDay = asOf.atZone(PlatformConfiguration.ZONE).toLocalDate().toString();
        Set<String> keys = new LinkedHashSet<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            keys.add(m.toString());
        }
        for (Document d : index.find(Filters.in("_id", OPEN_MONTHS, CLOSED_DAYS))) {
            for (String member : d.getList(ReadModels.MEMBERS, String.class, List.of())) {
                if (d.get("_id").equals(OPEN_MONTHS) && !YearMonth.parse(member).isAfter(lastMonth)) {
                    keys.add("open " + member); // open tasks assigned by the period's end
                } else if (d.get("_id").equals(CLOSED_DAYS) && member.compareTo(asOfDay) >= 0) {
                    keys.add("closed " + member); // closed, but perhaps not yet as of asOf
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        ReadModels.eachById(index, keys, d -> ids.addAll(d.getList(ReadModels.MEMBERS, String.class, List.of())));
        if (visible != null) {
            ids.retainAll(visible);
        }
        List<TaskHistory> tasks = new ArrayList<>();
        ReadModels.eachById(timelines, ids, d -> {
            List<Document> stored = d.getList("facts", Document.class);
            List<TaskFact> facts = new ArrayList<>(stored.size());
            for (Document f : stored) {
                facts.add(read(f));
            }
            TaskHistory task = TaskHistory.asAt(facts, to, asOf);
            if (task != null) {
                tasks.add(task);
            }
        });
        return new Read(tasks, ids.size());
    }

    private static Document write(TaskFact f) {
        Document d = new Document("what", f.what().name()).append("on", ReadModels.iso(f.on()))
                .append("recorded", f.recorded().toString());
        if (f.date() != null) {
            d.append("date", ReadModels.iso(f.date()));
        }
        if (f.unit() != null) {
            d.append("unit", f.unit());
        }
        return d;
    }

    private static TaskFact read(Document d) {
        return new TaskFact(TaskFact.What.valueOf(d.getString("what")), ReadModels.date(d.get("on")),
                StoredTimestamps.parse(d.getString("recorded")), ReadModels.date(d.get("date")), d.getString("unit"));
    }
}
