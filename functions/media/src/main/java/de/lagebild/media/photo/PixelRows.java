package de.lagebild.media.photo;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads an RGB or grey image row by row as samples (R, G, B or grey), straight from the data
 * buffer for the types the JPEG and PNG decoders deliver (Raster.getPixels for any other).
 */
final class PixelRows {

    private final Raster raster;
    private final int width;
    private final int bands;
    private final byte[] bytes;
    private final int[] ints;
    private final int scanline;
    private final int pixelStride;
    private final int[] offsets;

    PixelRows(BufferedImage image) {
        raster = image.getRaster();
        width = image.getWidth();
        bands = raster.getNumBands();
        if (bands != 1 && bands != 3) {
            throw new IllegalArgumentException("expected grey or RGB pixels, got " + bands + " bands");
        }
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        int type = image.getType();
        if (untranslated && (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY)
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1) {
            bytes = buffer.getData();
            ints = null;
            scanline = model.getScanlineStride();
            pixelStride = model.getPixelStride();
            offsets = model.getBandOffsets();
        } else if (untranslated && type == BufferedImage.TYPE_INT_RGB
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && raster.getDataBuffer() instanceof DataBufferInt buffer && buffer.getNumBanks() == 1) {
            bytes = null;
            ints = buffer.getData();
            scanline = model.getScanlineStride();
            pixelStride = 1;
            offsets = null;
        } else {
            bytes = null;
            ints = null;
            scanline = 0;
            pixelStride = 0;
            offsets = null;
        }
    }

    int bands() {
        return bands;
    }

    /** Fills {@code row} (width x bands) with the samples of row {@code y}. */
    void read(int y, int[] row) {
        if (bytes != null) {
            int at = y * scanline;
            for (int x = 0, i = 0; x < width; x++, at += pixelStride) {
                for (int b = 0; b < bands; b++) {
                    row[i++] = bytes[at + offsets[b]] & 0xFF;
                }
            }
        } else if (ints != null) {
            int at = y * scanline;
            for (int x = 0, i = 0; x < width; x++) {
                int rgb = ints[at + x];
                row[i++] = rgb >> 16 & 0xFF;
                row[i++] = rgb >> 8 & 0xFF;
                row[i++] = rgb & 0xFF;
            }
        } else {
            raster.getPixels(0, y, width, 1, row);
        }
    }
}
