package io.capi4j.validation;

import io.capi4j.api.CapiObject;
import io.capi4j.spi.Providers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a webhook may read besides the object it admits: the feature gates, the old object on an update, and the
 * other objects of the same manifest set (for rules that look across objects, such as an InfraMachinePool reading
 * its MachinePool's version).
 */
public final class AdmissionContext {
  private final FeatureGates featureGates;
  private final Object oldObject;
  private final List<Object> objects;
  private final Providers providers;

  private AdmissionContext(FeatureGates featureGates, Object oldObject, List<Object> objects, Providers providers) {
    this.featureGates = Objects.requireNonNull(featureGates);
    this.oldObject = oldObject;
    this.objects = List.copyOf(objects);
    this.providers = Objects.requireNonNull(providers);
  }

  /** A create with default feature gates, no other objects and no providers. */
  public static AdmissionContext create() {
    return new AdmissionContext(FeatureGates.defaults(), null, List.of(), Providers.none());
  }

  /** A copy with these feature gates. */
  public AdmissionContext withFeatureGates(FeatureGates gates) {
    return new AdmissionContext(gates, oldObject, objects, providers);
  }

  /** A copy that admits an update of {@code old}. */
  public AdmissionContext withOldObject(Object old) {
    return new AdmissionContext(featureGates, Objects.requireNonNull(old), objects, providers);
  }

  /** A copy that sees these other objects. */
  public AdmissionContext withObjects(List<?> others) {
    return new AdmissionContext(featureGates, oldObject, List.copyOf(others), providers);
  }

  /** A copy that knows these providers (for rules about infrastructures, such as MachinePool support). */
  public AdmissionContext withProviders(Providers providers) {
    return new AdmissionContext(featureGates, oldObject, objects, providers);
  }

  /** The providers admission knows. */
  public Providers providers() {
    return providers;
  }

  public FeatureGates featureGates() {
    return featureGates;
  }

  /** The object before the update; empty on a create. */
  public Optional<Object> oldObject() {
    return Optional.ofNullable(oldObject);
  }

  /** The old object as {@code type}, if this is an update of such an object. */
  public <T> Optional<T> oldObject(Class<T> type) {
    return type.isInstance(oldObject) ? Optional.of(type.cast(oldObject)) : Optional.empty();
  }

  /** Whether this is an update. */
  public boolean isUpdate() {
    return oldObject != null;
  }

  /** The other objects of the manifest set, decoded (and defaulted where admission has run). */
  public List<Object> objects() {
    return objects;
  }

  /** The other objects of a type. */
  public <T> List<T> objectsOf(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The object of a type with this namespace and name, if the set has one. */
  public <T> Optional<T> find(Class<T> type, String namespace, String name) {
    return objectsOf(type).stream()
        .filter(o -> namespace(o).equals(namespace) && name(o).equals(name))
        .findFirst();
  }

  private static String namespace(Object o) {
    if (o instanceof CapiObject c) {
      return c.namespace();
    }
    if (o instanceof HasMetadata h && h.getMetadata() != null && h.getMetadata().getNamespace() != null) {
      return h.getMetadata().getNamespace();
    }
    return "";
  }

  private static String name(Object o) {
    if (o instanceof CapiObject c) {
      return c.name();
    }
    if (o instanceof HasMetadata h && h.getMetadata() != null && h.getMetadata().getName() != null) {
      return h.getMetadata().getName();
    }
    return "";
  }
}
