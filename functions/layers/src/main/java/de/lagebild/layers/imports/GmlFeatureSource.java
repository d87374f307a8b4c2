package de.lagebild.layers.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the features of a WFS GetFeature answer in GML 3.1 or 3.2 (deegree, GeoServer, Hamburg's
 * geodienste) with StAX: {@code featureMember}, {@code featureMembers} and WFS 2.0 {@code member}.
 * A feature's simple properties become strings (GML without its schema says nothing of types),
 * nested ones objects; its first geometry is handed to PostGIS ({@code ST_GeomFromGML}) as a
 * fragment, and its {@code srsName} is read here. An OWS exception report fails the import.
 */
final class GmlFeatureSource implements FeatureSource {

    private static final Set<String> GML_NAMESPACES = Set.of("http://www.opengis.net/gml", "http://www.opengis.net/gml/3.2");
    private static final Set<String> CONTAINERS = Set.of("FeatureCollection", "SimpleFeatureCollection",
            "featureMember", "featureMembers", "member");
    private static final Set<String> SKIPPED = Set.of("boundedBy", "additionalObjects", "truncatedResponse");
    /** The GML geometries ST_GeomFromGML reads. */
    private static final Set<String> GEOMETRIES = Set.of("Point", "LineString", "LinearRing", "Curve", "Polygon",
            "Surface", "MultiPoint", "MultiLineString", "MultiCurve", "MultiPolygon", "MultiSurface", "MultiGeometry",
            "Triangle", "PolyhedralSurface", "Tin", "TriangulatedSurface");
    /** Attributes of geometry elements that PostGIS needs; srsName is resolved here instead. */
    private static final Set<String> GEOMETRY_ATTRIBUTES = Set.of("srsDimension", "dimension", "count", "cs", "ts", "decimal");
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private final ObjectMapper json;
    private final InputStream in;
    private final XMLStreamReader xml;
    private SourceCrs collectionCrs;
    private int number;

