package org.kernellab.ui;

import java.util.Map;
import java.util.Set;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.animator.AnimatorPage;
import org.kernellab.ui.channels.ChannelsPage;
import org.kernellab.ui.convintro.ConvIntroPage;
import org.kernellab.ui.dataset.DatasetPage;
import org.kernellab.ui.exercise.ChainExercisePage;
import org.kernellab.ui.exercise.ExercisePage;
import org.kernellab.ui.featuremaps.FeatureMapsPage;
import org.kernellab.ui.pooling.PoolingPage;
import org.kernellab.ui.training.TrainingPage;
import org.kernellab.ui.voxels.VoxelPage;

/** The interactive views a lesson manifest can name in its "view" field. */
public final class LessonViews {
    /** Builds a view from its manifest parameters; throws IllegalArgumentException on bad parameters. */
    @FunctionalInterface
    public interface Factory {
        Page create(LessonParams params, AppContext ctx);
    }

    private static final Map<String, Factory> VIEWS = Map.of(
            "conv-intro", ConvIntroPage::new,
            "conv-animator", AnimatorPage::new,
            "pooling", PoolingPage::new,
            "channels", ChannelsPage::new,
            "exercise-conv", ExercisePage::new,
            "exercise-chain", ChainExercisePage::new,
            "fashion-mnist", DatasetPage::new,
            "training-lab", TrainingPage::new,
            "feature-maps", FeatureMapsPage::new,
            "voxels", VoxelPage::new);

    private LessonViews() {}

    public static Set<String> ids() { return VIEWS.keySet(); }

    public static Page create(String id, LessonParams params, AppContext ctx) {
        Factory f = VIEWS.get(id);
        if (f == null) throw new IllegalArgumentException("unknown view " + id);
        return f.create(params, ctx);
    }
}
