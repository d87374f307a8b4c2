package de.lagebild.media.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turns decoded pixels upright (EXIF orientation 1 to 8) and scales them, into plain RGB without alpha. */
final class Rendering {

    private Rendering() {
    }

    /** The image upright, its longest edge at most {@code maxEdge}. */
    static BufferedImage upright(BufferedImage source, int orientation, int maxEdge) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) maxEdge / Math.max(w, h));
        if (scale == 1.0 && isJpegReady(source)) {
            return orientation == ExifOrientation.NORMAL ? source : PixelTurn.upright(source, orientation);
        }
        boolean swaps = orientation >= 5;
        int targetWidth = Math.max(1, (int) Math.round((swaps ? h : w) * scale));
        int targetHeight = Math.max(1, (int) Math.round((swaps ? w : h) * scale));
        AffineTransform transform = AffineTransform.getScaleInstance(scale, scale);
        transform.concatenate(orientationTransform(orientation, w, h));
        return draw(source, transform, targetWidth, targetHeight);
    }

    /** A thumbnail whose longest edge is {@code edge}, halved step by step so that it does not alias. */
    static BufferedImage thumbnail(BufferedImage upright, int edge) {
        BufferedImage current = upright;
        while (Math.max(current.getWidth(), current.getHeight()) > 2 * edge) {
            current = scaled(current, 0.5);
        }
        double scale = Math.min(1.0, (double) edge / Math.max(current.getWidth(), current.getHeight()));
        return scale == 1.0 && isJpegReady(current) ? current : scaled(current, scale);
    }

    private static BufferedImage scaled(BufferedImage source, double scale) {
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        return draw(source, AffineTransform.getScaleInstance((double) width / source.getWidth(),
                (double) height / source.getHeight()), width, height);
    }

    private static BufferedImage draw(BufferedImage source, AffineTransform transform, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Maps the stored pixels (w x h) to the upright image, per the EXIF orientation values. */
    private static AffineTransform orientationTransform(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
    }

    private static boolean isJpegReady(BufferedImage image) {
        int type = image.getType();
        return type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_BYTE_GRAY;
    }
}
