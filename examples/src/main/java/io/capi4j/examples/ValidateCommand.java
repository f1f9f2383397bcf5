package io.capi4j.examples;

import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.ManifestException;
import io.capi4j.manifest.Manifests;
import io.capi4j.spi.Providers;
import io.capi4j.validation.Admission;
import io.capi4j.validation.AdmissionResult;
import io.capi4j.validation.FieldError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate FILE...}: admission (types, defaults, schema, webhooks) for every object of the files. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks every object in the files as Cluster API's webhooks would.",
      "Prints OK <kind>/<name>, or the object's errors, for every object.",
      "Exit 0: all valid; 1: an object is invalid; 2: a file cannot be read or parsed."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML or JSON manifests")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "also print notes (e.g. fields capi4j keeps but does not model)")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Providers providers = Providers.load();
    Manifests manifests = Manifests.create(providers);
    List<ManifestDocument> docs = new ArrayList<>();
    boolean unreadable = false;
    for (Path f : files) {
      try {
        docs.addAll(manifests.read(f));
      } catch (ManifestException e) {
        err.println("error: " + e.getMessage());
        unreadable = true;
      }
    }
    boolean invalid = false;
    for (AdmissionResult r : Admission.create(providers).admit(docs)) {
      String id = r.kind() + "/" + (r.name().isEmpty() ? "<no name>" : r.name());
      ManifestDocument d = r.document().orElseThrow();
      switch (r.outcome()) {
        case VALID -> out.println("OK " + id);
        case NOT_VALIDATED -> out.println("SKIP " + id + ": " + String.join("; ", r.notes()));
        case INVALID -> {
          invalid = true;
          out.println("INVALID " + id + " (" + d.location() + ")");
          for (FieldError e : r.errors()) {
            out.println("  " + d.source() + ":" + d.lineOf(e.field()) + ": " + e);
          }
        }
      }
      if (verbose && r.outcome() != AdmissionResult.Outcome.NOT_VALIDATED) {
        r.notes().forEach(n -> out.println("  note: " + n));
      }
    }
    out.flush();
    return unreadable ? 2 : invalid ? 1 : 0;
  }
}
