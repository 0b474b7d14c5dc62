package org.kernellab.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CheckedInputStream;
import org.kernellab.data.DataException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Model files of earlier versions, read into today's {@link Net} values: 2D models of versions 1 and 2 (the course's
 * MLP or CNN with its filters, blocks and dropout) and 3D models (blocks of Conv3d, ReLU and pooling). Their linear
 * layers stored (in, out), the rows of one after a flatten in channels-last order; today's store PyTorch's (out, in) in
 * channel-first order, so those weights are moved on the way in.
 */
final class LegacyModels {
    private static final String V1 = "KLNET001", V2 = "KLNET002", V3D = "KLNET3D1";

    private LegacyModels() {}

    static boolean knows(String magic) {
        return Set.of(V1, V2, V3D).contains(magic);
    }

    static Network read(String magic, DataInputStream in, CheckedInputStream checked, String name)
            throws IOException, DataException {
        Net net;
        Training training;
        if (magic.equals(V3D)) {
            int n = in.readInt();
            if (n < 1 || n > 16) throw new DataException("model.damaged", name, n + " blocks");
            List<CourseNets.Block3d> blocks = new ArrayList<>();
            for (int i = 0; i < n; i++)
                blocks.add(new CourseNets.Block3d(
                        in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readBoolean()));
            int grid = in.readInt(), classes = in.readInt();
            double dropout = in.readDouble();
            net = CourseNets.conv3d(blocks, grid, classes, dropout);
            training =
                    new Training(Training.Optimizer.ADAM, in.readDouble(), in.readInt(), in.readInt(), in.readLong());
        } else {
            String kind = in.readUTF();
            int filters = in.readInt(), blocks = in.readInt();
            double dropout = in.readDouble();
            CourseNets.DropoutAt at =
                    magic.equals(V1) ? CourseNets.DropoutAt.HIDDEN : CourseNets.DropoutAt.parse(in.readUTF());
            Training.Optimizer opt = Training.Optimizer.parse(in.readUTF());
            net = kind.equals("MLP") ? CourseNets.mlp(dropout) : CourseNets.cnn(filters, blocks, dropout, at);
            training = new Training(opt, in.readDouble(), in.readInt(), in.readInt(), in.readLong());
        }
        float[] params = ModelFile.readFloats(in, name, net.parameters());
        ModelFile.checkEnd(in, checked, name, params);
        return Network.withParameters(net, training, moved(net, params), new float[0]);
    }

    /** The linear layers' weights from (in, out) with channels-last rows to (out, in) with channel-first columns. */
    private static float[] moved(Net net, float[] old) {
        float[] out = old.clone();
        List<int[]> shapes = Plan.fullShapes(net);
        int off = 0;
        for (int i = 0; i < net.resolved().size(); i++) {
            Layer l = net.resolved().get(i);
            for (long[] s : Ops.parameterShapes(l)) {
                int n = 1;
                for (long d : s) n *= (int) d;
                if (l instanceof Layer.Linear lin && s.length == 2) {
                    INDArray w =
                            Nd4j.create(Arrays.copyOfRange(old, off, off + n), new long[] {lin.in(), lin.out()}, 'c');
                    int[] from = i > 0 && net.layers().get(i - 1) instanceof Layer.Flatten ? shapes.get(i - 1) : null;
                    float[] moved = Layouts.channelsFirstRows(w, from)
                            .transpose()
                            .dup('c')
                            .data()
                            .asFloat();
                    System.arraycopy(moved, 0, out, off, n);
                }
                off += n;
            }
        }
        return out;
    }
}
