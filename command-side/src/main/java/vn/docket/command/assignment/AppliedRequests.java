package vn.docket.command.assignment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import vn.docket.events.AssignmentEvent;
import vn.docket.events.DraftSubmitted;
import vn.docket.events.EventMetadata;

/**
 * The commands of keyed requests (Idempotency-Key) applied to one assignment, with the draft version each
 * answered. Their command ids are derived from the user, the key and the request, so a retry after a crash
 * carries the id of its first attempt; if that attempt's events are stored, the assignment answers as it did
 * and applies nothing. Commands without a key get a fresh id each time and are not remembered.
 *
 * <p>An entity of the assignment only so that one event-sourcing handler sees every event with its metadata.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AppliedRequests {

    /** Command id to the draft version a SubmitDraft answered; null for commands that answer nothing. */
    private Map<String, Integer> answers = new HashMap<>();

    /** What {@code command} answered when it was applied, else what it answers now ({@code chain} goes on). */
    Object answer(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        String commandId = (String) command.getMetaData().get(EventMetadata.COMMAND_ID);
        return commandId != null && answers.containsKey(commandId) ? answers.get(commandId) : chain.proceed();
    }

    @EventSourcingHandler
    void on(AssignmentEvent event, @MetaDataValue(EventMetadata.COMMAND_ID) String commandId,
            @MetaDataValue(EventMetadata.KEYED_REQUEST) String keyed) {
        if ("true".equals(keyed)) {
            answers.put(commandId, event instanceof DraftSubmitted draft ? Integer.valueOf(draft.version())
                    : answers.get(commandId));
        }
    }
}
