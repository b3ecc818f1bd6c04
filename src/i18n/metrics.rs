//! Text of the metrics view (`#/metrics`). Spanish and English, one exhaustive match each.

use super::lang::{keys, Lang, Message, Phrase};
use super::numbers::grouped;

keys! {
    /// A fixed string of the metrics view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// Model assumption: what this view's model simplifies (side panel and README).
        Assume,
        /// One-line introduction.
        Intro,
        /// Metric picker legend.
        Metrics,
        /// Period picker label.
        Period,
        /// Statistic picker label.
        Statistic,
        /// "Recommended" statistic option.
        StatDefault,
        /// Range picker label.
        Range,
        /// Follow-the-clock checkbox.
        Follow,
        /// Stream-level section heading.
        StreamLevel,
        /// Shard-level section heading.
        ShardLevel,
        /// Shard-level explanation.
        ShardIntro,
        /// Enable button.
        Enable,
        /// Disable button.
        Disable,
        /// No shard-level metric enabled.
        NoneEnabled,
        /// Alarm section heading.
        Alarm,
        /// Alarm explanation.
        AlarmIntro,
        /// Alarm metric label.
        AlarmMetric,
        /// Threshold label.
        Threshold,
        /// Evaluation periods label.
        EvalPeriods,
        /// Datapoints to alarm label.
        Datapoints,
        /// State label.
        State,
        /// Never changed.
        Never,
        /// No data yet in a chart.
        NoData,
        /// Table fallback summary.
        Data,
        /// Table header: time.
        Time,
        /// Table header: value.
        Value,
        /// The "latest" readout label.
        Latest,
        /// x axis caption.
        Elapsed,
        /// Invalid number in an alarm field.
        BadNumber,
        /// Latency metrics note.
        NotModelled,
        /// The stream line's label.
        StreamLine,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Métricas de CloudWatch",
            Text::Assume => "Métricas: CloudWatch publica un dato por minuto y por llamada; aquí un dato (data point) es un segundo simulado, así que SampleCount cuenta segundos y Average es la media por segundo. Las latencias (PutRecord.Latency, GetRecords.Latency…) no se modelan: el motor responde al instante. PutRecords.FailedRecords es 0 (no hay fallos internos). Las llamadas escritas en la consola no cuentan en PutRecord.* ni GetRecords.*. La alarma evalúa N de M periodos sin tratamiento de datos ausentes.",
            Text::Intro => "Las métricas que Kinesis envía a Amazon CloudWatch, calculadas en vivo por la simulación. Elige métricas, periodo (period) y estadística (statistic), como en la consola de CloudWatch.",
            Text::Metrics => "Elegir métricas del stream (stream-level)",
            Text::Period => "Periodo (period)",
            Text::Statistic => "Estadística (statistic)",
            Text::StatDefault => "la recomendada por AWS",
            Text::Range => "Intervalo",
            Text::Follow => "Seguir el reloj",
            Text::StreamLevel => "Métricas del stream (básicas)",
            Text::ShardLevel => "Métricas por shard (enhanced monitoring)",
            Text::ShardIntro => "Las métricas por shard solo se publican si se activan con EnableEnhancedMonitoring, y desde ese instante (en AWS tienen coste adicional).",
            Text::Enable => "Activar todas (EnableEnhancedMonitoring ALL)",
            Text::Disable => "Desactivar todas (DisableEnhancedMonitoring ALL)",
            Text::NoneEnabled => "Ninguna métrica por shard activada (ShardLevelMetrics vacío).",
            Text::Alarm => "Alarma de CloudWatch",
            Text::AlarmIntro => "Salta (ALARM) cuando N de los últimos M periodos superan el umbral; con menos de M periodos con datos está en INSUFFICIENT_DATA.",
            Text::AlarmMetric => "Métrica",
            Text::Threshold => "Umbral (mayor que)",
            Text::EvalPeriods => "Periodos a evaluar (M)",
            Text::Datapoints => "Datos para alarma (N)",
            Text::State => "Estado",
            Text::Never => "sin cambios",
            Text::NoData => "Sin datos todavía en este intervalo.",
            Text::Data => "Valores exactos",
            Text::Time => "Tiempo",
            Text::Value => "Valor",
            Text::Latest => "Último",
            Text::Elapsed => "tiempo desde que el stream está ACTIVE",
            Text::BadNumber => "Escribe un número entero positivo.",
            Text::NotModelled => "PutRecord.Latency, PutRecords.Latency y GetRecords.Latency no se modelan (el motor no tiene tiempo de red).",
            Text::StreamLine => "stream",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "CloudWatch metrics",
            Text::Assume => "Metrics: CloudWatch gets data points per minute and per call; here a data point is one simulated second, so SampleCount counts seconds and Average is the per-second mean. Latencies (PutRecord.Latency, GetRecords.Latency…) are not modelled: the engine answers at once. PutRecords.FailedRecords is 0 (no internal failures). Calls typed at the console do not count in PutRecord.* or GetRecords.*. The alarm evaluates N of M periods with no missing-data treatment.",
            Text::Intro => "The metrics Kinesis sends to Amazon CloudWatch, computed live by the simulation. Pick metrics, a period and a statistic, as in the CloudWatch console.",
            Text::Metrics => "Choose stream-level metrics",
            Text::Period => "Period",
            Text::Statistic => "Statistic",
            Text::StatDefault => "AWS's recommended one",
            Text::Range => "Time range",
            Text::Follow => "Follow the clock",
            Text::StreamLevel => "Stream-level (basic) metrics",
            Text::ShardLevel => "Shard-level metrics (enhanced monitoring)",
            Text::ShardIntro => "Shard-level metrics are published only once enabled with EnableEnhancedMonitoring, and from that instant on (AWS charges extra for them).",
            Text::Enable => "Enable all (EnableEnhancedMonitoring ALL)",
            Text::Disable => "Disable all (DisableEnhancedMonitoring ALL)",
            Text::NoneEnabled => "No shard-level metric enabled (ShardLevelMetrics is empty).",
            Text::Alarm => "CloudWatch alarm",
            Text::AlarmIntro => "Goes to ALARM when N of the last M periods exceed the threshold; with fewer than M periods of data it is INSUFFICIENT_DATA.",
            Text::AlarmMetric => "Metric",
            Text::Threshold => "Threshold (greater than)",
            Text::EvalPeriods => "Evaluation periods (M)",
            Text::Datapoints => "Datapoints to alarm (N)",
            Text::State => "State",
            Text::Never => "unchanged",
            Text::NoData => "No data in this range yet.",
            Text::Data => "Exact values",
            Text::Time => "Time",
            Text::Value => "Value",
            Text::Latest => "Latest",
            Text::Elapsed => "time since the stream became ACTIVE",
            Text::BadNumber => "Type a positive whole number.",
            Text::NotModelled => "PutRecord.Latency, PutRecords.Latency and GetRecords.Latency are not modelled (the engine has no network time).",
            Text::StreamLine => "stream",
        }
    }
}

