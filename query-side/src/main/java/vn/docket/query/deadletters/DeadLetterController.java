package vn.docket.query.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.docket.platform.refusal.NotFound;
import vn.docket.platform.security.CurrentActor;

/** The events projections set aside, and retrying or evicting them. */
@RestController
@Tag(name = "Administration")
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final EventProcessingConfiguration processing;

    DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One parked event; {@code failure} is set on the one that failed, the others wait behind it. */
    record Letter(String eventId, String eventType, Long sequenceNumber, Instant recordedAt, String failure,
                  Instant parkedAt, Instant lastTried) {
    }

    /** An assignment's parked events in a projection, in the order the projection must take them. */
    record Sequence(String projection, String sequence, List<Letter> letters) {
    }

    record RetryResult(String projection, String sequence, boolean drained, List<Letter> remaining) {
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "Every projection's parked events, by assignment")
    List<Sequence> deadLetters() {
        requireAdmin();
        List<Sequence> result = new ArrayList<>();
        processing.eventProcessors().keySet().stream().sorted().forEach(projection ->
                processing.deadLetterQueue(projection).ifPresent(queue -> queue.deadLetters().forEach(letters -> {
                    List<Letter> list = letters(letters);
                    if (!list.isEmpty()) {
                        result.add(new Sequence(projection, sequenceOf(letters.iterator().next()), list));
                    }
                })));
        return result;
    }

    @PostMapping("/api/admin/dead-letters/{projection}/{sequence}/retry")
    @Operation(summary = "Hand an assignment's parked events to the projection again, in order, until one fails")
    RetryResult retry(@PathVariable String projection, @PathVariable String sequence) {
        requireAdmin();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        if (!queue.contains(sequence)) {
            throw new NotFound("The projection '" + projection + "' holds no parked events of '" + sequence + "'.");
        }
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow();
        boolean drained = processor.process(letter -> sequence.equals(sequenceOf(letter)));
        List<Letter> remaining = letters(queue.deadLetterSequence(sequence));
        log.info("{} retried the events the projection {} had set aside for {}: {}", CurrentActor.get().id(), projection,
                sequence, remaining.isEmpty() ? "all were taken in" : remaining.size() + " are still set aside");
        return new RetryResult(projection, sequence, drained && remaining.isEmpty(), remaining);
    }

    @PostMapping("/api/admin/dead-letters/{projection}/{sequence}/{eventId}/drop")
    @Operation(summary = "Drop one parked event: the projection never takes it in (a rebuild would try it again)")
    List<Letter> evict(@PathVariable String projection, @PathVariable String sequence, @PathVariable String eventId) {
        requireAdmin();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection);
        DeadLetter<? extends EventMessage<?>> letter = null;
        for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(sequence)) {
            if (candidate.message().getIdentifier().equals(eventId)) {
                letter = candidate;
            }
        }
        if (letter == null) {
            throw new NotFound("The projection '" + projection + "' holds no parked event '" + eventId + "'.");
        }
        queue.evict(letter);
        log.info("{} dropped the event {} that the projection {} had set aside for {}; that read model will not show it",
                CurrentActor.get().id(), eventId, projection, sequence);
        return letters(queue.deadLetterSequence(sequence));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        if (!processing.eventProcessors().containsKey(projection)) {
            throw new NotFound("No projection named '" + projection + "'.");
        }
        return processing.deadLetterQueue(projection)
                .orElseThrow(() -> new NotFound("The projection '" + projection + "' sets no events aside."));
    }

    private static List<Letter> letters(Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        List<Letter> result = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : letters) {
            EventMessage<?> message = letter.message();
            Long sequenceNumber = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
            String failure = letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null);
            result.add(new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(), sequenceNumber,
                    message.getTimestamp(), failure, letter.enqueuedAt(), letter.lastTouched()));
        }
        return result;
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return String.valueOf(((GenericDeadLetter<?>) letter).getSequenceIdentifier());
    }

    private static void requireAdmin() {
        CurrentActor.admin("see, retry or drop parked events");
    }
}
