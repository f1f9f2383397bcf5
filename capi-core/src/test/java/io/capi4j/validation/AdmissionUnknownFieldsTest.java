package io.capi4j.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.api.core.v1beta2.MachineSet;
import io.capi4j.api.core.v1beta2.MachineSetSpec;
import io.capi4j.api.core.v1beta2.MachineTemplateSpec;
import io.capi4j.api.core.v1beta2.TemplateMeta;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

class AdmissionUnknownFieldsTest {

  @Test
  void walksValuesWithStaticFactoriesWithoutLooping() {
    // TemplateMeta has a public static empty(): walking it as an accessor used to recurse forever.
    MachineSet ms = MachineSet.builder().spec(MachineSetSpec.builder()
        .template(MachineTemplateSpec.builder()
            .metadata(TemplateMeta.builder().putUnknownField("extra", StringNode.valueOf("x")).build()).build())
        .build()).build();
    List<String> paths = new ArrayList<>();
    Admission.unknownFields(ms, "", (path, v) -> paths.add(path));
    assertThat(paths).containsExactly("spec.template.metadata.extra");
  }
}
