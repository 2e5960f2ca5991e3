package dev.runnel.examples.common;

/**
 * Running mean and standard deviation by Welford's online algorithm (Welford 1962; Knuth TAOCP
 * vol. 2, 4.2.2), numerically stable without keeping the values. Mutable; lives in keyed state.
 */
public final class RunningStats implements java.io.Serializable {
    private long count;
    private double mean;
    private double m2;

    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    /** Sample standard deviation (n - 1); 0 with fewer than two values. */
    public double stdDev() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }

    /** How many standard deviations {@code value} lies above the mean; 0 when the deviation is 0. */
    public double zScore(double value) {
        double sd = stdDev();
        return sd == 0 ? 0 : (value - mean) / sd;
    }
}