/// A message with values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The alarm's rule in words: `Maximum of M > 30,000 for 3 of 3 periods of 1 min`.
    Rule {
        /// Statistic name (CloudWatch's).
        stat: &'static str,
        /// Metric name (CloudWatch's).
        metric: &'static str,
        /// Threshold, formatted.
        threshold: String,
        /// N.
        datapoints: u64,
        /// M.
        periods: u64,
        /// Period label.
        period: &'static str,
    },
    /// Since when the state holds: `since 03:00`.
    Since {
        /// Time label.
        at: String,
    },
    /// A chart's accessible label.
    ChartLabel {
        /// Metric name.
        metric: &'static str,
        /// Statistic name.
        stat: &'static str,
        /// Period label.
        period: &'static str,
        /// Points drawn.
        points: u64,
        /// The latest value, formatted (empty: none).
        latest: String,
    },
    /// Published since.
    PublishedSince {
        /// Time label.
        at: String,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::Rule { stat, metric, threshold, datapoints, periods, period } => {
                format!("{stat} de {metric} > {threshold} en {datapoints} de {periods} periodos de {period}")
            }
            Msg::Since { at } => format!("desde {at}"),
            Msg::ChartLabel { metric, stat, period, points, latest } => format!(
                "Gráfico de {metric} ({stat}, periodo {period}): {} puntos; último valor {latest}",
                grouped(*points, Lang::Es)
            ),
            Msg::PublishedSince { at } => format!("publicadas desde {at}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::Rule { stat, metric, threshold, datapoints, periods, period } => {
                format!("{stat} of {metric} > {threshold} for {datapoints} of {periods} periods of {period}")
            }
            Msg::Since { at } => format!("since {at}"),
            Msg::ChartLabel { metric, stat, period, points, latest } => format!(
                "Chart of {metric} ({stat}, period {period}): {} points; latest value {latest}",
                grouped(*points, Lang::En)
            ),
            Msg::PublishedSince { at } => format!("published since {at}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metrics_text_is_translated() {
        for t in Text::ALL.iter().copied() {
            assert!(!t.es().is_empty() && !t.en().is_empty());
            if t != Text::StreamLine {
                assert_ne!(t.es(), t.en(), "{t:?}");
            }
        }
        let m = Msg::Since { at: "03:00".into() };
        assert_ne!(m.es(), m.en());
    }
}
