package io.m365vault.graphsim.model;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Deterministic file-like bytes: real PNG/JPEG images, PDF-looking binaries, CSV text. */
public final class Blobs {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Blobs() {
    }

    public static byte[] image(long seed, String format, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, size, size);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillOval(r.nextInt(size), r.nextInt(size), 1 + r.nextInt(size / 2), 1 + r.nextInt(size / 2));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Bytes that start like a PDF and are otherwise incompressible. */
    public static byte[] pdf(long seed, int size) {
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[Math.max(size, head.length)];
        new SplittableRandom(seed).nextBytes(out);
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }

    public static byte[] csv(long seed, int rows) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("id,item,amount,region\r\n");
        for (int i = 0; i < rows; i++) {
            b.append(i).append(',').append(Rng.pick(r, Names.WORDS)).append(',')
                    .append(r.nextInt(100_000) / 100.0).append(',').append(Rng.pick(r, Names.CITIES)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
