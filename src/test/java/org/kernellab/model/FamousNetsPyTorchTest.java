package org.kernellab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kernellab.TorchReference;

/**
 * AlexNet and VGG16 layer by layer against torchvision's own (built untrained: nothing is downloaded): every layer's
 * output shape, parameters and multiply-accumulates (counted from forward hooks as torchinfo counts them), and the totals.
 */
class FamousNetsPyTorchTest {
    @Test
    void alexNetAndVgg16AsTorchvisionBuildsThem() {
        int compared = 0;
        for (Architectures.Architecture a : List.of(Architectures.ALEXNET, Architectures.VGG16)) {
            JsonNode torch =
                    TorchReference.get().call(TorchReference.request("famous").put("model", a.id()));
            // torchvision flattens with torch.flatten in forward(), not with a module: its layers are the others
            List<LayerTable.Row> rows = a.table().stream()
                    .filter(r -> !(r.layer() instanceof Layer.Flatten))
                    .toList();
            assertEquals(
                    torch.get("parameters").asLong(),
                    LayerTable.Totals.of(a.table()).parameters(),
                    a.name() + ": parameters");
            JsonNode layers = torch.get("layers");
            assertEquals(layers.size(), rows.size(), a.name() + ": layers");
            for (int i = 0; i < rows.size(); i++) {
                JsonNode t = layers.get(i);
                LayerTable.Row r = rows.get(i);
                String what =
                        a.name() + " layer " + (i + 1) + " " + t.get("module").asText();
                assertEquals(t.get("module").asText(), r.layer().type(), what);
                int[] shape = new int[t.get("shape").size()];
                for (int k = 0; k < shape.length; k++)
                    shape[k] = t.get("shape").get(k).asInt();
                assertArrayEquals(shape, r.shape(), what + ": shape");
                assertEquals(t.get("parameters").asLong(), r.parameters(), what + ": parameters");
                assertEquals(t.get("macs").asLong(), r.macs(), what + ": multiply-accumulates");
                compared++;
            }
        }
        assertEquals(21 + 39, compared, "layers compared");
    }
}
