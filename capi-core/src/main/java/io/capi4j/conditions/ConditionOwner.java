package io.capi4j.conditions;

import io.capi4j.api.CapiObject;
import io.capi4j.api.core.v1beta2.Capi;
import io.capi4j.api.core.v1beta2.Machine;
import java.util.Objects;

/**
 * The object a condition comes from, as merge messages name it (upstream {@code ConditionOwnerInfo}).
 *
 * @param kind the object's kind, e.g. {@code Machine}
 * @param name the object's name
 * @param controlPlaneMachine whether the object is a Machine with the {@code cluster.x-k8s.io/control-plane} label;
 *     messages of control plane Machines are listed first
 */
public record ConditionOwner(String kind, String name, boolean controlPlaneMachine) {
  public ConditionOwner {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The owner info of an object. Upstream falls back to the Go type name when the object has no kind; here the
   * simple class name is used, which is what the Go type name would be for the modelled types.
   */
  public static ConditionOwner of(CapiObject obj) {
    String kind = obj.kind();
    if (kind == null || kind.isEmpty()) {
      kind = obj instanceof Machine ? Machine.KIND : obj.getClass().getSimpleName();
    }
    boolean cp = Machine.KIND.equals(kind) && obj.labels().containsKey(Capi.MACHINE_CONTROL_PLANE_LABEL);
    return new ConditionOwner(kind, obj.name(), cp);
  }

  /** As upstream's {@code String()}: {@code <kind> <name>}. */
  @Override
  public String toString() {
    return kind + " " + name;
  }
}
