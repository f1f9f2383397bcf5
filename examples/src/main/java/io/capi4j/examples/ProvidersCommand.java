package io.capi4j.examples;

import io.capi4j.spi.InfrastructureProvider;
import io.capi4j.spi.ProviderDescriptor;
import io.capi4j.spi.Providers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code providers}: the MachinePool support table, printed from the providers' SPI descriptors. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "Prints which infrastructures support MachinePools, from the providers' descriptors.")
final class ProvidersCommand implements Callable<Integer> {
  /** The seed article's order; other providers follow by name. */
  private static final List<String> ORDER = List.of("azure", "aws", "gcp", "vsphere", "baremetal", "docker");

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<InfrastructureProvider> providers = new ArrayList<>(Providers.load().all());
    providers.sort(Comparator.comparingInt((InfrastructureProvider p) -> {
      int i = ORDER.indexOf(p.descriptor().name());
      return i < 0 ? ORDER.size() : i;
    }).thenComparing(p -> p.descriptor().name()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Provider", "MachinePool", "Scaling-group pools", "Managed pools", "MachinePool Machines",
        "Machine templates", "In capi4j", "Notes"});
    for (InfrastructureProvider p : providers) {
      ProviderDescriptor d = p.descriptor();
      rows.add(new String[] {
        d.displayName(),
        switch (d.machinePoolSupport()) {
          case YES -> "yes";
          case PARTIAL -> "partial";
          case NO -> "no";
        },
        pools(d.scalingGroupPools()),
        pools(d.managedPools()),
        d.machinePoolMachines() ? "yes" : "no",
        d.machineTemplates().stream().map(ProviderDescriptor.MachineTemplateKind::templateKind).collect(Collectors.joining(", ")),
        d.implemented() ? "implemented" : "described only",
        d.note()
      });
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    for (int n = 0; n < rows.size(); n++) {
      String[] r = rows.get(n);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        sb.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
      }
      out.println(sb.toString().stripTrailing());
      if (n == 0) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
          line.append("-".repeat(widths[i])).append(i == r.length - 1 ? "" : "  ");
        }
        out.println(line);
      }
    }
    out.flush();
    return 0;
  }

  private static String pools(List<ProviderDescriptor.PoolKind> pools) {
    if (pools.isEmpty()) {
      return "-";
    }
    return pools.stream().map(p -> p.kind() + " (" + p.backing() + ")").collect(Collectors.joining(", "));
  }
}
