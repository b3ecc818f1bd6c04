//! Text of the learn path ("Empieza aquí / Start here", `#/learn`) and of the teacher page
//! (`#/teach`): the start page, the chapter titles, the step page's controls, the "try this"
//! buttons, the prediction card and the cost card. The steps' own texts are in `learn_a`
//! (chapters 1–3), `learn_b` (4–6) and `learn_c` (7–10).

use super::lang::{keys, Lang, Message, Phrase, FSI, PDI};
use super::{learn_a, learn_b, learn_c};

keys! {
    /// A chapter's title.
    pub enum Chapter {
        /// 1.
        Stream,
        /// 2.
        Hashing,
        /// 3.
        Records,
        /// 4.
        Producers,
        /// 5.
        Consumers,
        /// 6.
        Retention,
        /// 7.
        Resharding,
        /// 8.
        Cli,
        /// 9.
        Pipelines,
        /// 10.
        Costs,
    }
}

impl Phrase for Chapter {
    fn es(self) -> &'static str {
        match self {
            Chapter::Stream => "Stream y shards",
            Chapter::Hashing => "PartitionKey → MD5 → shard",
            Chapter::Records => "Registros y números de secuencia",
            Chapter::Producers => "Productores y límites por shard",
            Chapter::Consumers => "Consumidores: polling, fan-out mejorado, KCL y Lambda",
            Chapter::Retention => "Retención y caducidad",
            Chapter::Resharding => "Resharding: dividir y fusionar shards",
            Chapter::Cli => "La CLI: aws kinesis paso a paso",
            Chapter::Pipelines => "Batch, Lambda y Kappa",
            Chapter::Costs => "Costes y operación: modos, métricas, cifrado",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Chapter::Stream => "Stream and shards",
            Chapter::Hashing => "PartitionKey → MD5 → shard",
            Chapter::Records => "Records and sequence numbers",
            Chapter::Producers => "Producers and per-shard limits",
            Chapter::Consumers => "Consumers: polling, enhanced fan-out, KCL and Lambda",
            Chapter::Retention => "Retention and expiry",
            Chapter::Resharding => "Resharding: splitting and merging shards",
            Chapter::Cli => "The CLI: aws kinesis step by step",
            Chapter::Pipelines => "Batch, Lambda and Kappa",
            Chapter::Costs => "Cost and operations: modes, metrics, encryption",
        }
    }
}

/// A step's text, from the file of its chapter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StepText {
    /// Chapters 1–3.
    A(learn_a::Step),
    /// Chapters 4–6.
    B(learn_b::Step),
    /// Chapters 7–10 (9.4 Firehose, 10.3 metrics and 10.4 encryption and replicas added by #17).
    C(learn_c::Step),
}

impl StepText {
    /// The step's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            StepText::A(s) => s.title(lang),
            StepText::B(s) => s.title(lang),
            StepText::C(s) => s.title(lang),
        }
    }

    /// The step's text.
    pub fn body(self, lang: Lang) -> &'static str {
        match self {
            StepText::A(s) => s.body(lang),
            StepText::B(s) => s.body(lang),
            StepText::C(s) => s.body(lang),
        }
    }
}

