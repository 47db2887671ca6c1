package vn.docket.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.springframework.context.SmartLifecycle;

/**
 * Background work on one daemon thread, started and stopped with the application: each task runs every so
 * often, and a failed run is logged in one line and tried again on the next, never ending the schedule.
 */
public final class Periodic implements SmartLifecycle {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private record Task(Duration every, String what, Runnable run) {
    }

    private final String threadName;
    private final Logger log;
    private final List<Task> tasks = new ArrayList<>();
    private ScheduledExecutorService timer;
    /** Set while stopping: a run the stop interrupts may fail for it, which is no failure to report. */
    private volatile boolean stopping;

    /** @param name the thread's name after "docket-"; {@code log} the logger of the feature the work belongs to */
    public Periodic(String name, Logger log) {
        this.threadName = "docket-" + name;
        this.log = log;
    }

    /** @param what what the task does, for the log: "record event store checkpoints" */
    public Periodic every(Duration every, String what, Runnable task) {
        tasks.add(new Task(every, what, task));
        return this;
    }

    @Override
    public synchronized void start() {
        if (tasks.isEmpty()) {
            return;
        }
        stopping = false;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        for (Task task : tasks) {
            long millis = task.every().toMillis();
            timer.scheduleWithFixedDelay(() -> runSafely(task), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void runSafely(Task task) {
        try {
            task.run().run();
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the database driver turns the stop's interrupt into an exception; nothing to try again
            }
            log.warn("Docket could not {} this time; it tries again in {} s: {}", task.what(),
                    task.every().toSeconds(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            stopping = true;
            timer.shutdownNow();
            try {
                // A run under way ends before what it uses (the database) is closed after this.
                timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
