package de.lagebild.chat.order;

import de.lagebild.common.orders.OrderAnswer;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link OrderAnswer} as the words the schema's check constraint allows. */
@Converter
public class OrderAnswerConverter implements AttributeConverter<OrderAnswer, String> {

    @Override
    public String convertToDatabaseColumn(OrderAnswer answer) {
        return answer == null ? null : answer.wireName();
    }

    @Override
    public OrderAnswer convertToEntityAttribute(String value) {
        return value == null ? null : OrderAnswer.fromWire(value);
    }
}