keys! {
    /// A fixed string of the learn path and the teacher page.
    pub enum Text {
        /// The start page's heading.
        StartTitle,
        /// One sentence: what a stream is.
        StartWhat,
        /// The legend under the live animation.
        StartLegend,
        /// The big button to chapter 1.
        StartHere,
        /// The table of contents' heading.
        Contents,
        /// Screen-reader text of a done tick.
        Done,
        /// Previous step.
        Prev,
        /// Next step.
        Next,
        /// Back to the contents.
        ToContents,
        /// Label of a chapter's step dots.
        StepDots,
        /// "Try this" heading.
        TryThis,
        /// "Predict" heading.
        Predict,
        /// The check button.
        Check,
        /// Before checking: pick a choice.
        PickOne,
        /// A right answer.
        Right,
        /// A wrong answer.
        Wrong,
        /// Another question.
        Another,
        /// The question could not be asked here (no choices).
        NoQuestion,
        /// Stored progress could not be read and was reset.
        ProgressReset,
        /// The end of the path.
        TheEnd,
        /// Teacher page heading.
        TeachTitle,
        /// Teacher page intro.
        TeachIntro,
        /// The views' section heading.
        TeachViews,
        /// The panels' section heading.
        TeachPanels,
        /// Until the panel list arrives.
        TeachPanelsHelp,
        /// Copy button.
        Copy,
        /// After copying.
        Copied,
        /// Label of the link column.
        Link,
        /// Cost card heading.
        CostTitle,
        /// Provisioned mode.
        Provisioned,
        /// On-demand mode.
        OnDemand,
        /// Cost card's footnote.
        CostNote,
        /// The cheaper mode marker.
        Cheaper,
        /// Opens the step's view in the full app.
        OpenView,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::StartTitle => "Aprende Amazon Kinesis Data Streams viéndolo funcionar",
            Text::StartWhat => "Un stream (flujo de datos) lleva registros de los productores a los consumidores: por dentro se reparte en shards (fragmentos), carriles que guardan los registros en orden.",
            Text::StartLegend => "En vivo: el registro de actividad del curso. Cada punto es un registro que entra en un shard.",
            Text::StartHere => "Empieza aquí",
            Text::Contents => "Contenido",
            Text::Done => "hecho",
            Text::Prev => "← Anterior",
            Text::Next => "Siguiente →",
            Text::ToContents => "Índice",
            Text::StepDots => "Pasos del capítulo",
            Text::TryThis => "Prueba esto",
            Text::Predict => "Predice",
            Text::Check => "Comprobar",
            Text::PickOne => "Elige una respuesta antes de comprobar.",
            Text::Right => "¡Correcto!",
            Text::Wrong => "No es esa.",
            Text::Another => "Otra pregunta",
            Text::NoQuestion => "Aquí no se puede hacer la pregunta: el stream no tiene shards abiertos. Pulsa «Otra pregunta» o vuelve a abrir el paso.",
            Text::ProgressReset => "Tu progreso guardado no se podía leer y se ha empezado de cero.",
            Text::TheEnd => "Has llegado al final del recorrido. Vuelve al índice para repasar cualquier paso.",
            Text::TeachTitle => "Para docentes: enlaces e iframes",
            Text::TeachIntro => "Cada paso tiene su enlace. Con embed=1 se muestra solo el paso, con sus controles y sin pestañas: copia el fragmento <iframe> en tus apuntes o en el aula virtual.",
            Text::TeachViews => "Vistas completas",
            Text::TeachPanels => "Paneles sueltos",
            Text::TeachPanelsHelp => "Cada tarjeta de una vista, sola (panel=), para un iframe pequeño dentro de los apuntes.",
            Text::Copy => "Copiar",
            Text::Copied => "Copiado",
            Text::Link => "Enlace",
            Text::CostTitle => "Coste mensual con esta carga (us-east-1)",
            Text::Provisioned => "Aprovisionado (provisioned)",
            Text::OnDemand => "Bajo demanda (on-demand)",
            Text::CostNote => "Mes de 730 h a ritmo constante, cada registro leído una vez; sin capa gratuita ni impuestos. Precios orientativos.",
            Text::Cheaper => "más barato",
            Text::OpenView => "Abrir esta vista completa",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::StartTitle => "Learn Amazon Kinesis Data Streams by watching it work",
            Text::StartWhat => "A stream carries records from producers to consumers: inside, it is split into shards, lanes that keep the records in order.",
            Text::StartLegend => "Live: the course's activity log. Each dot is a record entering a shard.",
            Text::StartHere => "Start here",
            Text::Contents => "Contents",
            Text::Done => "done",
            Text::Prev => "← Previous",
            Text::Next => "Next →",
            Text::ToContents => "Contents",
            Text::StepDots => "Steps of the chapter",
            Text::TryThis => "Try this",
            Text::Predict => "Predict",
            Text::Check => "Check",
            Text::PickOne => "Pick an answer before checking.",
            Text::Right => "Right!",
            Text::Wrong => "Not that one.",
            Text::Another => "Another question",
            Text::NoQuestion => "The question cannot be asked here: the stream has no open shards. Press “Another question” or open the step again.",
            Text::ProgressReset => "Your saved progress could not be read, so it starts afresh.",
            Text::TheEnd => "You have reached the end of the path. Go back to the contents to review any step.",
            Text::TeachTitle => "For teachers: links and iframes",
            Text::TeachIntro => "Every step has its own link. With embed=1 it shows that step alone, with its controls and no tabs: copy the <iframe> snippet into your notes or your course site.",
            Text::TeachViews => "Whole views",
            Text::TeachPanels => "Single panels",
            Text::TeachPanelsHelp => "Each card of a view on its own (panel=), for a small iframe inside the course notes.",
            Text::Copy => "Copy",
            Text::Copied => "Copied",
            Text::Link => "Link",
            Text::CostTitle => "Monthly cost at this load (us-east-1)",
            Text::Provisioned => "Provisioned",
            Text::OnDemand => "On-demand",
            Text::CostNote => "A 730-hour month at a steady rate, each record read once; no free tier or taxes. Prices are indicative.",
            Text::Cheaper => "cheaper",
            Text::OpenView => "Open this view in full",
        }
    }
}

