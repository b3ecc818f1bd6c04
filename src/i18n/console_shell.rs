//! Text of the console's minimal shell (`console::shell`): what it says when a line uses more
//! than the tutorial needs. Spanish and English, one exhaustive match each. Bash's own
//! vocabulary (`$(…)`, `NAME=value`) stays as typed.

use super::lang::Message;

/// A message of the shell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellText {
    /// A program other than the shell's few.
    NotAvailable(String),
    /// A construct the shell does not run (`|`, `;`, `&&`, `>`, backquotes, `$((…))`).
    Unsupported(String),
    /// A quote opened and never closed.
    UnclosedQuote,
    /// `$(` without its `)`.
    UnclosedSubstitution,
    /// `${…}` that is not `${NAME}`.
    BadSubstitution,
    /// `$( $( … ) )` nested too deep.
    TooDeep,
    /// `NAME=value command`: a variable for one command only.
    NoEnvPrefix,
    /// `sleep` without exactly one argument.
    SleepUsage,
    /// `sleep` with something that is not a number of seconds.
    SleepInvalid(String),
    /// `sleep` for more than five minutes.
    SleepTooLong,
    /// A line longer than the shell takes.
    LineTooLong,
}

const AVAILABLE_ES: &str = "aquí solo hay aws, echo, sleep, clear, history y NOMBRE=valor";
const AVAILABLE_EN: &str = "here there are only aws, echo, sleep, clear, history and NAME=value";

impl Message for ShellText {
    fn es(&self) -> String {
        match self {
            ShellText::NotAvailable(p) => format!("{p}: no está disponible en esta consola ({AVAILABLE_ES})"),
            ShellText::Unsupported(op) => {
                format!("«{op}» no está disponible en esta consola: escribe un comando por línea ({AVAILABLE_ES})")
            }
            ShellText::UnclosedQuote => "error de sintaxis: falta cerrar una comilla (' o \")".into(),
            ShellText::UnclosedSubstitution => "error de sintaxis: falta el «)» que cierra «$(»".into(),
            ShellText::BadSubstitution => "sustitución incorrecta: usa $NOMBRE o ${NOMBRE}".into(),
            ShellText::TooDeep => "demasiados $( … ) anidados".into(),
            ShellText::NoEnvPrefix => {
                "NOMBRE=valor delante de un comando no está disponible: escríbelo en su propia línea".into()
            }
            ShellText::SleepUsage => "sleep: indica los segundos, por ejemplo: sleep 10".into(),
            ShellText::SleepInvalid(a) => {
                format!("sleep: «{a}» no es un número de segundos válido (por ejemplo: sleep 10)")
            }
            ShellText::SleepTooLong => {
                "sleep: como mucho cinco minutos (300 s); para más tiempo, usa Reproducir".into()
            }
            ShellText::LineTooLong => "la línea es demasiado larga (más de 100 000 caracteres)".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            ShellText::NotAvailable(p) => format!("{p}: not available in this console ({AVAILABLE_EN})"),
            ShellText::Unsupported(op) => {
                format!("“{op}” is not available in this console: write one command per line ({AVAILABLE_EN})")
            }
            ShellText::UnclosedQuote => "syntax error: a quote (' or \") is never closed".into(),
            ShellText::UnclosedSubstitution => "syntax error: the “)” closing “$(” is missing".into(),
            ShellText::BadSubstitution => "bad substitution: use $NAME or ${NAME}".into(),
            ShellText::TooDeep => "too many nested $( … )".into(),
            ShellText::NoEnvPrefix => "NAME=value before a command is not available: put it on its own line".into(),
            ShellText::SleepUsage => "sleep: give the seconds, for example: sleep 10".into(),
            ShellText::SleepInvalid(a) => {
                format!("sleep: “{a}” is not a valid number of seconds (for example: sleep 10)")
            }
            ShellText::SleepTooLong => "sleep: five minutes (300 s) at most; for longer, use Play".into(),
            ShellText::LineTooLong => "the line is too long (over 100,000 characters)".into(),
        }
    }
}

/// A note of the console beside a command's output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleNote {
    /// The stream is CREATING.
    Creating,
    /// The stream is UPDATING (resharding, retention, mode).
    Updating,
    /// The stream is DELETING.
    Deleting,
    /// AWS refused the call because the stream is not ACTIVE (ResourceInUseException).
    InUse,
}

const LET_TIME_PASS_ES: &str = "Para dejar pasar el tiempo: pulsa Reproducir, escribe «sleep 10» o «aws kinesis wait stream-exists --stream-name …» (el waiter pregunta cada 10 s).";
const LET_TIME_PASS_EN: &str = "To let time pass: press Play, type “sleep 10” or “aws kinesis wait stream-exists --stream-name …” (the waiter asks every 10 s).";

impl Message for ConsoleNote {
    fn es(&self) -> String {
        let what = match self {
            ConsoleNote::Creating => "El stream aún se está creando (CREATING): en AWS tarda unos segundos; aquí, 5 s de tiempo simulado.",
            ConsoleNote::Updating => "El stream se está actualizando (UPDATING): en este modelo tarda 3 s de tiempo simulado.",
            ConsoleNote::Deleting => "El stream se está borrando (DELETING): en este modelo tarda 3 s de tiempo simulado; después, describe-stream dirá que no existe.",
            ConsoleNote::InUse => "AWS lo rechaza porque el stream no está ACTIVE todavía (ResourceInUseException).",
        };
        format!("{what} {LET_TIME_PASS_ES}")
    }

    fn en(&self) -> String {
        let what = match self {
            ConsoleNote::Creating => "The stream is still being created (CREATING): on AWS it takes seconds; here, 5 s of simulated time.",
            ConsoleNote::Updating => "The stream is being updated (UPDATING): in this model it takes 3 s of simulated time.",
            ConsoleNote::Deleting => "The stream is being deleted (DELETING): in this model it takes 3 s of simulated time; then describe-stream says it does not exist.",
            ConsoleNote::InUse => "AWS refuses it because the stream is not ACTIVE yet (ResourceInUseException).",
        };
        format!("{what} {LET_TIME_PASS_EN}")
    }
}
