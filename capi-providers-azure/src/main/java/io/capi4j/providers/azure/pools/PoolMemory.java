package io.capi4j.providers.azure.pools;

import io.capi4j.cloud.Instance;
import io.capi4j.providers.azure.api.v1beta1.Image;
import io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachine;
import io.capi4j.providers.azure.vmss.PoolMachine;
import io.capi4j.providers.azure.vmss.VmssInstance;
import io.capi4j.spi.PoolInstance;
import io.capi4j.util.IndexMemo;
import io.capi4j.util.ListMemo;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link AzureMachinePoolPlanner}'s part of a pool's {@link io.capi4j.spi.PlannerMemory}: what it derived from each
 * AzureMachinePoolMachine and VMSS instance (immutable values) in the last reconciles. Facts only: every plan is
 * the same without them.
 */
final class PoolMemory {
  /** The AzureMachinePool's namespace and name, which AMPM membership depends on. */
  private List<Object> pool;
  final ListMemo<Object, Ampm> ampms = new ListMemo<>();
  final ListMemo<Instance, Vm> instances = new ListMemo<>();
  /** The Nodes by provider ID, the Machines by name, the instances by provider ID (the last of each). */
  final IndexMemo<Node, String> nodes = new IndexMemo<>(
      n -> n.getSpec() == null ? null : n.getSpec().getProviderID(), false);
  final IndexMemo<io.capi4j.api.core.v1beta2.Machine, String> machines =
      new IndexMemo<>(io.capi4j.api.core.v1beta2.Machine::name, false);
  final IndexMemo<Instance, String> instancesByProviderID = new IndexMemo<>(Instance::providerID, false);
  private Image image;

  /** The image of the last call when it equals this one, else this one (then remembered). */
  Image canonical(Image i) {
    if (image == null || !(image == i || image.equals(i))) {
      image = i;
    }
    return image;
  }

  private Object[] lastUnsorted = new Object[0];
  private List<String> lastSorted = List.of();

  /** The strings in natural order: the last answer again for the same strings (the same instances) in the same order. */
  List<String> sorted(String[] strings) {
    if (strings.length == lastUnsorted.length) {
      boolean same = true;
      for (int i = 0; i < strings.length && same; i++) {
        same = strings[i] == lastUnsorted[i];
      }
      if (same) {
        return lastSorted;
      }
    }
    lastUnsorted = strings.clone();
    lastSorted = java.util.Arrays.stream(strings).sorted().toList();
    return lastSorted;
  }

  void use(List<Object> pool) {
    if (!Objects.equals(this.pool, pool)) {
      ampms.clear();
      this.pool = pool;
    }
  }

  /** One observed per-instance object: the AMPM it decodes to (null if none) and what the planner reads of it. */
  static final class Ampm {
    final AzureMachinePoolMachine ampm;
    /** The AzureMachinePool's namespace, and labelled with its name. */
    final boolean member;
    private PoolMachine poolMachine;
    private List<String> machineOwners;
    private Boolean ready;
    /** The AMPM this one was last compared with as its predecessor, and the sign of that comparison of names. */
    private Ampm prev;
    private int prevCmp;
    // The last refresh of this AMPM that changed nothing, and what it read.
    boolean refreshKnown;
    Instance refreshInstance;
    Node refreshNode;
    Image refreshImage;

    Ampm(AzureMachinePoolMachine ampm, boolean member) {
      this.ampm = ampm;
      this.member = member;
    }

    /** {@code status.ready} (false without a status). */
    boolean ready() {
      if (ready == null) {
        ready = ampm.status().map(io.capi4j.providers.azure.exp.api.v1beta1.AzureMachinePoolMachineStatus::ready)
            .orElse(false);
      }
      return ready;
    }

    /** {@code spec.providerID}. */
    String providerID() {
      return ampm.spec().providerID();
    }

    /**
     * How the AMPMs' names are ordered: -1 strictly increasing, 0 increasing with equal neighbours, 1 not sorted.
     * Comparisons of the same neighbours are remembered.
     */
    static int order(List<Ampm> facts) {
      int order = -1;
      for (int i = 1; i < facts.size(); i++) {
        Ampm a = facts.get(i - 1);
        Ampm b = facts.get(i);
        if (b.prev != a) {
          b.prevCmp = Integer.signum(a.ampm.name().compareTo(b.ampm.name()));
          b.prev = a;
        }
        if (b.prevCmp > 0) {
          return 1;
        }
        order = Math.max(order, b.prevCmp);
      }
      return order;
    }

    /** {@code PoolMachine.from} of the AMPM. */
    PoolMachine poolMachine() {
      if (poolMachine == null) {
        poolMachine = PoolMachine.from(ampm);
      }
      return poolMachine;
    }

    /** The names of its owner references of kind Machine, in order. */
    List<String> machineOwners() {
      if (machineOwners == null) {
        List<OwnerReference> refs = ampm.metadata().getOwnerReferences() == null ? List.of()
            : ampm.metadata().getOwnerReferences();
        List<String> names = new ArrayList<>();
        for (OwnerReference r : refs) {
          if (io.capi4j.api.core.v1beta2.Machine.KIND.equals(r.getKind())) {
            names.add(r.getName());
          }
        }
        machineOwners = names;
      }
      return machineOwners;
    }
  }

  /** One VMSS instance: CAPZ's view of it, its image, and its report for the last latest image asked. */
  static final class Vm {
    final Instance instance;
    private VmssInstance vmss;
    private Image image;
    private Image reportFor;
    private PoolInstance report;

    Vm(Instance instance) {
      this.instance = instance;
    }

    VmssInstance vmss() {
      if (vmss == null) {
        vmss = VmssCloudModel.instance(instance);
      }
      return vmss;
    }

    Image image() {
      if (image == null) {
        image = VmssCloudModel.image(instance.modelAttributes());
      }
      return image;
    }

    /** The instance as {@code AzureMachinePoolPlanner} reports it when {@code latest} is the model's image. */
    PoolInstance report(Image latest) {
      if (report == null || !(reportFor == latest || reportFor.equals(latest))) {
        report = PoolInstance.builder()
            .providerID(instance.providerID())
            .upToDate(image().equals(latest))
            .running(instance.state() == io.capi4j.cloud.InstanceState.RUNNING)
            .zone(instance.zone())
            .build();
        reportFor = latest;
      }
      return report;
    }
  }
}
