package io.capi4j.simulation;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An in-memory API server for one cluster: create, update, get, list and delete objects, with uids, creation
 * timestamps, resource versions, finalizers, deletion timestamps and owner-reference garbage collection. Every
 * change is reported to the watchers. Objects are capi4j values or fabric8 resources; callers never share a
 * mutable object with the store.
 */
public final class ObjectStore {
  /** A change to an object; {@code after} is empty when the object is gone. */
  public record Change(ObjectKey key, Optional<Object> before, Optional<Object> after) {}

  private final String name;
  private final Clock clock;
  private final TreeMap<ObjectKey, Object> objects = new TreeMap<>();
  private final List<Consumer<Change>> watchers = new ArrayList<>();
  private final java.util.Map<String, ObjectKey> byUid = new java.util.HashMap<>();
  private final java.util.Map<String, java.util.Set<ObjectKey>> byOwner = new java.util.HashMap<>();
  private final java.util.Map<String, Index> indexes = new java.util.HashMap<>();

  /** A field index: the objects of one kind by the values a function extracts (controller-runtime's IndexField). */
  private record Index(String kind, java.util.function.Function<Object, java.util.Collection<String>> values,
      java.util.Map<String, Bucket> buckets) {
    void add(ObjectKey key, Object o) {
      for (String v : values.apply(o)) {
        buckets.computeIfAbsent(v, x -> new Bucket()).put(key, o);
      }
    }

    void remove(ObjectKey key, Object o) {
      for (String v : values.apply(o)) {
        Bucket b = buckets.get(v);
        if (b != null) {
          b.remove(key);
          if (b.isEmpty()) {
            buckets.remove(v);
          }
        }
      }
    }
  }

  /**
   * The objects with one index value, by key, and the list {@link #byIndex} last returned for them: a pool's
   * controllers read the same few hundred objects many times between two changes of them.
   */
  private static final class Bucket {
    private final TreeMap<ObjectKey, Object> objects = new TreeMap<>();
    private List<Object> snapshot;

    void put(ObjectKey key, Object o) {
      objects.put(key, o);
      snapshot = null;
    }

    void remove(ObjectKey key) {
      if (objects.remove(key) != null) {
        snapshot = null;
      }
    }

    boolean isEmpty() {
      return objects.isEmpty();
    }

    List<Object> list() {
      if (snapshot == null) {
        snapshot = java.util.Collections.unmodifiableList(new ArrayList<>(objects.values()));
      }
      return snapshot;
    }
  }
  private long nextUid = 1;
  private long nextVersion = 1;
  private long writes;

