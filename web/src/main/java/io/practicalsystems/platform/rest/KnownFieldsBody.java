package io.practicalsystems.platform.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JSON request body bound to a record only if every field it sends is one the record has: JSON-B ignores unknown
 * properties, so a typo ({@code "maxDepht"}) would silently become "no value" and the default would apply. The
 * endpoint takes the body as an {@link InputStream} and calls {@link #bind}; an unknown field, nested records
 * included, is a 400 problem naming it ({@code seenSet.kidn}); a body that is not a JSON object, or a value of the
 * wrong type, is JSON-B's 400 ({@code body}, {@link MalformedBodyMapper}).
 */
public final class KnownFieldsBody {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private KnownFieldsBody() {
    }

    /**
     * The body as a {@code type}, or null when it is empty; refuses a field {@code type} does not have. The bytes must
     * be UTF-8 as {@link StrictUtf8JsonBodies} requires of every JSON body (that interceptor leaves streams alone).
     */
    public static <T extends Record> T bind(InputStream body, Class<T> type) {
        if (body == null) {
            return null;
        }
        PushbackInputStream in = new PushbackInputStream(new StrictUtf8JsonBodies.Utf8CheckingStream(body), 1);
        try {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            in.unread(first);
        } catch (IOException e) {
            throw new JsonbException("the request body could not be read", e);
        }
        JsonValue value = JSONB.fromJson(in, JsonValue.class);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject object)) {
            throw new JsonbException("the request body is a JSON " + value.getValueType() + ", not an object");
        }
        refuseUnknown(object, type, "");
        return JSONB.fromJson(object.toString(), type);
    }

    /** Throws {@link InvalidParameterException} for the first field of {@code body} that {@code type} lacks. */
    static void refuseUnknown(JsonObject body, Class<? extends Record> type, String path) {
        Map<String, RecordComponent> known = fields(type);
        for (Map.Entry<String, JsonValue> field : body.entrySet()) {
            String name = path + field.getKey();
            RecordComponent component = known.get(field.getKey());
            if (component == null) {
                throw new InvalidParameterException(name, "unknown field '" + name + "': "
                        + (path.isEmpty() ? "the body" : "'" + path.substring(0, path.length() - 1) + "'")
                        + " may have " + String.join(", ", known.keySet()));
            }
            if (component.getType().isRecord() && field.getValue() instanceof JsonObject nested) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> nestedType = (Class<? extends Record>) component.getType();
                refuseUnknown(nested, nestedType, name + ".");
            }
        }
    }

    private static Map<String, RecordComponent> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).collect(Collectors.toMap(KnownFieldsBody::jsonName,
                c -> c, (a, b) -> a, LinkedHashMap::new));
    }

    private static String jsonName(RecordComponent component) {
        JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (renamed == null) {
            renamed = component.getAnnotation(JsonbProperty.class);
        }
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }
}
