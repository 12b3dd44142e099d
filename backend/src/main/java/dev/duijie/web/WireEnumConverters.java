package dev.duijie.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters name enum values as the contract spells them ({@code status=draft}); the generated
 * enums print exactly that from {@code toString()}. An unknown value fails conversion: a 400 naming the parameter.
 */
@Configuration(proxyBeanMethods = false)
class WireEnumConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new FromWireValue());
    }

    private static final class FromWireValue implements ConverterFactory<String, Enum<?>> {

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> targetType) {
            return value -> {
                for (T constant : targetType.getEnumConstants()) {
                    if (constant.toString().equals(value)) {
                        return constant;
                    }
                }
                // not a wire value: the enum's own name still works for our hand-written enums
                return (T) Enum.valueOf((Class) targetType, value);
            };
        }
    }
}
