package dev.runnel.compat.flink.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * Flink's {@code @Public} API-stability marker, so that Flink sources carrying it compile; it means
 * nothing to Runnel (Runnel's own API stability is described in its docs, not by annotations).
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface Public {}
