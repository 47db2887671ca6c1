package vn.docket.command.dispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.docket.events.Actor;
import vn.docket.events.EventMetadata;
import vn.docket.platform.security.CurrentActor;
import vn.docket.platform.users.UserStore;

/**
 * Sends a command as the signed-in user: every command gets a command id and the actor's identity in its
 * metadata, and Axon copies both onto the events it produces. Returns once the events are stored. The command id
 * is fresh, unless the request came with an Idempotency-Key: then it is the one derived from the key
 * ({@link IdempotencyKeys}), so that a retry after a crash is recognised by the aggregate that already applied it.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final UserStore users;

    public CommandDispatcher(CommandGateway gateway, EventStore eventStore, UserStore users) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.users = users;
    }

    public <R> R send(Object command) {
        String keyed = keyedCommandId();
        return keyed == null ? sendAs(CurrentActor.get(), command)
                : dispatch(EventMetadata.keyed(CurrentActor.get(), keyed), command);
    }

    public <R> R sendAs(Actor actor, Object command) {
        return dispatch(EventMetadata.of(actor, UUID.randomUUID().toString()), command);
    }

    /**
     * Sends the command that creates an aggregate under a new id, and returns the id. Under an Idempotency-Key the
     * id is derived from the key's command id: a retry of a create stored before a crash finds its aggregate
     * stored, sends nothing and answers with the same id.
     */
    public UUID create(Function<UUID, Object> command) {
        String keyed = keyedCommandId();
        UUID id = keyed == null ? UUID.randomUUID() : IdempotencyKeys.derivedId("created by " + keyed);
        if (keyed == null || eventStore.lastSequenceNumberFor(id.toString()).isEmpty()) {
            send(command.apply(id));
        }
        return id;
    }

    /**
     * Sends a command under a command id derived from {@code step}, remembered by the aggregate like a keyed
     * request's: sent again (a stopped registration resumed), an assignment that applied it applies nothing.
     * A command that creates {@code aggregateId} is not sent again once that aggregate is stored.
     */
    public void sendOnceAs(Actor actor, String step, UUID aggregateId, boolean creates, Object command) {
        if (creates && eventStore.lastSequenceNumberFor(aggregateId.toString()).isPresent()) {
            return;
        }
        dispatch(EventMetadata.keyed(actor, IdempotencyKeys.derivedId(step).toString()), command);
    }

    private <R> R dispatch(Map<String, String> metaData, Object command) {
        Map<String, String> all = new HashMap<>(metaData);
        // Approval levels an administrator granted this person travel with the command (one read by key).
        List<String> granted = users.grantedLevels(metaData.get(EventMetadata.ACTOR_ID));
        if (!granted.isEmpty()) {
            all.put(EventMetadata.ACTOR_LEVELS, String.join("\n", granted));
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(all));
    }

    /** The command id set by {@link IdempotencyFilter} on a request with an Idempotency-Key; null otherwise. */
    private static String keyedCommandId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null
                : (String) request.getAttribute(IdempotencyFilter.COMMAND_ID, RequestAttributes.SCOPE_REQUEST);
    }
}
