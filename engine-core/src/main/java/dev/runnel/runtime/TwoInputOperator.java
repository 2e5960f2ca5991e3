package dev.runnel.runtime;

/** An operator with two inputs; the planner wires each input edge to one of its ports. */
public interface TwoInputOperator<IN1, IN2> {
    Output<IN1> input1();

    Output<IN2> input2();
}
