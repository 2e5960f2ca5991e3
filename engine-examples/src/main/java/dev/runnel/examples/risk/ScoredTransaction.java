package dev.runnel.examples.risk;

/** A transaction with its assessment: what the per-minute metrics need from both. */
public record ScoredTransaction(RiskTransaction transaction, RiskAssessment assessment) {}
