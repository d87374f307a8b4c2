package de.lagebild.media.photo;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.media.content.ContentType;
import de.lagebild.media.content.CheckedUpload;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Re-encodes an uploaded photo for serving: dimensions are checked from the header before any
 * pixel is decoded, the EXIF orientation is applied, and the served copy and thumbnail are
 * written as JPEGs without any metadata (EXIF and GPS stay behind). Blocking: worker threads only.
 */
@ApplicationScoped
public class PhotoProcessor {

    private final PhotoConfig config;
    private final Semaphore decodes;

    public PhotoProcessor(PhotoConfig config) {
        this.config = config;
        this.decodes = new Semaphore(config.decodePermits(), true);
        ImageIO.setUseCache(false);
    }

    public ProcessedPhoto process(CheckedUpload upload, Path workDirectory) {
        int orientation = upload.type() == ContentType.JPEG ? ExifOrientation.of(upload.file()) : ExifOrientation.NORMAL;
        long queued = System.nanoTime();
        decodes.acquireUninterruptibly();
        try {
            long started = System.nanoTime();
            BufferedImage decoded = decode(upload);
            long decodedAt = System.nanoTime();
            BufferedImage upright = Rendering.upright(decoded, orientation, config.maxEdge());
            byte[] thumbnail = encodeToBytes(Rendering.thumbnail(upright, config.thumbnailEdge()));
            long thumbnailAt = System.nanoTime();
            Path served = Files.createTempFile(workDirectory, "served-", ".jpg");
            try {
                encodeToFile(upright, served);
                Log.debugf("photo of %d bytes: queued %d ms, decoded %d ms, upright and thumbnail %d ms, encoded %d ms",
                        upload.size(), millis(queued, started), millis(started, decodedAt), millis(decodedAt, thumbnailAt),
                        millis(thumbnailAt, System.nanoTime()));
                return new ProcessedPhoto(served, Files.size(served), upright.getWidth(), upright.getHeight(), thumbnail);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(served);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decodes.release();
        }
    }

    private BufferedImage decode(CheckedUpload upload) {
        ImageReader reader = readerFor(upload.type());
        try (ImageInputStream input = new FileImageInputStream(upload.file().toFile())) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            long pixels = (long) width * height;
            if (pixels > config.maxMegapixels() * 1_000_000L) {
                throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "the image has " + width + " x " + height
                        + " pixels; at most " + config.maxMegapixels() + " megapixels are accepted");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            // Rounded up, so the decoder itself delivers at most the served size and no costly rescale follows.
            int subsampling = Math.max(1, (Math.max(width, height) + config.maxEdge() - 1) / config.maxEdge());
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw unreadable("it is truncated or damaged");
            }
            return image;
        } catch (IOException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            throw unreadable("it is truncated, damaged or of an unsupported kind");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader readerFor(ContentType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == ContentType.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type);
        }
        return readers.next();
    }

    private byte[] encodeToBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            encode(image, out);
        }
        return bytes.toByteArray();
    }

    private void encodeToFile(BufferedImage image, Path file) throws IOException {
        Files.deleteIfExists(file);
        try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            encode(image, out);
        }
    }

    /** No metadata is passed to the writer, so nothing of the upload's EXIF (GPS included) is written. */
    private void encode(BufferedImage image, ImageOutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(config.jpegQuality());
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static ProblemException unreadable(String reason) {
        return new ProblemException(ProblemKind.UNPROCESSABLE, "the image cannot be decoded: " + reason);
    }
}
