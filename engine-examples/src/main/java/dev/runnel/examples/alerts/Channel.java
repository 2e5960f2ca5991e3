package dev.runnel.examples.alerts;

/** Where a routed alert is delivered. */
public enum Channel { CONSOLE, FILE, CALLBACK }
