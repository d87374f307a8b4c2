package de.lagebild.media.photo;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.media.testing.TestFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** All eight EXIF orientations end upright, and the orientation is found in either byte order. */
class OrientationTest {

    /**
     * A 4 x 2 picture with one red pixel at the stored top-left. Per the EXIF definition, that
     * pixel shows up in the given corner of the upright picture.
     */
    @ParameterizedTest
    @CsvSource({"1, 4, 2, 0, 0", "2, 4, 2, 3, 0", "3, 4, 2, 3, 1", "4, 4, 2, 0, 1",
        "5, 2, 4, 0, 0", "6, 2, 4, 1, 0", "7, 2, 4, 1, 3", "8, 2, 4, 0, 3"})
    void everyOrientationEndsUpright(int orientation, int width, int height, int redX, int redY) {
        BufferedImage stored = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, Color.RED.getRGB());
        BufferedImage upright = Rendering.upright(stored, orientation, 100);
        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        assertThat(new Color(upright.getRGB(redX, redY)).getRed()).isGreaterThan(200);
    }

    /** The decoders deliver 3-byte BGR and grey pixels; those turn pixel for pixel too. */
    @ParameterizedTest
    @CsvSource({"5, 6, 1, 0", "10, 8, 0, 3"})
    void decodedPixelTypesTurnExactly(int type, int orientation, int markX, int markY) {
        BufferedImage stored = new BufferedImage(4, 2, type);
        stored.getRaster().setPixel(0, 0, type == BufferedImage.TYPE_BYTE_GRAY ? new int[] {200} : new int[] {200, 10, 20});
        BufferedImage upright = Rendering.upright(stored, orientation, 100);
        assertThat(upright.getWidth()).isEqualTo(2);
        assertThat(upright.getHeight()).isEqualTo(4);
        int[] mark = upright.getRaster().getPixel(markX, markY, (int[]) null);
        assertThat(mark[0]).isEqualTo(200);
        assertThat(upright.getRaster().getPixel(markX == 0 ? 1 : 0, markY, (int[]) null)[0]).isZero();
    }

    @Test
    void readsBigEndianExif() {
        byte[] jpeg = TestFiles.jpegWithExif(TestFiles.halves(8, 8), 6);
        assertThat(ExifOrientation.parse(jpeg)).isEqualTo(6);
    }

    @Test
    void readsLittleEndianExif() {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(new byte[] {'I', 'I', 42, 0}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 8).putShort((short) 0);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.capacity();
        ByteBuffer jpeg = ByteBuffer.allocate(2 + 2 + length + 2);
        jpeg.put((byte) 0xFF).put((byte) 0xD8).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length)
                .put(exif).put(tiff.array()).put((byte) 0xFF).put((byte) 0xD9);
        assertThat(ExifOrientation.parse(jpeg.array())).isEqualTo(8);
    }

    @Test
    void malformedExifMeansNoRotation() {
        byte[] jpeg = TestFiles.jpegWithExif(TestFiles.halves(8, 8), 6);
        jpeg[2 + 2 + 2 + 6] = 'X';
        assertThat(ExifOrientation.parse(jpeg)).isEqualTo(1);
        assertThat(ExifOrientation.parse(TestFiles.jpeg(TestFiles.halves(8, 8)))).isEqualTo(1);
    }
}
