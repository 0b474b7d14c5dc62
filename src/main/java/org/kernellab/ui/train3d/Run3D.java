package org.kernellab.ui.train3d;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kernellab.compute.Problem;
import org.kernellab.mesh.VoxelSet;
import org.kernellab.model.Net3DSpec;
import org.kernellab.model.Network3D;
import org.kernellab.model.Trainer;

/** One run and what it produced; its lists and properties change on the FX thread only. */
public final class Run3D {
    final int number;
    final Train3DViewModel.Net net;
    final Net3DSpec spec;
    final ObservableList<double[]> loss = FXCollections.observableArrayList(), accuracy = FXCollections.observableArrayList();
    final ReadOnlyObjectWrapper<Train3DViewModel.Status> status = new ReadOnlyObjectWrapper<>(Train3DViewModel.Status.LOADING);
    final ReadOnlyObjectWrapper<double[]> progress = new ReadOnlyObjectWrapper<>(new double[] {0, Double.NaN, Double.NaN, 0});
    final ReadOnlyObjectWrapper<Trainer.Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    VoxelSet data;
    Problem problem;
    Network3D network;
    String file;

    Run3D(int number, Train3DViewModel.Net net, Net3DSpec spec) {
        this.number = number;
        this.net = net;
        this.spec = spec;
    }

    public int number() { return number; }

    public Train3DViewModel.Net net() { return net; }

    public Net3DSpec spec() { return spec; }

    /** Loss points (x in epochs, y the mean loss since the last point). */
    public ObservableList<double[]> loss() { return loss; }

    /** Per epoch: epoch, train accuracy, test accuracy. */
    public ObservableList<double[]> accuracy() { return accuracy; }

    public ReadOnlyObjectProperty<Train3DViewModel.Status> statusProperty() { return status.getReadOnlyProperty(); }

    /** Fraction done, samples per second, seconds left, epoch. */
    public ReadOnlyObjectProperty<double[]> progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Trainer.Evaluation> evaluationProperty() { return evaluation.getReadOnlyProperty(); }

    public VoxelSet data() { return data; }

    public Problem problem() { return problem; }

    /** The trained (or loaded) network, null until a run ends well. */
    public Network3D network() { return network; }
}