/// A message of the learn path with values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Where the student is: "Capítulo 3 · paso 2 de 3".
    StepOf {
        /// Chapter, from 1.
        chapter: u8,
        /// Step, from 1.
        step: u8,
        /// Steps in the chapter.
        steps: usize,
    },
    /// A chapter's heading in the contents: "3. Registros…".
    ChapterHeading {
        /// Chapter, from 1.
        chapter: u8,
        /// Its title.
        title: &'static str,
    },
    /// "Continuar: 3.2 …".
    Continue {
        /// Chapter, from 1.
        chapter: u8,
        /// Step, from 1.
        step: u8,
        /// The step's title.
        title: &'static str,
    },
    /// Steps seen and predictions right.
    ProgressCount {
        /// Steps seen.
        seen: usize,
        /// Steps in all.
        total: usize,
        /// Predictions answered right.
        right: usize,
    },
    /// The right answer, after a wrong one.
    RightWas {
        /// The choice's text.
        answer: String,
    },
    /// Try: PutRecord with a key.
    TryPut {
        /// The PartitionKey.
        key: &'static str,
    },
    /// Try: the producer's rate.
    TryRate {
        /// Records/s, already formatted.
        rate: String,
    },
    /// Try: hot keys.
    TryHot,
    /// Try: uniform keys.
    TryUniform,
    /// Try: UpdateShardCount.
    TryShards {
        /// Target shard count.
        shards: u32,
    },
    /// Try: clock speed.
    TrySpeed {
        /// The speed, as the speed menu writes it.
        speed: String,
    },
    /// Try: a console line.
    TryConsole {
        /// The line.
        line: &'static str,
    },
    /// A row of the cost card.
    CostLine {
        /// The mode.
        mode: &'static str,
        /// US$ a month, formatted.
        usd: String,
    },
    /// The load the cost card is for.
    CostLoad {
        /// Records/s, formatted.
        rate: String,
        /// Open shards.
        shards: usize,
    },
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::StepOf { chapter, step, steps } => format!("Capítulo {chapter} · paso {step} de {steps}"),
            Msg::ChapterHeading { chapter, title } => format!("{chapter}. {title}"),
            Msg::Continue { chapter, step, title } => format!("Continuar: {chapter}.{step} {title}"),
            Msg::ProgressCount { seen, total, right } => {
                format!("Has visto {seen} de {total} pasos y acertado {right} predicciones.")
            }
            Msg::RightWas { answer } => format!("La respuesta correcta era «{FSI}{answer}{PDI}»."),
            Msg::TryPut { key } => format!("PutRecord con PartitionKey «{key}»"),
            Msg::TryRate { rate } => format!("Ritmo: {rate} registros/s"),
            Msg::TryHot => "Claves calientes (hot keys)".into(),
            Msg::TryUniform => "Claves uniformes".into(),
            Msg::TryShards { shards } => format!("UpdateShardCount → {shards}"),
            Msg::TrySpeed { speed } => format!("Reloj a {speed}"),
            Msg::TryConsole { line } => format!("Ejecutar: {line}"),
            Msg::CostLine { mode, usd } => format!("{mode}: {usd} al mes"),
            Msg::CostLoad { rate, shards: 1 } => format!("{rate} registros/s en 1 shard"),
            Msg::CostLoad { rate, shards } => format!("{rate} registros/s en {shards} shards"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::StepOf { chapter, step, steps } => format!("Chapter {chapter} · step {step} of {steps}"),
            Msg::ChapterHeading { chapter, title } => format!("{chapter}. {title}"),
            Msg::Continue { chapter, step, title } => format!("Continue: {chapter}.{step} {title}"),
            Msg::ProgressCount { seen, total, right } => {
                format!("You have seen {seen} of {total} steps and got {right} predictions right.")
            }
            Msg::RightWas { answer } => format!("The right answer was “{FSI}{answer}{PDI}”."),
            Msg::TryPut { key } => format!("PutRecord with PartitionKey “{key}”"),
            Msg::TryRate { rate } => format!("Rate: {rate} records/s"),
            Msg::TryHot => "Hot keys".into(),
            Msg::TryUniform => "Uniform keys".into(),
            Msg::TryShards { shards } => format!("UpdateShardCount → {shards}"),
            Msg::TrySpeed { speed } => format!("Clock at {speed}"),
            Msg::TryConsole { line } => format!("Run: {line}"),
            Msg::CostLine { mode, usd } => format!("{mode}: {usd} a month"),
            Msg::CostLoad { rate, shards: 1 } => format!("{rate} records/s on 1 shard"),
            Msg::CostLoad { rate, shards } => format!("{rate} records/s on {shards} shards"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_text_has_both_languages() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
        assert_eq!(same_in_both(Chapter::ALL), vec![Chapter::Hashing], "only AWS names read the same");
        for step in learn_a::Step::ALL
            .iter()
            .map(|s| StepText::A(*s))
            .chain(learn_b::Step::ALL.iter().map(|s| StepText::B(*s)))
            .chain(learn_c::Step::ALL.iter().map(|s| StepText::C(*s)))
        {
            assert_ne!(step.title(Lang::Es), step.title(Lang::En), "{step:?}");
        }
    }
}
