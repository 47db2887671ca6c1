package vn.docket.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param snapshotThreshold after how many events of one aggregate a snapshot is taken
 * @param batchSize         how many events a tracking processor reads at once
 */
@ConfigurationProperties(prefix = "docket.event-store")
public record EventStoreSettings(Integer snapshotThreshold, Integer batchSize) {
    public EventStoreSettings {
        snapshotThreshold = snapshotThreshold == null ? 50 : snapshotThreshold;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
