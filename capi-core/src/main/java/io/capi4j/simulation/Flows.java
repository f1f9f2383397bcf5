package io.capi4j.simulation;

import io.capi4j.manifest.ManifestException;
import io.capi4j.manifest.Manifests;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects for simulations from manifest text: read, admitted (defaults applied) and checked, as a user's
 * {@code kubectl apply} would be. Invalid manifests fail loudly: a simulation never runs on objects the API server
 * would have rejected.
 */
public final class Flows {
  private Flows() {}

  /** The admitted objects of {@code yaml}, in document order. */
  public static List<Object> admitted(String yaml, Providers providers) {
    Manifests manifests = Manifests.create(providers);
    Admission admission = Admission.create(providers);
    List<Object> out = new ArrayList<>();
    try {
      for (AdmissionResult r : admission.admit(manifests.parse("flow.yaml", yaml))) {
        if (r.isInvalid()) {
          throw new IllegalArgumentException("invalid flow object " + r.kind() + "/" + r.name() + ": " + r.errors());
        }
        out.add(r.object().orElseThrow());
      }
    } catch (ManifestException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return out;
  }
}
