package org.opd.deploy.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The run over time as a PNG: accepted moves per second (left axis) and the p99 lags of each second (right axis, log scale). */
final class LagPlot {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;

    private LagPlot() {
    }

    static void write(RunStats stats, Path file, String subtitle) throws IOException {
        // Drawn off-screen: the generator runs on servers without a display.
        System.setProperty("java.awt.headless", "true");
        XYSeries rate = new XYSeries("accepted moves/s");
        XYSeries http = new XYSeries("HTTP p99 (ms)");
        XYSeries redis = new XYSeries("API answer -> Redis p99 (ms)");
        XYSeries log = new XYSeries("API answer -> notification log p99 (ms)");
        stats.seconds().forEach((second, s) -> {
            rate.add(second.doubleValue(), s.accepted.sum());
            addIfMeasured(http, second, s.http.percentileMillis(99));
            addIfMeasured(redis, second, s.redis.percentileMillis(99));
            addIfMeasured(log, second, s.notification.percentileMillis(99));
        });
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis("second of the run"));
        plot.setRangeAxis(0, new NumberAxis("moves/s"));
        plot.setDataset(0, new XYSeriesCollection(rate));
        plot.setRenderer(0, renderer(Color.GRAY));
        LogarithmicAxis millis = new LogarithmicAxis("p99 of the second (ms, log)");
        millis.setAllowNegativesFlag(false);
        millis.setStrictValuesFlag(false);
        plot.setRangeAxis(1, millis);
        XYSeriesCollection lags = new XYSeriesCollection();
        lags.addSeries(http);
        lags.addSeries(redis);
        lags.addSeries(log);
        plot.setDataset(1, lags);
        XYLineAndShapeRenderer lagRenderer = renderer(Color.BLUE);
        lagRenderer.setSeriesPaint(1, new Color(0, 140, 0));
        lagRenderer.setSeriesPaint(2, Color.RED);
        plot.setRenderer(1, lagRenderer);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("OPD load run: " + subtitle, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    private static void addIfMeasured(XYSeries series, long second, double millis) {
        if (!Double.isNaN(millis)) {
            series.add(second, Math.max(0.1, millis));
        }
    }

    private static XYLineAndShapeRenderer renderer(Color color) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, color);
        renderer.setDefaultStroke(new BasicStroke(1.5f));
        return renderer;
    }
}
