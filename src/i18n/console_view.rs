//! Text of the console view (`#/console`): the terminal's labels, and the course's CLI tutorial
//! as a guided level (each step, what to look for, and where the printed tutorial differs from
//! what AWS answers today). Spanish and English, one exhaustive match each.

use super::lang::{keys, Phrase};

keys! {
    /// A fixed string of the console view.
    pub enum Text {
        /// The view's heading.
        Title,
        /// What the console is, under the heading.
        Intro,
        /// Label of the prompt field.
        PromptLabel,
        /// The button that runs the prompt's line.
        Run,
        /// The button that empties the scrollback.
        Clear,
        /// Keys of the prompt.
        KeysHelp,
        /// Label of the CLI version picker.
        CliVersion,
        /// The v2 option.
        CliV2,
        /// The v1 option.
        CliV1,
        /// The fold with the HTTP exchanges of a command.
        HttpFold,
        /// The request part of an exchange.
        Request,
        /// The response part of an exchange.
        Response,
        /// A command's exit status label.
        ExitStatus,
        /// The scrollback's label for screen readers.
        Scrollback,
        /// The scrollback before any command.
        Empty,
        /// The level's heading.
        LevelTitle,
        /// The level's introduction.
        LevelIntro,
        /// The button that types a step's command into the prompt.
        Type,
        /// "What to look for" label.
        LookFor,
        /// A done step.
        Done,
        /// A step to do.
        ToDo,
        /// All steps done.
        AllDone,
        /// Heading of the differences with the printed tutorial.
        DiffTitle,
        /// The hash key difference.
        DiffHashKey,
        /// The ARN difference.
        DiffArn,
        /// The timestamps difference.
        DiffTimestamps,
        /// The v1/v2 blob difference.
        DiffBlob,
        /// The error message's wording.
        DiffError,
        /// Yours: a record put in the console.
        Yours,
        /// A stream created in the console, in the views' stream picker.
        ConsoleStream,
    }
}

keys! {
    /// A step of the tutorial level, in order.
    pub enum Step {
        /// create-stream.
        Create,
        /// describe-stream while CREATING.
        DescribeCreating,
        /// Let time pass until ACTIVE.
        Wait,
        /// describe-stream when ACTIVE.
        DescribeActive,
        /// list-streams.
        List,
        /// put-record.
        Put,
        /// get-shard-iterator.
        Iterator,
        /// The `$(… --query 'ShardIterator')` form and its JSON quotes.
        Trap,
        /// The fix with `--output text`, and get-records.
        Read,
        /// delete-stream.
        Delete,
        /// describe-stream: not found.
        Gone,
    }
}

impl Step {
    /// What to look for in the answer.
    pub fn look_for(self) -> StepLook {
        StepLook(self)
    }
}

/// What to look for in a step's answer (the second text of a [`Step`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepLook(pub Step);

impl Phrase for Step {
    fn es(self) -> &'static str {
        match self {
            Step::Create => "Crea el stream «Foo» con un shard",
            Step::DescribeCreating => "Consulta el stream: aún se está creando",
            Step::Wait => "Deja pasar el tiempo hasta que esté ACTIVE",
            Step::DescribeActive => "Consúltalo otra vez: ACTIVE, con su shard",
            Step::List => "Lista los streams",
            Step::Put => "Escribe un registro («testdata»)",
            Step::Iterator => "Pide un iterador del shard (TRIM_HORIZON)",
            Step::Trap => "La trampa del tutorial: el iterador guardado con --query",
            Step::Read => "El arreglo: --output text, y lee el registro",
            Step::Delete => "Borra el stream",
            Step::Gone => "Compruébalo: ya no existe",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Step::Create => "Create the stream “Foo” with one shard",
            Step::DescribeCreating => "Describe the stream: it is still being created",
            Step::Wait => "Let time pass until it is ACTIVE",
            Step::DescribeActive => "Describe it again: ACTIVE, with its shard",
            Step::List => "List the streams",
            Step::Put => "Put a record (“testdata”)",
            Step::Iterator => "Get a shard iterator (TRIM_HORIZON)",
            Step::Trap => "The tutorial's trap: the iterator saved with --query",
            Step::Read => "The fix: --output text, and read the record",
            Step::Delete => "Delete the stream",
            Step::Gone => "Check it: it no longer exists",
        }
    }
}

