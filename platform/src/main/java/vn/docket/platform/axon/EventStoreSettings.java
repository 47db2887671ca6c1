package vn.docket.platform.axon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.docket.platform.eventstore.Anchors;

/**
 * @param engine            {@code docket} (Docket's own engine, the default) or {@code axon-mongo} (the
 *                          axon-mongo extension, kept as the baseline to measure against)
 * @param snapshotThreshold after how many events of one aggregate a snapshot is taken
 * @param aggregateCache    how many aggregates a command node keeps in memory between commands (0: none); a
 *                          cached one is still checked against the store before each use
 * @param batchSize         how many events a tracking processor reads at once
 * @param gapTimeout        Docket engine: how long readers wait for a position that was taken but not yet
 *                          committed before passing it (a writer that died)
 * @param migrateFromAxonMongo Docket engine: at start-up, copy axon-mongo's {@code domainevents} and
 *                          {@code snapshotevents} into Docket's collections (skips what was copied before),
 *                          and move the processors' axon-mongo tokens to Docket positions
 * @param checkpointEvery   Docket engine: a tamper-evidence checkpoint (running hash over all positions) every
 *                          this many positions
 * @param checkpointInterval Docket engine: how often the background checkpointer records the checkpoints that
 *                          are due ({@code 0s}: only {@code verify} records them)
 * @param anchorKey         Docket engine: the Ed25519 private key that signs each checkpoint (PEM, made by
 *                          {@code docket.jar keys init}); signing is on when this file exists
 * @param anchorExport      Docket engine: the file each signed checkpoint is appended to, one JSON line each, for
 *                          the auditor to keep outside Docket
 */
@ConfigurationProperties(prefix = "docket.event-store")
public record EventStoreSettings(String engine, Integer snapshotThreshold, Integer aggregateCache, Integer batchSize,
                                 Duration gapTimeout, Boolean migrateFromAxonMongo, Integer checkpointEvery,
                                 Duration checkpointInterval, String anchorKey, String anchorExport) {

    public static final String DOCKET = "docket";
    public static final String AXON_MONGO = "axon-mongo";

    public EventStoreSettings {
        engine = engine == null || engine.isBlank() ? DOCKET : engine.trim().toLowerCase();
        if (!engine.equals(DOCKET) && !engine.equals(AXON_MONGO)) {
            throw new IllegalArgumentException("docket.event-store.engine must be '" + DOCKET + "' or '" + AXON_MONGO
                    + "', not '" + engine + "'");
        }
        snapshotThreshold = snapshotThreshold == null ? 50 : snapshotThreshold;
        aggregateCache = aggregateCache == null ? 5_000 : aggregateCache;
        if (aggregateCache < 0) {
            throw new IllegalArgumentException("docket.event-store.aggregate-cache must be 0 (no cache) or more, not "
                    + aggregateCache);
        }
        batchSize = batchSize == null ? 500 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        migrateFromAxonMongo = migrateFromAxonMongo != null && migrateFromAxonMongo;
        checkpointEvery = checkpointEvery == null ? 1000 : checkpointEvery;
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
        anchorKey = anchorKey == null || anchorKey.isBlank() ? "config/anchor-key.pem" : anchorKey;
        anchorExport = anchorExport == null || anchorExport.isBlank() ? "config/anchors.jsonl" : anchorExport;
    }

    /** The checkpoints' signer, or null when there is no key file (anchoring off). */
    public Anchors.Signer anchorSigner() {
        Path key = Path.of(anchorKey);
        if (!Files.exists(key)) {
            return null;
        }
        try {
            return new Anchors.Signer(key, Path.of(anchorExport));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("docket.event-store.anchor-key (" + key.toAbsolutePath() + ") is not an "
                    + "Ed25519 private key made by 'docket.jar keys init': " + e.getMessage(), e);
        }
    }

    public boolean usesDocketEngine() {
        return DOCKET.equals(engine);
    }
}
