package org.kernellab.ui.widgets;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF, frame by frame, with Java's own ImageIO: each frame shown {@code delayMs}, looping
 * forever. Written to a temporary file and moved into place at the end, so a cancelled or failed export
 * never leaves half a file where the teacher expects one.
 */
public final class GifWriter implements AutoCloseable {
    private final Path target, temp;
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final int delayCs;
    private boolean started, finished;

    public GifWriter(Path target, int delayMs) throws IOException {
        this.target = target;
        this.temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".kernellab-", ".gif.part");
        this.writer = ImageIO.getImageWritersBySuffix("gif").next();
        this.out = ImageIO.createImageOutputStream(temp.toFile());
        this.delayCs = Math.max(2, delayMs / 10);
        writer.setOutput(out);
    }

    public void add(BufferedImage frame) throws IOException {
        BufferedImage rgb = frame.getType() == BufferedImage.TYPE_INT_RGB ? frame : toRgb(frame);
        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(rgb);
        IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.valueOf(delayCs));
        control.setAttribute("transparentColorIndex", "0");
        if (!started) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // loop forever
            apps.appendChild(loop);
            writer.prepareWriteSequence(null);
            started = true;
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(rgb, null, meta), null);
    }

    /** Completes the file and moves it to the target. Without this, {@link #close()} discards it. */
    public void finish() throws IOException {
        if (started) writer.endWriteSequence();
        out.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (finished) return;
        try {
            out.close();
        } finally {
            Files.deleteIfExists(temp);
            writer.dispose();
        }
    }

    private static BufferedImage toRgb(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(src, 0, 0, Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
