package io.capi4j.validation;

import io.capi4j.manifest.KindRegistry;
import io.capi4j.manifest.ManifestDocument;
import io.capi4j.spi.GroupVersionKind;
import io.capi4j.spi.KindSupport;
import io.capi4j.spi.Providers;
import io.capi4j.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Admits objects the way the Kubernetes API server admits Cluster API objects, without a cluster: decoding (type
 * checks), then the mutating webhook's defaults, then the CRD schema rules, then the validating webhook. All
 * violations of an object are reported together, each with its field path and rule.
 *
 * <pre>{@code
 * Admission admission = Admission.create();
 * for (AdmissionResult r : admission.admit(manifests.read(Path.of("md.yaml")))) {
 *   r.errors().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Nothing is changed on input that breaks a rule: the result carries the errors, and the defaulted object
 * only for information.
 */
public final class Admission {
  private final KindRegistry registry;
  private final FeatureGates featureGates;

  private Admission(KindRegistry registry, FeatureGates featureGates) {
    this.registry = registry;
    this.featureGates = featureGates;
  }

  /** capi4j's kinds plus every provider on the class path, with upstream's default feature gates. */
  public static Admission create() {
    return new Admission(KindRegistry.of(Providers.load()), FeatureGates.defaults());
  }

  /** capi4j's kinds plus the given providers. */
  public static Admission create(Providers providers) {
    return new Admission(KindRegistry.of(providers), FeatureGates.defaults());
  }

  /** A copy with these feature gates. */
  public Admission withFeatureGates(FeatureGates gates) {
    return new Admission(registry, gates);
  }

  /**
   * Admits every document of a manifest set as a create. Cross-object rules see the other objects of the set,
   * decoded and defaulted.
   */
  public List<AdmissionResult> admit(List<ManifestDocument> documents) {
    // Defaults first, for every object, so that cross-object rules see defaulted neighbours.
    List<Object> defaulted = new ArrayList<>();
    for (ManifestDocument d : documents) {
      Object o = d.value().orElse(null);
      if (o != null && d.decodeErrors().isEmpty()) {
        Optional<KindSupport<?>> k = registry.lookup(d.gvk());
        if (k.isPresent()) {
          try {
            o = applyDefaults(k.get(), o, AdmissionContext.create().withFeatureGates(featureGates).withProviders(registry.providers()));
          } catch (RuntimeException e) {
            // reported again below, in the object's own admission
          }
        }
        defaulted.add(o);
      }
    }
    List<AdmissionResult> results = new ArrayList<>();
    AdmissionContext ctx = AdmissionContext.create().withFeatureGates(featureGates).withProviders(registry.providers()).withObjects(defaulted);
    for (ManifestDocument d : documents) {
      results.add(admit(d, ctx));
    }
    return results;
  }

  /** Admits one document in the given context. */
  public AdmissionResult admit(ManifestDocument d, AdmissionContext context) {
    String kind = d.gvk().kind();
    String name = d.name();
    List<String> notes = new ArrayList<>();
    if (d.kindStatus() instanceof ManifestDocument.Invalid inv) {
      return new AdmissionResult(Optional.of(d), AdmissionResult.Outcome.INVALID, kind, name, d.value(),
          List.of(inv.error()), notes);
    }
    if (d.kindStatus() instanceof ManifestDocument.NotValidated nv) {
      notes.add("not validated: " + nv.reason());
      return new AdmissionResult(Optional.of(d), AdmissionResult.Outcome.NOT_VALIDATED, kind, name, d.value(),
          List.of(), notes);
    }
    KindSupport<?> support = registry.lookup(d.gvk()).orElseThrow();
    if (!d.decodeErrors().isEmpty() || d.value().isEmpty()) {
      return new AdmissionResult(Optional.of(d), AdmissionResult.Outcome.INVALID, kind, name, d.value(),
          d.decodeErrors(), notes);
    }
    AdmissionResult r = admit(support, d.value().get(), context);
    notes.addAll(r.notes());
    unknownFields(d.value().get(), "", (path, v) -> notes.add("unknown field \"" + path + "\" (kept as is)"));
    return new AdmissionResult(Optional.of(d), r.outcome(), kind, name, r.object(), r.errors(), notes);
  }

  /** Admits one object, already decoded, as a create. */
  public AdmissionResult admit(Object object) {
    return admit(object, AdmissionContext.create().withFeatureGates(featureGates).withProviders(registry.providers()));
  }

  /** Admits one object, already decoded, in the given context (use {@link AdmissionContext#withOldObject} for an update). */
  public AdmissionResult admit(Object object, AdmissionContext context) {
    GroupVersionKind gvk = gvkOf(object);
    Optional<KindSupport<?>> support = gvk == null ? Optional.empty() : registry.lookup(gvk);
    if (support.isEmpty()) {
      String what = gvk == null ? object.getClass().getSimpleName() : gvk.groupKind();
      return new AdmissionResult(Optional.empty(), AdmissionResult.Outcome.NOT_VALIDATED,
          gvk == null ? "" : gvk.kind(), "", Optional.of(object), List.of(),
          List.of("not validated: no provider for " + what));
    }
    return admit(support.get(), object, context);
  }

  private AdmissionResult admit(KindSupport<?> support, Object object, AdmissionContext context) {
    String kind = support.gvk().kind();
    String name = nameOf(object);
    List<FieldError> errors = new ArrayList<>();
    Object defaulted;
    try {
      defaulted = applyDefaults(support, object, context);
    } catch (DefaultingException e) {
      errors.add(e.error());
      return new AdmissionResult(Optional.empty(), AdmissionResult.Outcome.INVALID, kind, name, Optional.of(object),
          errors, List.of());
    }
    errors.addAll(checkSchema(support, defaulted, context));
    errors.addAll(validate(support, defaulted, context));
    return new AdmissionResult(Optional.empty(),
        errors.isEmpty() ? AdmissionResult.Outcome.VALID : AdmissionResult.Outcome.INVALID, kind, name,
        Optional.of(defaulted), errors, List.of());
  }

  private static <T> Object applyDefaults(KindSupport<T> k, Object o, AdmissionContext ctx) {
    return k.webhook().applyDefaults(k.cast(o), ctx);
  }

  private static <T> List<FieldError> checkSchema(KindSupport<T> k, Object o, AdmissionContext ctx) {
    return k.webhook().checkSchema(k.cast(o), ctx);
  }

  private static <T> List<FieldError> validate(KindSupport<T> k, Object o, AdmissionContext ctx) {
    return k.webhook().validate(k.cast(o), ctx);
  }

  private GroupVersionKind gvkOf(Object o) {
    if (o instanceof io.capi4j.api.CapiObject c) {
      return GroupVersionKind.of(c.apiVersion(), c.kind());
    }
    if (o instanceof io.fabric8.kubernetes.api.model.HasMetadata h && h.getApiVersion() != null && h.getKind() != null) {
      return GroupVersionKind.of(h.getApiVersion(), h.getKind());
    }
    return null;
  }

  private static String nameOf(Object o) {
    if (o instanceof io.capi4j.api.CapiObject c) {
      return c.name();
    }
    if (o instanceof io.fabric8.kubernetes.api.model.HasMetadata h && h.getMetadata() != null
        && h.getMetadata().getName() != null) {
      return h.getMetadata().getName();
    }
    return "";
  }

  /** Walks the value's unknown fields (depth-first), reporting each path. */
  static void unknownFields(Object value, String path, BiConsumer<String, Object> sink) {
    if (value instanceof UnknownFields u) {
      for (Map.Entry<String, ?> e : u.unknownFields().entrySet()) {
        sink.accept(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue());
      }
    }
    if (value == null) {
      return;
    }
    for (var m : value.getClass().getMethods()) {
      if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class || !java.lang.reflect.Modifier.isPublic(m.getModifiers())
          || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Class<?> rt = m.getReturnType();
      boolean candidate = UnknownFields.class.isAssignableFrom(rt) || Optional.class.isAssignableFrom(rt)
          || List.class.isAssignableFrom(rt);
      if (!candidate || m.getName().equals("unknownFields") || m.getName().endsWith("OrEmpty")) {
        continue;
      }
      try {
        Object child = m.invoke(value);
        String childPath = path.isEmpty() ? m.getName() : path + "." + m.getName();
        if (child instanceof Optional<?> opt) {
          child = opt.orElse(null);
        }
        if (child instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof UnknownFields) {
              unknownFields(list.get(i), childPath + "[" + i + "]", sink);
            }
          }
        } else if (child instanceof UnknownFields) {
          unknownFields(child, childPath, sink);
        }
      } catch (ReflectiveOperationException e) {
        // not an accessor we can read
      }
    }
  }
}
