package vn.docket.platform.axon;

import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Correlation data (who acted, under which command, the trace) is copied from the message being handled
 * onto the messages its handler sends: from a command or a deadline onto the events it applies. Docket's
 * tracking processors only write read models and send nothing, yet Axon asks the providers about every event
 * they handle (to build the handler's result message), and answering means deserializing the event's stored
 * metadata: a good share of a processor's own work per event in a replay (bench/README.md). So events delivered
 * by a tracking processor get no correlation data.
 *
 * <p>A tracking handler that sends commands or publishes events (a saga, a process manager) would lose the
 * actor and trace on what it sends; such a handler needs this revisited.
 */
public final class NotForTrackedEvents implements CorrelationDataProvider {

    private final CorrelationDataProvider delegate;

    private NotForTrackedEvents(CorrelationDataProvider delegate) {
        this.delegate = delegate;
    }

    public static CorrelationDataProvider of(CorrelationDataProvider delegate) {
        return new NotForTrackedEvents(delegate);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof TrackedEventMessage ? Map.of() : delegate.correlationDataFor(message);
    }
}
