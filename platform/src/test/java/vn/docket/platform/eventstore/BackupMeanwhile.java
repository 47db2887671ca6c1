package vn.docket.platform.eventstore;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;

/** What happens to the database while a backup runs: the backup tests' changes made between two of its reads. */
final class BackupMeanwhile {

    private BackupMeanwhile() {
    }

    /**
     * Runs each step once, as the backup (or anyone) starts reading the collection it is keyed by; a step put in just
     * before the backup runs during it. The steps left are those the backup never reached.
     */
    static CommandListener listener(Map<String, Runnable> steps) {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    Runnable step = steps.remove(event.getCommand().getString("find").getValue());
                    if (step != null) {
                        step.run();
                    }
                }
            }
        };
    }
}
