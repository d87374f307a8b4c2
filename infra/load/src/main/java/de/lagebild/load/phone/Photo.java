package de.lagebild.load.phone;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** A photo as the app sends it after its own downscaling: 2048 x 1536 JPEG with some detail (about 1-2 MB). */
public final class Photo {

    private Photo() {
    }

    public static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int shade = (x / 8 + y / 8) % 256;
                image.setRGB(x, y, (shade << 16) | ((255 - shade) << 8) | random.nextInt(256));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", bytes);
        return bytes.toByteArray();
    }
}
