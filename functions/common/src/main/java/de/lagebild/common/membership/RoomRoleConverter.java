package de.lagebild.common.membership;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores {@link RoomRole} as the lower-case words the schema's check constraint allows. */
@Converter
public class RoomRoleConverter implements AttributeConverter<RoomRole, String> {

    @Override
    public String convertToDatabaseColumn(RoomRole role) {
        return role == null ? null : role.dbValue();
    }

    @Override
    public RoomRole convertToEntityAttribute(String value) {
        return value == null ? null : RoomRole.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
