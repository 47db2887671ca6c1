package vn.docket.platform.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.nio.file.Path;
import java.time.Duration;
import vn.docket.platform.backup.Backup;

/**
 * The process {@link RestoreKilledTest} kills: a restore of the backup in {@code args[1]} into the database at
 * {@code args[0]}, which says "STOPPED" and holds still as it is about to load the checkpoints (the events are in), so
 * the parent kills it there.
 */
public final class RestoreChild {

    public static void main(String[] args) throws Exception {
        CommandListener stop = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")
                        && Checkpointer.CHECKPOINTS.equals(event.getCommand().getString("insert").getValue())) {
                    System.out.println("STOPPED");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(args[0])).addCommandListener(stop).build())) {
            Backup.restore(client.getDatabase("docket"), Path.of(args[1]), RestoredCountersTest.EVERY, Duration.ofSeconds(1));
        }
        System.out.println("RESTORED");
    }
}
