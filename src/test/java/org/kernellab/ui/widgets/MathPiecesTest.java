package org.kernellab.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MathPiecesTest {
    private static List<String> latex(String formula) {
        return MathPieces.split(formula).stream().map(MathPieces.Piece::latex).toList();
    }

    @Test
    void aFormulaBreaksBeforeItsRelationsAndAtItsWideSpaces() {
        List<MathPieces.Piece> p = MathPieces.split(
                "\\text{conv}(i, j) = \\sum_{x} k(x, y)\\, I(i - x, j - y) \\qquad \\text{corr}(i, j) = \\sum_{x} k");
        assertEquals(
                List.of(
                        "\\text{conv}(i, j)",
                        "= \\sum_{x} k(x, y)\\, I(i - x, j - y)",
                        "\\text{corr}(i, j)",
                        "= \\sum_{x} k"),
                p.stream().map(MathPieces.Piece::latex).toList());
        assertEquals(
                List.of(false, false, true, false),
                p.stream().map(MathPieces.Piece::spaced).toList());
    }

    @Test
    void neverInsideBracesBracketsDelimitersOrEnvironments() {
        assertEquals(List.of("P(m_i = 0)", "= p"), latex("P(m_i = 0) = p"), "the = inside the brackets stays");
        assertEquals(List.of("\\sum_{m=0}^{K-1} x_m"), latex("\\sum_{m=0}^{K-1} x_m"), "nor the one of a sum's limits");
        assertEquals(
                List.of("O \\;", "=\\; \\left\\lfloor \\frac{I = K}{S} \\right\\rfloor + 1"),
                latex("O \\;=\\; \\left\\lfloor \\frac{I = K}{S} \\right\\rfloor + 1"));
        assertEquals(
                List.of("\\begin{bmatrix} a = 1 \\\\ b \\end{bmatrix}", "\\longrightarrow c"),
                latex("\\begin{bmatrix} a = 1 \\\\ b \\end{bmatrix} \\longrightarrow c"));
        assertEquals(List.of("m_i \\in \\{0, 1\\}", "\\leq 2"), latex("m_i \\in \\{0, 1\\} \\leq 2"));
    }

    @Test
    void aFormulaWithoutBreaksIsOnePiece() {
        assertEquals(List.of("x^2 + y^2"), latex("x^2 + y^2"));
        assertEquals(List.of("24", "\\to 22", "\\to 11"), latex("24 \\to 22 \\to 11"));
    }
}
