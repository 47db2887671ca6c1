package vn.docket.platform;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How far a long piece of work (a backup, a restore, a verify) got, said by time rather than by count: every 10,000
 * documents left an operator on a slow disk looking at nothing for minutes. The work tells it each step; it says one
 * line once {@value #EVERY_MILLIS} ms have passed since the start or the last line, so nothing of work done within
 * that, and while the work goes on a line at least every {@value #EVERY_MILLIS} ms plus one step (a batch of at most
 * 500 documents).
 */
public final class Progress {

    static final long EVERY_MILLIS = 2_000;

    private final Clock clock;
    private final Consumer<String> say;
    private long next;

    public Progress(Clock clock, Consumer<String> say) {
        this.clock = clock;
        this.say = say;
        this.next = clock.millis() + EVERY_MILLIS;
    }

    /** One step of the work done; {@code line} says how far it got, asked for only when it is said. */
    public void step(Supplier<String> line) {
        long now = clock.millis();
        if (now >= next) {
            say.accept(line.get());
            next = now + EVERY_MILLIS;
        }
    }
}