impl Phrase for StepLook {
    fn es(self) -> &'static str {
        match self.0 {
            Step::Create => "Si va bien, create-stream no imprime nada.",
            Step::DescribeCreating => "\"StreamStatus\": \"CREATING\" y \"Shards\": []: todavía no se puede usar.",
            Step::Wait => "Pulsa Reproducir, escribe «sleep 10» o usa el waiter, que pregunta cada 10 s (como mucho 18 veces) y avanza el reloj simulado.",
            Step::DescribeActive => "\"StreamStatus\": \"ACTIVE\" y un shard, shardId-000000000000, con su HashKeyRange (de 0 a 2^128−1) y su primer SequenceNumber.",
            Step::List => "\"StreamNames\" con \"Foo\" (y el stream del escenario, que también está en esta cuenta simulada).",
            Step::Put => "El ShardId donde cayó (el único: shardId-000000000000) y su SequenceNumber de 56 dígitos. El registro aparece marcado como tuyo en Flujo, Hashing y Retención si eliges «Foo».",
            Step::Iterator => "Un \"ShardIterator\": una cadena larga y opaca que caduca a los 5 minutos.",
            Step::Trap => "InvalidArgumentException. Con la salida json por defecto, --query 'ShardIterator' imprime la cadena CON sus comillas JSON; la variable las guarda y get-records recibe un iterador entre comillas, que no es válido. Compruébalo con «echo $SHARD_ITERATOR». Así lo hace también la CLI real.",
            Step::Read => "Con --output text la CLI imprime el iterador sin comillas. get-records devuelve \"Records\" con tu registro (Data en base64), \"MillisBehindLatest\" y \"NextShardIterator\" para seguir leyendo.",
            Step::Delete => "Si va bien, delete-stream no imprime nada; el stream pasa a DELETING.",
            Step::Gone => "Pasados unos segundos (sleep 5): ResourceNotFoundException, «Stream Foo under account … not found».",
        }
    }

    fn en(self) -> &'static str {
        match self.0 {
            Step::Create => "When it works, create-stream prints nothing.",
            Step::DescribeCreating => "\"StreamStatus\": \"CREATING\" and \"Shards\": []: it cannot be used yet.",
            Step::Wait => "Press Play, type “sleep 10” or use the waiter, which asks every 10 s (18 times at most) and moves the simulated clock on.",
            Step::DescribeActive => "\"StreamStatus\": \"ACTIVE\" and one shard, shardId-000000000000, with its HashKeyRange (0 to 2^128−1) and its first SequenceNumber.",
            Step::List => "\"StreamNames\" with \"Foo\" (and the scenario's stream, which is in this simulated account too).",
            Step::Put => "The ShardId it landed in (the only one: shardId-000000000000) and its 56-digit SequenceNumber. The record shows as yours in Flow, Hashing and Retention when you pick “Foo”.",
            Step::Iterator => "A \"ShardIterator\": a long opaque string that expires after 5 minutes.",
            Step::Trap => "InvalidArgumentException. With the default json output, --query 'ShardIterator' prints the string WITH its JSON quotes; the variable keeps them and get-records gets a quoted iterator, which is invalid. Check it with “echo $SHARD_ITERATOR”. The real CLI does the same.",
            Step::Read => "With --output text the CLI prints the iterator without quotes. get-records returns \"Records\" with your record (Data in base64), \"MillisBehindLatest\" and \"NextShardIterator\" to read on.",
            Step::Delete => "When it works, delete-stream prints nothing; the stream goes DELETING.",
            Step::Gone => "A few seconds later (sleep 5): ResourceNotFoundException, “Stream Foo under account … not found”.",
        }
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Title => "Consola: aws kinesis",
            Text::Intro => "Escribe comandos de la AWS CLI como en una terminal: actúan sobre el mismo stream simulado que ves en las demás vistas. No hace falta cuenta de AWS: nada sale de tu navegador.",
            Text::PromptLabel => "Comando",
            Text::Run => "Ejecutar",
            Text::Clear => "Limpiar",
            Text::KeysHelp => "Intro ejecuta · ↑/↓ historial · Tab completa · Ctrl+L limpia · pegar varias líneas las ejecuta en orden",
            Text::CliVersion => "CLI emulada",
            Text::CliV2 => "AWS CLI v2 (la actual)",
            Text::CliV1 => "AWS CLI v1 (la del tutorial)",
            Text::HttpFold => "Petición HTTP (la CLI es la API)",
            Text::Request => "Petición",
            Text::Response => "Respuesta",
            Text::ExitStatus => "código de salida",
            Text::Scrollback => "Salida de la consola",
            Text::Empty => "Prueba: aws kinesis help · aws kinesis list-streams · o sigue el tutorial de al lado.",
            Text::LevelTitle => "Tutorial del curso: la CLI paso a paso",
            Text::LevelIntro => "Los pasos del tutorial «Basic Kinesis Data Stream Operations Using the AWS CLI». «Escribir» pone el comando en la consola; pulsa Intro para ejecutarlo. Cada paso se marca solo cuando el stream simulado lo refleja.",
            Text::Type => "Escribir",
            Text::LookFor => "Fíjate en",
            Text::Done => "hecho",
            Text::ToDo => "pendiente",
            Text::AllDone => "¡Tutorial completo! Has creado, escrito, leído y borrado un stream como con la CLI real.",
            Text::DiffTitle => "Dónde difiere el tutorial impreso de lo que AWS responde hoy",
            Text::DiffHashKey => "EndingHashKey: el tutorial imprime 170141183460469231731687303715884105727 (2^127−1). AWS, y esta simulación, responden 340282366920938463463374607431768211455 (2^128−1): MD5 da claves de 128 bits y un único shard cubre todo el rango.",
            Text::DiffArn => "StreamARN: el tutorial pone «us-west-2:account-id». Un ARN real nombra la región y la cuenta de 12 dígitos; aquí, us-east-1 y la cuenta simulada 000000000000.",
            Text::DiffTimestamps => "Fechas: el tutorial muestra ApproximateArrivalTimestamp como 1.441215410867E9 (segundos desde 1970, como los imprime la CLI v1). La CLI v2 los escribe en ISO 8601 (2026-…T…+00:00). Las fechas y los números de secuencia de aquí son los de este reloj simulado.",
            Text::DiffBlob => "Data: con la CLI v1, --data testdata guarda el texto «testdata» y get-records muestra dGVzdGRhdGE= (su base64), como en el tutorial. La CLI v2 espera base64 en --data: «testdata» se decodifica a 6 bytes raros y get-records muestra \"testdata\". Para guardar el texto con la v2: --cli-binary-format raw-in-base64-out.",
            Text::DiffError => "El error final: el tutorial dice «A client error (ResourceNotFoundException) occurred…», el texto de una CLI antigua. Hoy la v1 dice «An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: …» y la v2 lo mismo tras «aws: [ERROR]: ».",
            Text::Yours => "tuyo (consola)",
            Text::ConsoleStream => "creado en la consola",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Title => "Console: aws kinesis",
            Text::Intro => "Type AWS CLI commands as in a terminal: they act on the same simulated stream the other views show. No AWS account needed: nothing leaves your browser.",
            Text::PromptLabel => "Command",
            Text::Run => "Run",
            Text::Clear => "Clear",
            Text::KeysHelp => "Enter runs · ↑/↓ history · Tab completes · Ctrl+L clears · pasting several lines runs them in order",
            Text::CliVersion => "Emulated CLI",
            Text::CliV2 => "AWS CLI v2 (current)",
            Text::CliV1 => "AWS CLI v1 (the tutorial's)",
            Text::HttpFold => "HTTP request (the CLI is the API)",
            Text::Request => "Request",
            Text::Response => "Response",
            Text::ExitStatus => "exit status",
            Text::Scrollback => "Console output",
            Text::Empty => "Try: aws kinesis help · aws kinesis list-streams · or follow the tutorial alongside.",
            Text::LevelTitle => "The course's tutorial: the CLI step by step",
            Text::LevelIntro => "The steps of the tutorial “Basic Kinesis Data Stream Operations Using the AWS CLI”. “Type” puts the command in the console; press Enter to run it. Each step ticks by itself when the simulated stream shows it.",
            Text::Type => "Type",
            Text::LookFor => "Look for",
            Text::Done => "done",
            Text::ToDo => "to do",
            Text::AllDone => "Tutorial complete! You created, wrote to, read from and deleted a stream as with the real CLI.",
            Text::DiffTitle => "Where the printed tutorial differs from what AWS answers today",
            Text::DiffHashKey => "EndingHashKey: the tutorial prints 170141183460469231731687303715884105727 (2^127−1). AWS, and this simulation, answer 340282366920938463463374607431768211455 (2^128−1): MD5 gives 128-bit keys and a single shard covers the whole range.",
            Text::DiffArn => "StreamARN: the tutorial has “us-west-2:account-id”. A real ARN names the region and the 12-digit account; here, us-east-1 and the simulated account 000000000000.",
            Text::DiffTimestamps => "Timestamps: the tutorial shows ApproximateArrivalTimestamp as 1.441215410867E9 (seconds since 1970, as CLI v1 prints them). CLI v2 writes ISO 8601 (2026-…T…+00:00). Times and sequence numbers here come from this simulated clock.",
            Text::DiffBlob => "Data: with CLI v1, --data testdata stores the text “testdata” and get-records shows dGVzdGRhdGE= (its base64), as in the tutorial. CLI v2 expects base64 in --data: “testdata” decodes to 6 odd bytes and get-records shows \"testdata\". To store the text with v2: --cli-binary-format raw-in-base64-out.",
            Text::DiffError => "The last error: the tutorial says “A client error (ResourceNotFoundException) occurred…”, an old CLI's wording. Today v1 says “An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: …” and v2 the same after “aws: [ERROR]: ”.",
            Text::Yours => "yours (console)",
            Text::ConsoleStream => "created in the console",
        }
    }
}
