//! Text of the cost view (`#/cost`). Spanish and English, one exhaustive match each.
//!
//! [`Text`] names the fixed strings and [`Msg`] the messages with values.

use super::lang::{keys, Lang, Message, Phrase};
use super::numbers::grouped;

keys! {
    /// A fixed string of the cost view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// What the view shows.
        Help,
        /// Model assumption: what this view's model simplifies (side panel and README).
        Assume,
        /// Bill card heading.
        BillHeading,
        /// Column: line item.
        Item,
        /// Column: so far.
        SoFar,
        /// Column: per month.
        PerMonth,
        /// Line item: shard-hours.
        ShardHours,
        /// Line item: PUT payload units.
        PutUnits,
        /// Line item: retention beyond 24 h.
        Retention,
        /// Line item: enhanced fan-out.
        Efo,
        /// Line item: on-demand stream-hours, data in and out.
        OnDemandUsage,
        /// Total row.
        Total,
        /// Prices heading.
        PricesHeading,
        /// Price: shard-hour.
        PriceShardHour,
        /// Price: PUT payload units.
        PricePut,
        /// Price: extended retention (provisioned).
        PriceExtended,
        /// Price: EFO consumer-shard-hour.
        PriceEfoHour,
        /// Price: EFO data retrieved (provisioned).
        PriceEfoGb,
        /// Price: on-demand stream-hour.
        PriceOdHour,
        /// Price: on-demand data in.
        PriceOdIn,
        /// Price: on-demand data out.
        PriceOdOut,
        /// Price: on-demand EFO retrieval.
        PriceOdEfo,
        /// Compare card heading.
        CompareHeading,
        /// Provisioned legend.
        Provisioned,
        /// On-demand legend.
        OnDemand,
        /// Current load legend.
        YourLoad,
        /// Break-even legend.
        BreakEven,
        /// X axis label.
        RateAxis,
        /// Y axis label.
        CostAxis,
        /// Why provisioned can win.
        CompareHelp,
        /// Mode card heading.
        ModeHeading,
        /// Switch to on-demand button.
        ToOnDemand,
        /// Switch to provisioned button.
        ToProvisioned,
        /// Mode help.
        ModeHelp,
        /// Record distribution strategy label (UpdateStreamRecordDistributionStrategy).
        DistributionLabel,
        /// Button: distribute with AUTO.
        ToAuto,
        /// Button: distribute by partition key.
        ToUserKey,
        /// What AUTO does to ordering.
        DistributionHelp,
        /// Scaling chart legend: capacity.
        Capacity,
        /// Scaling chart legend: demand.
        Demand,
        /// Scaling chart legend: on-demand periods.
        OnDemandPeriod,
        /// Scaling chart x axis.
        TimeAxis,
        /// Scaling chart y axis.
        MibAxis,
        /// No history yet.
        NoHistory,
        /// Quotas heading.
        QuotasHeading,
        /// Quota: shard quota.
        QuotaShards,
        /// Quota: on-demand start.
        QuotaOdStart,
        /// Quota: on-demand max.
        QuotaOdMax,
        /// Quota: record size.
        QuotaRecord,
        /// Quota: PutRecords request.
        QuotaPutRecords,
        /// Quota: shard throughput.
        QuotaShard,
        /// Source line of the quotas.
        QuotaSource,
        /// The last UpdateStreamMode call was accepted.
        Accepted,
        /// AWS accepted UpdateStreamRecordDistributionStrategy: it applies at once, with no UPDATING.
        DistributionAccepted,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Coste y capacidad",
            Text::Help => "Lo que costaría en AWS el stream que ves, en sus dos modos de capacidad (capacity modes): provisioned (pagas shards por hora) y on-demand (pagas por stream y por GB). Cambia el ritmo de los productores en el panel lateral y mira qué modo sale más barato.",
            Text::Assume => "Coste y capacidad: precios de us-east-1 con su fecha, sin capa gratuita, impuestos, KMS ni CloudWatch; cada concepto se calcula en micro-dólares y se prorratea al milisegundo (AWS factura horas enteras); el mes son 730 h con el ritmo actual constante y cada registro leído una vez; el tamaño facturado usa el tamaño medio de registro; el modo on-demand Advantage no se modela.",
            Text::BillHeading => "Factura del stream",
            Text::Item => "Concepto",
            Text::SoFar => "Hasta ahora",
            Text::PerMonth => "Al mes (730 h)",
            Text::ShardHours => "Horas de shard (shard-hours)",
            Text::PutUnits => "Unidades de carga PUT (PUT payload units, 25 KB)",
            Text::Retention => "Retención más allá de 24 h",
            Text::Efo => "Enhanced fan-out",
            Text::OnDemandUsage => "On-demand: horas de stream, datos de entrada y de salida",
            Text::Total => "Total",
            Text::PricesHeading => "Precios",
            Text::PriceShardHour => "1 shard durante 1 hora (shard-hour)",
            Text::PricePut => "1 millón de PUT payload units",
            Text::PriceExtended => "Retención extendida (hasta 7 días), por shard-hour",
            Text::PriceEfoHour => "Enhanced fan-out, por consumidor-shard-hour",
            Text::PriceEfoGb => "Enhanced fan-out, por GB leído",
            Text::PriceOdHour => "On-demand: 1 stream durante 1 hora",
            Text::PriceOdIn => "On-demand: GB escrito (data in)",
            Text::PriceOdOut => "On-demand: GB leído (data out)",
            Text::PriceOdEfo => "On-demand: GB leído con enhanced fan-out",
            Text::CompareHeading => "¿Qué modo sale más barato con esta carga?",
            Text::Provisioned => "aprovisionado (PROVISIONED)",
            Text::OnDemand => "bajo demanda (ON_DEMAND)",
            Text::YourLoad => "tu carga",
            Text::BreakEven => "punto de equilibrio",
            Text::RateAxis => "registros/s",
            Text::CostAxis => "US$ al mes",
            Text::CompareHelp => "Provisioned paga los shards aunque estén vacíos; on-demand paga 0,04 US$ por hora de stream y cada GB. Con poco tráfico y muchos shards gana on-demand; con tráfico constante y alto gana provisioned. On-demand compensa cuando la carga tiene picos imprevisibles.",
            Text::ModeHeading => "Modo de capacidad (UpdateStreamMode)",
            Text::ToOnDemand => "Cambiar a ON_DEMAND",
            Text::ToProvisioned => "Cambiar a PROVISIONED",
            Text::ModeHelp => "El cambio pasa el stream a UPDATING unos segundos. AWS permite dos cambios por stream cada 24 horas. En on-demand, AWS añade shards cuando la demanda de escritura pasa de la capacidad: mira la gráfica.",
            Text::DistributionLabel => "Reparto de registros (RecordDistributionStrategy):",
            Text::ToAuto => "Repartir con AUTO",
            Text::ToUserKey => "Repartir por clave (USER_PARTITION_KEY)",
            Text::DistributionHelp => "Con USER_PARTITION_KEY (por defecto) la clave de partición elige el shard: los registros de una misma clave van juntos y en orden. Con AUTO, solo en on-demand, AWS reparte los registros por igual entre los shards e ignora la clave: la carga queda pareja, pero los registros de una misma clave acaban en shards distintos y se pierde su orden.",
            Text::Capacity => "capacidad de escritura (shards × 1 MiB/s)",
            Text::Demand => "demanda de escritura (bytes/s intentados)",
            Text::OnDemandPeriod => "en modo on-demand",
            Text::TimeAxis => "tiempo simulado",
            Text::MibAxis => "MiB/s",
            Text::NoHistory => "La gráfica empieza tras el primer segundo simulado: pulsa ▶.",
            Text::QuotasHeading => "Cuotas actuales de AWS (quotas)",
            Text::QuotaShards => "Shards por cuenta (cuota por defecto): 20.000 en us-east-1, us-west-2 y eu-west-1; 1000 o 6000 en las demás regiones",
            Text::QuotaOdStart => "Stream on-demand nuevo: 4 MB/s de escritura y 8 MB/s de lectura",
            Text::QuotaOdMax => "Máximo on-demand: 10 GB/s de escritura y 20 GB/s de lectura en esas tres regiones (200 MB/s y 400 MB/s en las demás)",
            Text::QuotaRecord => "Registro: 1 MiB por defecto, hasta 10 MiB con UpdateMaxRecordSize (MaxRecordSizeInKiB de 1024 a 10240)",
            Text::QuotaPutRecords => "PutRecords: hasta 500 registros y 10 MiB por petición",
            Text::QuotaShard => "Cada shard: 1 MiB/s y 1000 registros/s de escritura, 2 MiB/s y 5 GetRecords/s de lectura",
            Text::QuotaSource => "Fuente: AWS, «Quotas and limits» (docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html) y la referencia de la API UpdateMaxRecordSize.",
            Text::Accepted => "Aceptado: el stream pasa a UPDATING.",
            Text::DistributionAccepted => "Aceptado: los registros nuevos se reparten ya con la nueva estrategia (sin UPDATING).",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Cost & capacity",
            Text::Help => "What the stream you see would cost on AWS in its two capacity modes: provisioned (you pay for shards by the hour) and on-demand (you pay per stream and per GB). Change the producers' rate in the side panel and see which mode is cheaper.",
            Text::Assume => "Cost & capacity: us-east-1 prices with their date, no free tier, taxes, KMS or CloudWatch; each item is computed in micro-dollars and prorated to the millisecond (AWS bills whole hours); a month is 730 h at the current rate held steady, each record read once; billed sizes use the average record size; the on-demand Advantage mode is not modelled.",
            Text::BillHeading => "The stream's bill",
            Text::Item => "Item",
            Text::SoFar => "So far",
            Text::PerMonth => "Per month (730 h)",
            Text::ShardHours => "Shard-hours",
            Text::PutUnits => "PUT payload units (25 KB)",
            Text::Retention => "Retention beyond 24 h",
            Text::Efo => "Enhanced fan-out",
            Text::OnDemandUsage => "On-demand: stream-hours, data in and data out",
            Text::Total => "Total",
            Text::PricesHeading => "Prices",
            Text::PriceShardHour => "1 shard for 1 hour (shard-hour)",
            Text::PricePut => "1 million PUT payload units",
            Text::PriceExtended => "Extended retention (up to 7 days), per shard-hour",
            Text::PriceEfoHour => "Enhanced fan-out, per consumer-shard-hour",
            Text::PriceEfoGb => "Enhanced fan-out, per GB retrieved",
            Text::PriceOdHour => "On-demand: 1 stream for 1 hour",
            Text::PriceOdIn => "On-demand: GB written (data in)",
            Text::PriceOdOut => "On-demand: GB read (data out)",
            Text::PriceOdEfo => "On-demand: GB read with enhanced fan-out",
            Text::CompareHeading => "Which mode is cheaper for this load?",
            Text::Provisioned => "provisioned (PROVISIONED)",
            Text::OnDemand => "on-demand (ON_DEMAND)",
            Text::YourLoad => "your load",
            Text::BreakEven => "break-even",
            Text::RateAxis => "records/s",
            Text::CostAxis => "$ per month",
            Text::CompareHelp => "Provisioned pays for its shards even when they are idle; on-demand pays $0.04 per stream-hour and for every GB. With little traffic and many shards on-demand wins; with steady, high traffic provisioned wins. On-demand pays off when the load has unpredictable peaks.",
            Text::ModeHeading => "Capacity mode (UpdateStreamMode)",
            Text::ToOnDemand => "Switch to ON_DEMAND",
            Text::ToProvisioned => "Switch to PROVISIONED",
            Text::ModeHelp => "The switch puts the stream in UPDATING for a few seconds. AWS allows two switches per stream every 24 hours. In on-demand mode AWS adds shards when the write demand goes past the capacity: see the chart.",
            Text::DistributionLabel => "Record distribution (RecordDistributionStrategy):",
            Text::ToAuto => "Distribute with AUTO",
            Text::ToUserKey => "Distribute by key (USER_PARTITION_KEY)",
            Text::DistributionHelp => "With USER_PARTITION_KEY (the default) the partition key picks the shard: records of one key stay together and in order. With AUTO, on-demand streams only, AWS spreads records evenly over the shards and ignores the key: the load is even, but records of one key end up on different shards and lose their order.",
            Text::Capacity => "write capacity (shards × 1 MiB/s)",
            Text::Demand => "write demand (bytes/s attempted)",
            Text::OnDemandPeriod => "in on-demand mode",
            Text::TimeAxis => "simulated time",
            Text::MibAxis => "MiB/s",
            Text::NoHistory => "The chart starts after the first simulated second: press ▶.",
            Text::QuotasHeading => "Current AWS quotas",
            Text::QuotaShards => "Shards per account (default quota): 20,000 in us-east-1, us-west-2 and eu-west-1; 1,000 or 6,000 in the other regions",
            Text::QuotaOdStart => "New on-demand stream: 4 MB/s write and 8 MB/s read",
            Text::QuotaOdMax => "On-demand maximum: 10 GB/s write and 20 GB/s read in those three regions (200 MB/s and 400 MB/s elsewhere)",
            Text::QuotaRecord => "Record: 1 MiB by default, up to 10 MiB with UpdateMaxRecordSize (MaxRecordSizeInKiB from 1024 to 10240)",
            Text::QuotaPutRecords => "PutRecords: up to 500 records and 10 MiB per request",
            Text::QuotaShard => "Each shard: 1 MiB/s and 1,000 records/s of writes, 2 MiB/s and 5 GetRecords/s of reads",
            Text::QuotaSource => "Source: AWS, \"Quotas and limits\" (docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html) and the UpdateMaxRecordSize API reference.",
            Text::Accepted => "Accepted: the stream goes to UPDATING.",
            Text::DistributionAccepted => "Accepted: new records follow the new strategy at once (no UPDATING).",
        }
    }
}

