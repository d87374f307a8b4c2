package de.lagebild.positions.poi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The entity tag of a chat's POI list: a digest of the ids and versions of its POIs, so it
 * changes with every add, move and delete and with nothing else.
 */
final class PoiListTag {

    private PoiListTag() {
    }

    static String of(List<Poi> pois) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Poi poi : pois) {
                digest.update((poi.id + ":" + poi.version + ";").getBytes(StandardCharsets.US_ASCII));
            }
            byte[] hash = digest.digest();
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Whether an If-None-Match header names this tag (or any). */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.strip();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("*") || trimmed.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
