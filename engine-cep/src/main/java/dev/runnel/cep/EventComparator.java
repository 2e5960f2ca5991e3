package dev.runnel.cep;

import java.io.Serializable;
import java.util.Comparator;

/** Orders events of one key that have the same timestamp (otherwise they are matched in arrival order). */
@FunctionalInterface
public interface EventComparator<T> extends Comparator<T>, Serializable {}