    GmlFeatureSource(Path file, ObjectMapper json) {
        this.json = json;
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTDs and no external entities: a source must not make us read local files or other URLs.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            this.in = Files.newInputStream(file);
            this.xml = factory.createXMLStreamReader(in);
            readRoot();
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readRoot() throws XMLStreamException {
        xml.nextTag();
        String root = xml.getLocalName();
        if (root.equals("ExceptionReport") || root.equals("ServiceExceptionReport")) {
            throw ImportFailure.source("the WFS answered with an exception: " + abbreviate(textOf()));
        }
        if (!root.endsWith("FeatureCollection")) {
            throw ImportFailure.content("GML: expected a FeatureCollection, found <" + root + ">");
        }
    }

    @Override
    public SourceFeature next() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (CONTAINERS.contains(name)) {
                    continue;
                }
                if (SKIPPED.contains(name)) {
                    String srsName = skipElement();
                    if (collectionCrs == null && srsName != null && name.equals("boundedBy")) {
                        collectionCrs = SourceCrs.parse(srsName).orElse(null);
                    }
                    continue;
                }
                return feature(++number);
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** At a feature's start tag: reads it up to its end tag. */
    private SourceFeature feature(int n) throws XMLStreamException {
        String externalId = featureId();
        Map<String, Object> properties = new LinkedHashMap<>();
        SourceGeometry geometry = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            if (isGml(xml.getNamespaceURI()) && name.equals("boundedBy")) {
                skipElement();
                continue;
            }
            Object value = propertyValue();
            if (value instanceof SourceGeometry found) {
                geometry = geometry == null ? found : geometry;
            } else {
                put(properties, name, value);
            }
        }
        if (geometry == null) {
            return SourceFeature.rejected(n, externalId, "no geometry");
        }
        try {
            return SourceFeature.of(n, externalId, json.writeValueAsString(properties), geometry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String featureId() {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String local = xml.getAttributeLocalName(i);
            if (local.equals("id") && isGml(xml.getAttributeNamespace(i)) || local.equals("fid")) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** At a property's start tag: its text, nested object, or geometry; reads up to its end tag. */
    private Object propertyValue() throws XMLStreamException {
        boolean nil = "true".equals(xml.getAttributeValue(XSI, "nil"));
        String href = xml.getAttributeValue(XLINK, "href");
        StringBuilder text = new StringBuilder();
        Map<String, Object> nested = null;
        SourceGeometry geometry = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (isGml(xml.getNamespaceURI()) && GEOMETRIES.contains(xml.getLocalName())) {
                    geometry = geometry();
                } else {
                    String name = xml.getLocalName();
                    Object value = propertyValue();
                    if (!(value instanceof SourceGeometry)) {
                        nested = nested == null ? new LinkedHashMap<>() : nested;
                        put(nested, name, value);
                    }
                }
            }
        }
        if (geometry != null) {
            return geometry;
        }
        if (nested != null) {
            return nested;
        }
        if (nil) {
            return null;
        }
        String value = text.toString().strip();
        return value.isEmpty() && href != null ? href : value;
    }

    /** At a geometry's start tag: the geometry as a GML fragment that declares its namespace. */
    private SourceGeometry geometry() throws XMLStreamException {
        String namespace = xml.getNamespaceURI();
        StringBuilder gml = new StringBuilder(256);
        String srsName = null;
        int depth = 0;
        int event = XMLStreamConstants.START_ELEMENT;
        do {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!isGml(xml.getNamespaceURI())) {
                        throw ImportFailure.content("GML: unexpected element <" + xml.getLocalName()
                                + "> inside a geometry" + at());
                    }
                    gml.append("<gml:").append(xml.getLocalName());
                    if (depth == 0) {
                        gml.append(" xmlns:gml=\"").append(namespace).append('"');
                    }
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String attribute = xml.getAttributeLocalName(i);
                        if (attribute.equals("srsName")) {
                            srsName = srsName == null ? xml.getAttributeValue(i) : srsName;
                        } else if (GEOMETRY_ATTRIBUTES.contains(attribute)) {
                            gml.append(' ').append(attribute).append("=\"").append(escape(xml.getAttributeValue(i))).append('"');
                        }
                    }
                    gml.append('>');
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    gml.append("</gml:").append(xml.getLocalName()).append('>');
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> gml.append(escape(xml.getText()));
                default -> {
                    // comments and processing instructions carry nothing of the geometry
                }
            }
            if (depth > 0) {
                event = xml.next();
            }
        } while (depth > 0);
        return new SourceGeometry(SourceFormat.GML, gml.toString(), crsOf(srsName));
    }

    private SourceCrs crsOf(String srsName) {
        if (srsName == null) {
            return collectionCrs;
        }
        return SourceCrs.parse(srsName).orElseThrow(() -> ImportFailure.content("unknown CRS '" + srsName + "'" + at()));
    }

    /** Skips the current element; returns the first srsName in it (a collection's envelope names the CRS). */
    private String skipElement() throws XMLStreamException {
        String srsName = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                srsName = srsName == null ? xml.getAttributeValue(null, "srsName") : srsName;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return srsName;
    }

    private String textOf() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText().strip()).append(' ');
            }
        }
        return text.toString().strip();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> properties, String name, Object value) {
        if (!properties.containsKey(name)) {
            properties.put(name, value);
            return;
        }
        Object earlier = properties.get(name);
        if (earlier instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else {
            List<Object> values = new ArrayList<>();
            values.add(earlier);
            values.add(value);
            properties.put(name, values);
        }
    }

    private static boolean isGml(String namespace) {
        return namespace != null && GML_NAMESPACES.contains(namespace);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private String at() {
        Location location = xml.getLocation();
        return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    private static ImportFailure malformed(XMLStreamException e) {
        Location location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
        return ImportFailure.content("malformed GML" + where + ": " + abbreviate(message));
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("closing the GML source failed", e);
        }
    }
}
