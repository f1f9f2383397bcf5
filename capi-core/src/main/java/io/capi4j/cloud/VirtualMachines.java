package io.capi4j.cloud;

import java.util.List;
import java.util.Optional;

/** The per-machine port: create, read and delete single VMs (what an InfraMachine controller needs). */
public interface VirtualMachines {
  /** Starts creating a VM named {@code name} from {@code model} in {@code zone} (empty: any). */
  Instance create(String name, InstanceModel model, Optional<String> zone);

  /** The VM's current state, or empty when it does not exist (any more). */
  Optional<Instance> get(String id);

  /** Starts deleting the VM; deleting a VM that does not exist does nothing. */
  void delete(String id);

  /** Every VM, in creation order. */
  List<Instance> list();
}
