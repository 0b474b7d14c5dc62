package org.kernellab.ui.animator;

import java.util.ArrayList;
import java.util.List;
import org.kernellab.compute.ConvAnimation;
import org.kernellab.compute.ConvSettings;

/**
 * The input cells a kernel never reaches (a stride that does not divide the padded input evenly), for the animator's
 * hatching and its message.
 *
 * @param covered over the padded input, true where some window tap lands; null when there is no output
 */
public record Coverage(boolean[][] covered, int inputH, int inputW, int padH, int padW) {
    static Coverage of(ConvAnimation a) {
        ConvSettings s = a.settings();
        return new Coverage(a.covered(), s.input().dim(0), s.input().dim(1), s.padH(), s.padW());
    }

    /** Input rows that no tap ever reaches, in the unpadded input's numbering. */
    public List<Integer> uncoveredRows() {
        return uncovered(true);
    }

    public List<Integer> uncoveredCols() {
        return uncovered(false);
    }

    /** Input cells (unpadded) that no tap reaches. */
    public int uncoveredCells() {
        if (covered == null) return 0;
        int n = 0;
        for (int i = 0; i < inputH; i++) for (int j = 0; j < inputW; j++) if (!covered[i + padH][j + padW]) n++;
        return n;
    }

    /** Over the padded input: true for a real cell that no window covers. */
    public boolean[][] neverCovered() {
        boolean[][] never = new boolean[inputH + 2 * padH][inputW + 2 * padW];
        if (covered == null) return never;
        for (int i = 0; i < inputH; i++)
            for (int j = 0; j < inputW; j++) never[i + padH][j + padW] = !covered[i + padH][j + padW];
        return never;
    }

    private List<Integer> uncovered(boolean rows) {
        List<Integer> out = new ArrayList<>();
        if (covered == null) return out;
        int n = rows ? inputH : inputW, m = rows ? inputW : inputH;
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int j = 0; j < m && !any; j++) any = rows ? covered[i + padH][j + padW] : covered[j + padH][i + padW];
            if (!any) out.add(i);
        }
        return out;
    }
}
