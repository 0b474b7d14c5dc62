package org.kernellab.ui;

import java.util.Map;
import java.util.Set;
import org.kernellab.lesson.LessonParams;
import org.kernellab.ui.animator.AnimatorPage;
import org.kernellab.ui.attack.AttackPage;
import org.kernellab.ui.augment.AugmentPage;
import org.kernellab.ui.channels.ChannelsPage;
import org.kernellab.ui.conv3d.Conv3dPage;
import org.kernellab.ui.convintro.ConvIntroPage;
import org.kernellab.ui.core.AppContext;
import org.kernellab.ui.core.Page;
import org.kernellab.ui.dataset.DatasetPage;
import org.kernellab.ui.draw.DrawPage;
import org.kernellab.ui.dropout.DropoutPage;
import org.kernellab.ui.exercise.ChainExercisePage;
import org.kernellab.ui.exercise.ExercisePage;
import org.kernellab.ui.famous.FamousNetsPage;
import org.kernellab.ui.featuremaps.FeatureMapsPage;
import org.kernellab.ui.pooling.PoolingPage;
import org.kernellab.ui.saliency.SaliencyPage;
import org.kernellab.ui.scratch.FromScratchPage;
import org.kernellab.ui.train3d.Train3DPage;
import org.kernellab.ui.training.TrainingPage;
import org.kernellab.ui.voxels.VoxelPage;

/** The interactive views a lesson manifest can name in its "view" field. */
public final class LessonViews {
    /** Builds a view from its manifest parameters; throws IllegalArgumentException on bad parameters. */
    @FunctionalInterface
    public interface Factory {
        Page create(LessonParams params, AppContext ctx);
    }

    private static final Map<String, Factory> VIEWS = Map.ofEntries(
            Map.entry("conv-intro", ConvIntroPage::new),
            Map.entry("conv-animator", AnimatorPage::new),
            Map.entry("pooling", PoolingPage::new),
            Map.entry("channels", ChannelsPage::new),
            Map.entry("exercise-conv", ExercisePage::new),
            Map.entry("exercise-chain", ChainExercisePage::new),
            Map.entry("fashion-mnist", DatasetPage::new),
            Map.entry("training-lab", TrainingPage::new),
            Map.entry("feature-maps", FeatureMapsPage::new),
            Map.entry("voxels", VoxelPage::new),
            Map.entry("conv3d", Conv3dPage::new),
            Map.entry("train3d", Train3DPage::new),
            Map.entry("famous-nets", FamousNetsPage::new),
            Map.entry("from-scratch", FromScratchPage::new),
            Map.entry("dropout", DropoutPage::new),
            Map.entry("augmentation", AugmentPage::new),
            Map.entry("saliency", SaliencyPage::new),
            Map.entry("attack", AttackPage::new),
            Map.entry("draw", DrawPage::new));

    private LessonViews() {}

    public static Set<String> ids() {
        return VIEWS.keySet();
    }

    public static Page create(String id, LessonParams params, AppContext ctx) {
        Factory f = VIEWS.get(id);
        if (f == null) throw new IllegalArgumentException("unknown view " + id);
        return f.create(params, ctx);
    }
}
