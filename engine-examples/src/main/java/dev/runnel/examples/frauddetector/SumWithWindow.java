package dev.runnel.examples.frauddetector;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.windowing.TimeWindow;

/**
 * Turns the reduced transaction of a window (amounts summed, first timestamp kept) into a
 * {@link WindowSum} that says which window it is.
 */
final class SumWithWindow extends ProcessWindowFunction<Transaction, WindowSum, String, TimeWindow> {
    @Override
    public void process(String account, Context context, Iterable<Transaction> reduced, Collector<WindowSum> out) {
        for (Transaction total : reduced) {   // exactly one: the reduce result
            out.collect(new WindowSum(account, context.window().start(), context.window().end(), total.timestamp(), total.amount()));
        }
    }
}
