package vn.docket.query.support;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The read-model documents a processor's batch of events reads and changes: read together, written once.
 *
 * <p>A rebuild otherwise costs a read and a write per event. Here the first event of the batch that
 * touches a collection reads, in one query, the documents of every aggregate in the batch (read models
 * kept by {@link ReadModels} have one document per aggregate, keyed by its id); the batch's events change
 * them in memory; and each changed document is written once. The writes go out while the last event is
 * handled, before the processor stores its token in the batch's commit, so a crash in between redelivers
 * the batch (which {@link ReadModels#apply} ignores where already applied) and loses nothing. A batch
 * that is rolled back writes nothing.
 */
public final class ReadModelBatch {

    private static final String RESOURCE = ReadModelBatch.class.getName();

    private final List<String> aggregateIds;
    private final Map<MongoNamespace, Documents> collections = new LinkedHashMap<>();
    private final Map<MongoNamespace, SetChanges> sets = new LinkedHashMap<>();

    /** One collection's documents as the batch sees them: null for a document known not to exist. */
    private record Documents(MongoCollection<Document> collection, Map<String, Document> byId, Set<String> changed) {
    }

    /**
     * Members the batch adds to or takes out of set documents ({@link ReadModels#include}); per document and
     * member only the last word counts, so each document gets at most one {@code $addToSet} and one {@code $pull}.
     */
    private record SetChanges(MongoCollection<Document> collection, Map<String, Map<String, Boolean>> byId) {
    }

    private ReadModelBatch(List<String> aggregateIds) {
        this.aggregateIds = aggregateIds;
    }

    /** The batch the current event belongs to, or null when it is handled on its own. */
    static ReadModelBatch current() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(RESOURCE) : null;
    }

    /** The batch's version of a document (shared: change a copy), or null if there is none yet. */
    Document get(MongoCollection<Document> collection, String id) {
        Documents documents = collections.computeIfAbsent(collection.getNamespace(), ns -> readAhead(collection));
        if (!documents.byId().containsKey(id)) {
            documents.byId().put(id, collection.find(Filters.eq("_id", id)).first()); // not keyed by aggregate
        }
        return documents.byId().get(id);
    }

    void put(MongoCollection<Document> collection, String id, Document document) {
        Documents documents = collections.computeIfAbsent(collection.getNamespace(), ns -> readAhead(collection));
        documents.byId().put(id, document);
        documents.changed().add(id);
    }

    void include(MongoCollection<Document> collection, String id, String member, boolean in) {
        sets.computeIfAbsent(collection.getNamespace(), ns -> new SetChanges(collection, new LinkedHashMap<>()))
                .byId().computeIfAbsent(id, k -> new LinkedHashMap<>()).put(member, in);
    }

    private Documents readAhead(MongoCollection<Document> collection) {
        Map<String, Document> byId = new HashMap<>();
        aggregateIds.forEach(id -> byId.put(id, null));
        if (!aggregateIds.isEmpty()) {
            collection.find(Filters.in("_id", aggregateIds)).forEach(doc -> byId.put(doc.getString("_id"), doc));
        }
        return new Documents(collection, byId, new LinkedHashSet<>());
    }

    private void write() {
        // Set documents first: a crash before the documents below redelivers the batch, whose events then
        // reach the handlers again and make the same (idempotent) set changes.
        for (SetChanges changes : sets.values()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            changes.byId().forEach((id, members) -> {
                List<String> added = new ArrayList<>();
                List<String> removed = new ArrayList<>();
                members.forEach((member, in) -> (in ? added : removed).add(member));
                if (!added.isEmpty()) {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.addEachToSet(ReadModels.MEMBERS, added),
                            new UpdateOptions().upsert(true)));
                }
                if (!removed.isEmpty()) {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pullAll(ReadModels.MEMBERS, removed)));
                }
            });
            if (!writes.isEmpty()) {
                changes.collection().bulkWrite(writes);
            }
        }
        sets.clear();
        for (Documents documents : collections.values()) {
            if (documents.changed().isEmpty()) {
                continue;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(documents.changed().size());
            for (String id : documents.changed()) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), documents.byId().get(id),
                        new ReplaceOptions().upsert(true)));
            }
            documents.collection().bulkWrite(writes);
        }
        collections.clear();
    }

    /** Registered on every event processor; outside a batching unit of work it stays out of the way. */
    public static final class Interceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
                return chain.proceed();
            }
            ReadModelBatch pending = batch.getOrComputeResource(RESOURCE, key -> new ReadModelBatch(aggregateIds(batch)));
            Object result = chain.proceed();
            if (batch.isLastMessage()) {
                pending.write();
            }
            return result;
        }

        private static List<String> aggregateIds(BatchingUnitOfWork<?> batch) {
            Set<String> ids = new LinkedHashSet<>();
            for (Object message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> domain) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
            return List.copyOf(ids);
        }
    }
}