/// A cost-view message with values (already formatted numbers and amounts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// The date the prices were read.
    PricesAsOf {
        /// ISO date.
        date: &'static str,
    },
    /// The bill's subject: mode, shards, time so far.
    BillFor {
        /// `PROVISIONED` / `ON_DEMAND`.
        mode: &'static str,
        /// Open shards.
        shards: u64,
        /// Simulated time so far, formatted.
        elapsed: String,
    },
    /// The cheaper mode for this load.
    Cheaper {
        /// Whether on-demand is the cheaper one.
        on_demand: bool,
        /// Records/s.
        rate: u64,
        /// Record size, bytes.
        bytes: u64,
        /// Provisioned per month.
        provisioned: String,
        /// Shards provisioned.
        shards: u64,
        /// On-demand per month.
        on_demand_cost: String,
    },
    /// Where the two lines cross.
    BreakEvenAt {
        /// Records/s.
        rate: u64,
    },
    /// The stream's mode now.
    ModeNow {
        /// `PROVISIONED` / `ON_DEMAND`.
        mode: &'static str,
        /// `StreamStatus`.
        status: &'static str,
        /// Open shards.
        shards: u64,
        /// Switches left in this 24 h window.
        left: usize,
    },
    /// The scaling chart's text equivalent.
    ScalingSummary {
        /// Open shards now.
        shards: u32,
        /// Peak demand, MiB/s, formatted.
        peak: String,
        /// Seconds each point covers.
        stride: u64,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::PricesAsOf { date } => format!("Precios de us-east-1 según la página de precios de AWS, consultada el {date}."),
            Msg::BillFor { mode, shards, elapsed } => {
                format!("Modo {mode}, {} {} abiertos, {elapsed} simulados.", grouped(*shards, Lang::Es), if *shards == 1 { "shard" } else { "shards" })
            }
            Msg::Cheaper { on_demand, rate, bytes, provisioned, shards, on_demand_cost } => format!(
                "Con {} registros/s de {} B: {} es más barato ({provisioned} al mes con {} {} provisioned frente a {on_demand_cost} en on-demand).",
                grouped(*rate, Lang::Es),
                grouped(*bytes, Lang::Es),
                if *on_demand { "ON_DEMAND" } else { "PROVISIONED" },
                grouped(*shards, Lang::Es),
                if *shards == 1 { "shard" } else { "shards" },
            ),
            Msg::BreakEvenAt { rate } => format!("Punto de equilibrio: {} registros/s.", grouped(*rate, Lang::Es)),
            Msg::ModeNow { mode, status, shards, left } => format!(
                "Ahora: {mode} ({status}), {} {} abiertos. Cambios que quedan en estas 24 h: {left}.",
                grouped(*shards, Lang::Es),
                if *shards == 1 { "shard" } else { "shards" }
            ),
            Msg::ScalingSummary { shards, peak, stride } => format!(
                "Ahora {shards} shards ({shards} MiB/s de capacidad); pico de demanda {peak} MiB/s. Cada punto cubre {stride} s."
            ),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::PricesAsOf { date } => format!("us-east-1 prices from AWS's pricing page, as of {date}."),
            Msg::BillFor { mode, shards, elapsed } => {
                format!("{mode} mode, {} open {}, {elapsed} simulated.", grouped(*shards, Lang::En), if *shards == 1 { "shard" } else { "shards" })
            }
            Msg::Cheaper { on_demand, rate, bytes, provisioned, shards, on_demand_cost } => format!(
                "At {} records/s of {} B: {} is cheaper ({provisioned} a month with {} provisioned {} against {on_demand_cost} on-demand).",
                grouped(*rate, Lang::En),
                grouped(*bytes, Lang::En),
                if *on_demand { "ON_DEMAND" } else { "PROVISIONED" },
                grouped(*shards, Lang::En),
                if *shards == 1 { "shard" } else { "shards" },
            ),
            Msg::BreakEvenAt { rate } => format!("Break-even: {} records/s.", grouped(*rate, Lang::En)),
            Msg::ModeNow { mode, status, shards, left } => format!(
                "Now: {mode} ({status}), {} open {}. Switches left in these 24 h: {left}.",
                grouped(*shards, Lang::En),
                if *shards == 1 { "shard" } else { "shards" }
            ),
            Msg::ScalingSummary { shards, peak, stride } => format!(
                "Now {shards} shards ({shards} MiB/s of capacity); peak demand {peak} MiB/s. Each point covers {stride} s."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_cost_text_is_translated() {
        // Only AWS names stay the same.
        assert_eq!(same_in_both(Text::ALL), vec![Text::Efo, Text::Total, Text::MibAxis]);
        for l in Lang::ALL {
            assert!(Msg::BreakEvenAt { rate: 55 }.text(l).contains("55"));
        }
    }
}
