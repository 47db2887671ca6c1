package vn.docket.platform.eventstore;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The smallest event-sourced aggregate that still exercises the engine: every command appends one event
 * carrying the new count, so a stream's events must read 1, 2, 3… in sequence order.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Tally {

    public record Bump(@TargetAggregateIdentifier String id) {
    }

    /** Adds {@code by}: a tally another node moved differently from a plain bump. */
    public record BumpBy(@TargetAggregateIdentifier String id, long by) {
    }

    /** Reads the count of an existing tally, as a command that creates nothing. */
    public record Count(@TargetAggregateIdentifier String id) {
    }

    public record Bumped(String id, long count) {
    }

    @AggregateIdentifier
    private String id;
    private long count;

    public Tally() {
    }

    /** A tally as a snapshot of it would hold it (benchmark set-up). */
    public static Tally at(String id, long count) {
        Tally tally = new Tally();
        tally.id = id;
        tally.count = count;
        return tally;
    }

    /** Returns the count after this bump. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(Bump command) {
        apply(new Bumped(command.id(), count + 1));
        return count;
    }

    /** Returns the count after this bump. */
    @CommandHandler
    public long handle(BumpBy command) {
        apply(new Bumped(command.id(), count + command.by()));
        return count;
    }

    @CommandHandler
    public long handle(Count command) {
        return count;
    }

    @EventSourcingHandler
    void on(Bumped event) {
        id = event.id();
        count = event.count();
    }
}
