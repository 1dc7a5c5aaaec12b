package org.opd.eta.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The doctor-queues store of one task with the queues it last read or wrote kept as objects, so that
 * an event reads its doctor's queue without parsing it again (the JSON of a queue is tens of KB, and
 * parsing it was a fifth of the topology's time under load). Writes go through to the store, so the
 * changelog stays the truth; the cache lives and dies with the task's processor, its only writer.
 */
final class DoctorQueues {

    /** Doctors of one task kept as objects; more than a task holds in most hospitals, bounded for the largest. */
    static final int CACHED_DOCTORS = 1_000;

    private final KeyValueStore<String, DoctorQueue> store;
    private final Map<String, DoctorQueue> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DoctorQueue> eldest) {
            return size() > CACHED_DOCTORS;
        }
    };

    /** Every doctor with a stored queue; read from the store once, on the first {@link #all()}, then kept by put. */
    private Set<String> doctorIds;

    DoctorQueues(KeyValueStore<String, DoctorQueue> store) {
        this.store = store;
    }

    /** The doctor's queue, empty when none is stored yet. */
    DoctorQueue get(String doctorId) {
        DoctorQueue cached = cache.get(doctorId);
        if (cached != null) {
            return cached;
        }
        DoctorQueue stored = store.get(doctorId);
        if (stored == null) {
            return DoctorQueue.empty();
        }
        cache.put(doctorId, stored);
        return stored;
    }

    void put(String doctorId, DoctorQueue queue) {
        store.put(doctorId, queue);
        cache.put(doctorId, queue);
        if (doctorIds != null) {
            doctorIds.add(doctorId);
        }
    }

    /** Every stored queue, as objects where cached (a copy: safe to write while going through it). */
    List<KeyValue<String, DoctorQueue>> all() {
        if (doctorIds == null) {
            doctorIds = new HashSet<>();
            copyOf(store).forEach(entry -> doctorIds.add(entry.key));
        }
        List<KeyValue<String, DoctorQueue>> all = new ArrayList<>(doctorIds.size());
        for (String doctorId : List.copyOf(doctorIds)) {
            all.add(KeyValue.pair(doctorId, get(doctorId)));
        }
        return all;
    }

    /** Every entry of a task's store, copied out so the caller may write to the store while going through them. */
    static <V> List<KeyValue<String, V>> copyOf(KeyValueStore<String, V> store) {
        List<KeyValue<String, V>> all = new ArrayList<>();
        try (KeyValueIterator<String, V> iterator = store.all()) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }
}
