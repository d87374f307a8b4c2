package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmPosition;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The raiser's current position (WGS 84), accuracy in metres when known. */
public record AlarmPositionRequest(
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @PositiveOrZero @DecimalMax("100000") Double accuracy) {

    AlarmPosition toPosition() {
        return new AlarmPosition(lon, lat, accuracy);
    }
}