  public ObjectStore(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  public String name() {
    return name;
  }

  /**
   * Adds an index of the objects of {@code kind} by the values {@code values} extracts from each (none for an empty
   * collection), as controller-runtime's field indexers do; {@link #byIndex} then finds objects without listing the
   * kind. Adding an index with a name already used does nothing. Objects already stored are indexed at once.
   */
  public void addIndex(String name, String kind, java.util.function.Function<Object, java.util.Collection<String>> values) {
    if (indexes.containsKey(name)) {
      return;
    }
    Index index = new Index(kind, values, new java.util.HashMap<>());
    for (Object o : list(kind)) {
      index.add(ObjectKey.of(o), o);
    }
    indexes.put(name, index);
  }

  /** Whether an index of this name exists. */
  public boolean hasIndex(String name) {
    return indexes.containsKey(name);
  }

  /**
   * The objects whose indexed values include {@code value}, in key order (as {@link #list(String)} orders them).
   *
   * @throws IllegalArgumentException when there is no index of this name
   */
  public List<Object> byIndex(String name, String value) {
    Index index = indexes.get(name);
    if (index == null) {
      throw new IllegalArgumentException("no index " + name);
    }
    Bucket b = index.buckets().get(value);
    return b == null ? List.of() : b.list();
  }

  /** Registers a watcher of every change. */
  public void watch(Consumer<Change> watcher) {
    watchers.add(watcher);
  }

  /** Creates an object; fails when one with the same key exists. Returns the stored object. */
  public <T> T create(T o) {
    ObjectKey key = ObjectKey.of(o);
    if (objects.containsKey(key)) {
      throw new IllegalStateException("already exists: " + key);
    }
    String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    T stored = Meta.withMeta(o, m -> m.withUid("uid-" + name + "-" + nextUid++)
        .withCreationTimestamp(Meta.meta(o).getCreationTimestamp() != null && !Meta.meta(o).getCreationTimestamp().isEmpty()
            ? Meta.meta(o).getCreationTimestamp() : now)
        .withResourceVersion(Long.toString(nextVersion++))
        .withGeneration(1L));
    put(key, stored);
    writes++;
    fire(new Change(key, Optional.empty(), Optional.of(stored)));
    return stored;
  }

  /** Replaces an existing object (keeping uid and creation time); fails when it does not exist. */
  public <T> T update(T o) {
    ObjectKey key = ObjectKey.of(o);
    Object old = objects.get(key);
    if (old == null) {
      throw new IllegalStateException("not found: " + key);
    }
    ObjectMeta om = Meta.meta(old);
    T stored = Meta.withMeta(o, m -> m.withUid(om.getUid()).withCreationTimestamp(om.getCreationTimestamp())
        .withDeletionTimestamp(om.getDeletionTimestamp() != null ? om.getDeletionTimestamp() : Meta.meta(o).getDeletionTimestamp())
        .withResourceVersion(Long.toString(nextVersion++)));
    writes++;
    if (stored_isGone(stored)) {
      remove(key);
      fire(new Change(key, Optional.of(old), Optional.empty()));
      collectGarbage(Meta.meta(old).getUid());
      return stored;
    }
    put(key, stored);
    fire(new Change(key, Optional.of(old), Optional.of(stored)));
    return stored;
  }

  /** Whether a deleting object has lost its last finalizer (then it is removed). */
  private static boolean stored_isGone(Object o) {
    ObjectMeta m = Meta.meta(o);
    return m.getDeletionTimestamp() != null && !m.getDeletionTimestamp().isEmpty()
        && (m.getFinalizers() == null || m.getFinalizers().isEmpty());
  }

  /** Deletes an object: sets its deletion timestamp when it has finalizers, else removes it. */
  public void delete(ObjectKey key) {
    Object old = objects.get(key);
    if (old == null) {
      return;
    }
    ObjectMeta m = Meta.meta(old);
    writes++;
    if (m.getFinalizers() != null && !m.getFinalizers().isEmpty()) {
      if (m.getDeletionTimestamp() == null || m.getDeletionTimestamp().isEmpty()) {
        Object deleting = Meta.withMeta(old, b -> b.withDeletionTimestamp(
            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
            .withResourceVersion(Long.toString(nextVersion++)));
        put(key, deleting);
        fire(new Change(key, Optional.of(old), Optional.of(deleting)));
      }
      return;
    }
    remove(key);
    fire(new Change(key, Optional.of(old), Optional.empty()));
    collectGarbage(m.getUid());
  }

  private void put(ObjectKey key, Object o) {
    Object old = objects.put(key, o);
    if (old != null) {
      unindex(key, old);
    }
    for (Index index : indexes.values()) {
      if (index.kind().equals(key.kind())) {
        index.add(key, o);
      }
    }
    ObjectMeta m = Meta.meta(o);
    if (m.getUid() != null) {
      byUid.put(m.getUid(), key);
    }
    if (m.getOwnerReferences() != null) {
      for (OwnerReference r : m.getOwnerReferences()) {
        if (r.getUid() != null) {
          byOwner.computeIfAbsent(r.getUid(), u -> new java.util.TreeSet<>()).add(key);
        }
      }
    }
  }

  private void remove(ObjectKey key) {
    Object old = objects.remove(key);
    if (old != null) {
      unindex(key, old);
    }
  }

  private void unindex(ObjectKey key, Object old) {
    for (Index index : indexes.values()) {
      if (index.kind().equals(key.kind())) {
        index.remove(key, old);
      }
    }
    ObjectMeta m = Meta.meta(old);
    if (m.getUid() != null && key.equals(byUid.get(m.getUid()))) {
      byUid.remove(m.getUid());
    }
    if (m.getOwnerReferences() != null) {
      for (OwnerReference r : m.getOwnerReferences()) {
        java.util.Set<ObjectKey> set = byOwner.get(r.getUid());
        if (set != null) {
          set.remove(key);
          if (set.isEmpty()) {
            byOwner.remove(r.getUid());
          }
        }
      }
    }
  }

  /** The object with this key. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> get(ObjectKey key) {
    return Optional.ofNullable((T) objects.get(key));
  }

  /** The object of this kind, namespace and name, as {@code type}. */
  public <T> Optional<T> get(Class<T> type, String kind, String namespace, String name) {
    Object o = objects.get(new ObjectKey(kind, namespace, name));
    return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
  }

  /** The object of this kind, namespace and name in its generic form, whatever type it is stored as. */
  public Optional<io.fabric8.kubernetes.api.model.GenericKubernetesResource> getGeneric(String kind, String namespace,
      String name) {
    return Optional.ofNullable(objects.get(new ObjectKey(kind, namespace, name)))
        .map(io.capi4j.external.Contracts::generic);
  }

  /** Every object of a kind (all namespaces), in key order. */
  public List<Object> list(String kind) {
    // One walk of the sub-map: a stream over it would first count it (a sub-map's size is a walk too).
    List<Object> out = new ArrayList<>();
    for (Object o : ofKind(kind)) {
      out.add(o);
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** Every object of a kind that is an instance of {@code type}, in key order. */
  public <T> List<T> list(Class<T> type, String kind) {
    List<T> out = new ArrayList<>();
    for (Object o : ofKind(kind)) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private Collection<Object> ofKind(String kind) {
    return objects.subMap(new ObjectKey(kind, "", ""), true, new ObjectKey(kind + "\0", "", ""), false).values();
  }

  /** Every object matching {@code filter}. */
  public List<Object> list(Predicate<Object> filter) {
    return objects.values().stream().filter(filter).toList();
  }

  /** Every object. */
  public Collection<Object> all() {
    return List.copyOf(objects.values());
  }

  /** The number of objects per kind, sorted by kind. */
  public Map<String, Integer> countByKind() {
    Map<String, Integer> counts = new TreeMap<>();
    for (ObjectKey k : objects.keySet()) {
      counts.merge(k.kind(), 1, Integer::sum);
    }
    return counts;
  }

  /** The number of writes (creates, updates, deletes) so far. */
  public long writes() {
    return writes;
  }

  private void collectGarbage(String ownerUid) {
    if (ownerUid == null) {
      return;
    }
    java.util.Set<ObjectKey> dependents = byOwner.get(ownerUid);
    if (dependents == null) {
      return;
    }
    for (ObjectKey dk : List.copyOf(dependents)) {
      Object o = objects.get(dk);
      if (o == null) {
        continue;
      }
      List<OwnerReference> refs = Meta.meta(o).getOwnerReferences();
      if (refs == null || refs.isEmpty()) {
        continue;
      }
      boolean ownedByGone = refs.stream().anyMatch(r -> ownerUid.equals(r.getUid()));
      boolean anyOwnerLeft = refs.stream().anyMatch(r -> !ownerUid.equals(r.getUid()) && exists(r.getUid()));
      if (ownedByGone && !anyOwnerLeft) {
        delete(ObjectKey.of(o));
      }
    }
  }

  private boolean exists(String uid) {
    return uid != null && byUid.containsKey(uid);
  }

  private void fire(Change c) {
    for (Consumer<Change> w : List.copyOf(watchers)) {
      w.accept(c);
    }
  }
}
