package dev.runnel.examples.alerts;

/** An alert on its way to one channel, with the rule that sent it there. */
public record RoutedAlert(Channel channel, String routingRule, Alert alert) {
    @Override
    public String toString() {
        return channel + " (" + routingRule + ") " + alert;
    }
}
