package vn.docket.query.admin;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.Periodic;
import vn.docket.platform.axon.ClusterSettings;
import vn.docket.query.assignments.AssignmentIndex;

/**
 * Shares each projection's segments evenly among the nodes on one database. Axon lets a node claim every
 * segment nobody holds, so the node that starts first would keep them all. Every second each node says it is
 * alive (collection {@code nodes}) and, for each projection, hands back a segment when it holds more than its
 * share: more than segments / live nodes rounded up, or more than rounded down while another live node holds
 * less. A handed-back segment is stored at its position first (the end of the batch in progress) and this node
 * leaves it alone for a claim timeout, so another node takes it within a second. A dead node says nothing: its
 * claims expire after the claim timeout and the live nodes take its segments over as free ones.
 *
 * <p>A projection has as many segments as it has threads ({@code docket.cluster.segments}; the plan path one).
 * Axon fixes the number when a projection first runs on a database, so a database started on one node (one
 * segment, the default) would keep one however many nodes join later. Here a projection with fewer segments than
 * threads gets one split each second, always the largest segment (then the lowest), by the node working on it,
 * until it has as many: one split at a time across the nodes, so none ends with more segments than a lone node
 * has threads to work on.
 */
@Configuration(proxyBeanMethods = false)
class SegmentSharing {

    private static final Logger log = LoggerFactory.getLogger(SegmentSharing.class);

    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> nodes;
    private final MongoCollection<Document> tokens;
    private final ClusterSettings cluster;
    /** Segments this node handed back, by processor and segment, until when it leaves them alone. */
    private final Map<String, Long> handedBack = new HashMap<>();
    /** The split each projection asked of its processor last, until it is done. */
    private final Map<String, CompletableFuture<Boolean>> splitting = new HashMap<>();
    private int liveBefore = 1;

    SegmentSharing(EventProcessingConfiguration processing, MongoDatabase database, MongoTemplate axon,
                   ClusterSettings cluster) {
        this.processing = processing;
        this.nodes = database.getCollection("nodes");
        this.tokens = axon.trackingTokensCollection();
        this.cluster = cluster;
    }

    void share() {
        try {
            shareNow();
        } catch (MongoInterruptedException e) {
            // The node is stopping and ended the schedule mid-read: nothing left to share, nothing to report.
        }
    }

    private void shareNow() {
        // Wall-clock time, as the token store's claims use; not Docket's business clock, which tests move.
        long now = System.currentTimeMillis();
        nodes.replaceOne(Filters.eq("_id", cluster.nodeId()), new Document("_id", cluster.nodeId())
                .append("seenAt", new Date(now)), new ReplaceOptions().upsert(true));
        Set<String> live = new HashSet<>();
        for (Document node : nodes.find(Filters.gte("seenAt", new Date(now - cluster.claimTimeout().toMillis())))) {
            live.add(node.getString("_id"));
        }
        if (live.size() != liveBefore) {
            log.info("{} Docket nodes now share the projections on this database", live.size());
            liveBefore = live.size();
        }
        handedBack.values().removeIf(until -> until < now);
        for (EventProcessor processor : processing.eventProcessors().values()) {
            // Each node keeps its own assignment index (its position in memory): nothing of it to share.
            if (processor instanceof TrackingEventProcessor tracking && tracking.isRunning()
                    && !AssignmentIndex.NAME.equals(tracking.getName())) {
                List<Document> stored = tokens.find(Filters.eq("processorName", tracking.getName())).into(new ArrayList<>());
                split(tracking, stored);
                if (live.size() > 1) {
                    share(tracking, stored, live, now);
                }
            }
        }
    }

    private void split(TrackingEventProcessor processor, List<Document> stored) {
        CompletableFuture<Boolean> pending = splitting.get(processor.getName());
        if (stored.isEmpty() || stored.size() >= processor.maxCapacity() || pending != null && !pending.isDone()) {
            return;
        }
        int[] ids = stored.stream().mapToInt(token -> ((Number) token.get("segment")).intValue()).toArray();
        Segment largest = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids))
                .min(Comparator.comparingInt(Segment::getMask).thenComparingInt(Segment::getSegmentId)).orElseThrow();
        if (processor.processingStatus().containsKey(largest.getSegmentId())) {
            log.info("Projection {}: segment {} split in two ({} of {} segments), so that more nodes can share it",
                    processor.getName(), largest.getSegmentId(), stored.size() + 1, processor.maxCapacity());
            splitting.put(processor.getName(), processor.splitSegment(largest.getSegmentId()));
        }
    }

    private void share(TrackingEventProcessor processor, List<Document> stored, Set<String> live, long now) {
        Map<String, Integer> held = new HashMap<>();
        live.forEach(node -> held.put(node, 0));
        List<Integer> mine = new ArrayList<>();
        int segments = 0;
        for (Document token : stored) {
            segments++;
            String owner = token.getString("owner");
            int segment = ((Number) token.get("segment")).intValue();
            if (cluster.nodeId().equals(owner) && !handedBack.containsKey(processor.getName() + "/" + segment)) {
                mine.add(segment);
            }
            if (owner != null && held.containsKey(owner)) {
                held.merge(owner, 1, Integer::sum);
            }
        }
        int floor = segments / live.size();
        int ceiling = (segments + live.size() - 1) / live.size();
        int excess = mine.size() > ceiling ? mine.size() - ceiling
                : mine.size() > floor && held.values().stream().anyMatch(n -> n < floor) ? 1 : 0;
        mine.sort(null);
        for (int i = 0; i < excess; i++) {
            int segment = mine.get(mine.size() - 1 - i);
            log.debug("Projection {}: segment {} handed to another node ({} nodes share {} segments)",
                    processor.getName(), segment, live.size(), segments);
            handedBack.put(processor.getName() + "/" + segment, now + cluster.claimTimeout().toMillis());
            processor.releaseSegment(segment, cluster.claimTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Bean
    Periodic segmentSharingSchedule() {
        return new Periodic("segment-sharing", log).every(Duration.ofSeconds(1),
                "share the projections' segments with the other nodes", this::share);
    }
}
