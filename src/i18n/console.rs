//! Text of the `aws kinesis` console's CLI (`console::cli`): the help pages (`aws help`,
//! `aws kinesis help`, `aws kinesis <command> help`) and the console's notes beside the CLI's
//! own output. Spanish and English, one exhaustive match each.
//!
//! The CLI's own output (JSON answers, AWS's error messages, usage errors) is never translated:
//! it is what the real AWS CLI prints. AWS names stay visible next to the Spanish glosses
//! (`StreamName`, `TRIM_HORIZON`, `ShardIteratorType`).
//!
//! Size: the help of every command and option of the Kinesis model as exhaustive matches, so
//! that a command or option without its translation does not compile; split by kind (fixed
//! texts, commands, options, notes).

use super::lang::{keys, Message, Phrase};

keys! {
    /// A fixed string of the console's help and notes.
    pub enum Text {
        /// NAME
        Name,
        /// DESCRIPTION
        Description,
        /// SYNOPSIS
        Synopsis,
        /// OPTIONS
        Options,
        /// GLOBAL OPTIONS
        GlobalOptions,
        /// AVAILABLE COMMANDS
        AvailableCommands,
        /// AVAILABLE SERVICES
        AvailableServices,
        /// [required]
        Required,
        /// Constraints:
        Constraints,
        /// Possible values:
        PossibleValues,
        /// Shorthand syntax:
        ShorthandSyntax,
        /// JSON syntax:
        JsonSyntax,
        /// (not simulated)
        NotSimulated,
        /// CONSOLE ONLY
        ConsoleOnly,
        /// The emulation notice of every help page.
        Emulation,
        /// Kinesis: what the service is.
        KinesisAbout,
        /// `aws help`: what the CLI is.
        AwsAbout,
        /// Where to get help for a command.
        HelpUsage,
        /// The paging note of paginated commands.
        Paginated,
        /// How the waiter polls.
        WaitAbout,
        /// `--debug`: the console shows the exchanges instead of a debug log.
        DebugNote,
        /// `--no-sign-request`: the simulated endpoint does not check signatures.
        NoSignNote,
        /// `--no-verify-ssl`: there is no TLS in the console.
        NoVerifySslNote,
        /// `--profile`: there are no profiles in the console.
        ProfileNote,
        /// `--cli-auto-prompt` is not available.
        AutoPromptNote,
        /// The text under a quoted shard iterator.
        QuotedIterator,
        /// The waiter's wait, when a stream is still CREATING.
        HowToWait,
    }
}

impl Phrase for Text {
    fn es(self) -> &'static str {
        match self {
            Text::Name => "NOMBRE",
            Text::Description => "DESCRIPCIÓN",
            Text::Synopsis => "SINOPSIS",
            Text::Options => "OPCIONES",
            Text::GlobalOptions => "OPCIONES GLOBALES",
            Text::AvailableCommands => "COMANDOS DISPONIBLES",
            Text::AvailableServices => "SERVICIOS DISPONIBLES",
            Text::Required => "[obligatoria]",
            Text::Constraints => "Restricciones (las comprueba el servicio, salvo min):",
            Text::PossibleValues => "Valores posibles:",
            Text::ShorthandSyntax => "Sintaxis abreviada (shorthand):",
            Text::JsonSyntax => "Sintaxis JSON:",
            Text::NotSimulated => "(no simulado: el motor responde UnknownOperationException)",
            Text::ConsoleOnly => "SOLO EN ESTA CONSOLA",
            Text::Emulation => "Esta consola emula la AWS CLI (la versión que dice `aws --version`) contra el motor simulado de Kinesis: mismas opciones, mismas respuestas JSON, mismos errores y códigos de salida. Las ayudas son de la consola, en español; las de la CLI real salen con `aws <comando> help` en una terminal.",
            Text::KinesisAbout => "Amazon Kinesis Data Streams: streams de registros (records) repartidos en shards por su clave de partición (PartitionKey). Cada comando es una operación de la API (CreateStream, PutRecord, GetRecords…).",
            Text::AwsAbout => "La AWS Command Line Interface (CLI) gestiona los servicios de AWS desde la línea de órdenes. En esta consola solo está el servicio kinesis.",
            Text::HelpUsage => "Usa `aws kinesis <comando> help` para ver la sinopsis y las opciones de un comando.",
            Text::Paginated => "Operación paginada: sin opciones, la CLI llama varias veces y junta las páginas. --max-items N corta tras N elementos y da un NextToken para --starting-token; --page-size fija el límite de cada llamada; --no-paginate hace una sola llamada.",
            Text::WaitAbout => "Espera hasta que se cumpla una condición, consultando la API: cada 10 s (de tiempo simulado) hasta 18 veces. No imprime nada si lo logra; falla con código 255 si no.",
            Text::DebugNote => "--debug: la CLI real escribiría su registro de depuración en stderr; aquí cada petición HTTP (X-Amz-Target, cuerpo JSON) y su respuesta se ven en el desplegable bajo el comando.",
            Text::NoSignNote => "--no-sign-request: la CLI no firmaría la petición (SigV4). AWS la rechazaría; el endpoint simulado no comprueba firmas.",
            Text::NoVerifySslNote => "--no-verify-ssl: no hay TLS en esta consola, así que no cambia nada (la CLI real avisaría en stderr de que la conexión no se verifica).",
            Text::ProfileNote => "Esta consola no tiene ficheros de configuración (~/.aws/config, ~/.aws/credentials): ningún perfil existe, como en una CLI recién instalada con credenciales en variables de entorno.",
            Text::AutoPromptNote => "--cli-auto-prompt abre el asistente interactivo de la CLI v2, que esta consola no tiene: escribe el comando completo (Tab completa comandos y opciones).",
            Text::QuotedIterator => "El iterador lleva comillas: --query con la salida json por defecto imprime \"AAAA…\" entre comillas, y $(…) las conserva. Usa --output text al guardarlo: SHARD_ITERATOR=$(aws kinesis get-shard-iterator … --query 'ShardIterator' --output text).",
            Text::HowToWait => "El stream tarda en estar ACTIVE: deja pasar el tiempo con play, `sleep 10` o `aws kinesis wait stream-exists --stream-name …`.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Text::Name => "NAME",
            Text::Description => "DESCRIPTION",
            Text::Synopsis => "SYNOPSIS",
            Text::Options => "OPTIONS",
            Text::GlobalOptions => "GLOBAL OPTIONS",
            Text::AvailableCommands => "AVAILABLE COMMANDS",
            Text::AvailableServices => "AVAILABLE SERVICES",
            Text::Required => "[required]",
            Text::Constraints => "Constraints (the service checks them, except min):",
            Text::PossibleValues => "Possible values:",
            Text::ShorthandSyntax => "Shorthand Syntax:",
            Text::JsonSyntax => "JSON Syntax:",
            Text::NotSimulated => "(not simulated: the engine answers UnknownOperationException)",
            Text::ConsoleOnly => "CONSOLE ONLY",
            Text::Emulation => "This console emulates the AWS CLI (the version `aws --version` names) against the simulated Kinesis engine: the same options, the same JSON answers, the same errors and exit statuses. These help pages are the console's own; the real CLI's come with `aws <command> help` in a terminal.",
            Text::KinesisAbout => "Amazon Kinesis Data Streams: streams of records spread over shards by their partition key (PartitionKey). Each command is an API operation (CreateStream, PutRecord, GetRecords…).",
            Text::AwsAbout => "The AWS Command Line Interface (CLI) manages AWS services from the command line. This console has the kinesis service only.",
            Text::HelpUsage => "Use `aws kinesis <command> help` for a command's synopsis and options.",
            Text::Paginated => "A paginated operation: without options the CLI calls it several times and merges the pages. --max-items N stops after N items and gives a NextToken for --starting-token; --page-size sets each call's limit; --no-paginate makes one call.",
            Text::WaitAbout => "Waits until a condition holds, polling the API: every 10 s (of simulated time), up to 18 times. Prints nothing on success; fails with exit status 255 otherwise.",
            Text::DebugNote => "--debug: the real CLI would write its debug log to stderr; here each HTTP request (X-Amz-Target, JSON body) and its answer are in the fold under the command.",
            Text::NoSignNote => "--no-sign-request: the CLI would not sign the request (SigV4). AWS would refuse it; the simulated endpoint does not check signatures.",
            Text::NoVerifySslNote => "--no-verify-ssl: there is no TLS in this console, so nothing changes (the real CLI would warn on stderr that the connection is not verified).",
            Text::ProfileNote => "This console has no configuration files (~/.aws/config, ~/.aws/credentials): no profile exists, as in a freshly installed CLI with credentials in environment variables.",
            Text::AutoPromptNote => "--cli-auto-prompt opens AWS CLI v2's interactive prompt, which this console does not have: type the whole command (Tab completes commands and options).",
            Text::QuotedIterator => "The iterator has quotes: --query with the default json output prints \"AAAA…\" in quotes, and $(…) keeps them. Use --output text to store it: SHARD_ITERATOR=$(aws kinesis get-shard-iterator … --query 'ShardIterator' --output text).",
            Text::HowToWait => "The stream takes time to become ACTIVE: let time pass with play, `sleep 10` or `aws kinesis wait stream-exists --stream-name …`.",
        }
    }
}

keys! {
    /// A command of `aws kinesis`, for its one-line description.
    pub enum Command {
        /// AddTagsToStream
        AddTagsToStream,
        /// CreateStream
        CreateStream,
        /// DecreaseStreamRetentionPeriod
        DecreaseStreamRetentionPeriod,
        /// DeleteResourcePolicy
        DeleteResourcePolicy,
        /// DeleteStream
        DeleteStream,
        /// DeregisterStreamConsumer
        DeregisterStreamConsumer,
        /// DescribeAccountSettings
        DescribeAccountSettings,
        /// DescribeLimits
        DescribeLimits,
        /// DescribeStream
        DescribeStream,
        /// DescribeStreamConsumer
        DescribeStreamConsumer,
        /// DescribeStreamSummary
        DescribeStreamSummary,
        /// DisableEnhancedMonitoring
        DisableEnhancedMonitoring,
        /// EnableEnhancedMonitoring
        EnableEnhancedMonitoring,
        /// GetRecords
        GetRecords,
        /// GetResourcePolicy
        GetResourcePolicy,
        /// GetShardIterator
        GetShardIterator,
        /// IncreaseStreamRetentionPeriod
        IncreaseStreamRetentionPeriod,
        /// ListShards
        ListShards,
        /// ListStreamConsumers
        ListStreamConsumers,
        /// ListStreams
        ListStreams,
        /// ListTagsForResource
        ListTagsForResource,
        /// ListTagsForStream
        ListTagsForStream,
        /// MergeShards
        MergeShards,
        /// PutRecord
        PutRecord,
        /// PutRecords
        PutRecords,
        /// PutResourcePolicy
        PutResourcePolicy,
        /// RegisterStreamConsumer
        RegisterStreamConsumer,
        /// RemoveTagsFromStream
        RemoveTagsFromStream,
        /// SplitShard
        SplitShard,
        /// StartStreamEncryption
        StartStreamEncryption,
        /// StopStreamEncryption
        StopStreamEncryption,
        /// SubscribeToShard (console only)
        SubscribeToShard,
        /// TagResource
        TagResource,
        /// UntagResource
        UntagResource,
        /// UpdateAccountSettings
        UpdateAccountSettings,
        /// UpdateMaxRecordSize
        UpdateMaxRecordSize,
        /// UpdateShardCount
        UpdateShardCount,
        /// UpdateStreamMode
        UpdateStreamMode,
        /// UpdateStreamWarmThroughput
        UpdateStreamWarmThroughput,
        /// wait
        Wait,
        /// wait stream-exists
        StreamExists,
        /// wait stream-not-exists
        StreamNotExists,
    }
}

impl Command {
    /// The command of an API operation (`CreateStream`) or waiter (`StreamExists`), or `wait`.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| format!("{c:?}") == name || (name == "wait" && *c == Command::Wait))
    }
}

impl Phrase for Command {
    fn es(self) -> &'static str {
        match self {
            Command::AddTagsToStream => "Añade etiquetas (tags) a un stream.",
            Command::CreateStream => "Crea un stream: nace en CREATING y pasa a ACTIVE al cabo de unos segundos.",
            Command::DecreaseStreamRetentionPeriod => "Acorta la retención (RetentionPeriodHours) de un stream; borra los registros más antiguos.",
            Command::DeleteResourcePolicy => "Borra la política de recursos (resource policy) de un stream o consumidor.",
            Command::DeleteStream => "Borra un stream: pasa a DELETING y luego desaparece con sus shards y registros.",
            Command::DeregisterStreamConsumer => "Da de baja un consumidor de fan-out mejorado (enhanced fan-out).",
            Command::DescribeAccountSettings => "Describe la configuración de Kinesis de la cuenta.",
            Command::DescribeLimits => "Muestra los límites de la cuenta: shards permitidos y abiertos, streams on-demand.",
            Command::DescribeStream => "Describe un stream: estado (StreamStatus), shards con sus rangos de hash y de números de secuencia.",
            Command::DescribeStreamConsumer => "Describe un consumidor de fan-out mejorado (ConsumerARN, estado).",
            Command::DescribeStreamSummary => "Resume un stream sin listar sus shards (OpenShardCount, estado, retención).",
            Command::DisableEnhancedMonitoring => "Desactiva métricas de CloudWatch por shard.",
            Command::EnableEnhancedMonitoring => "Activa métricas de CloudWatch por shard.",
            Command::GetRecords => "Lee registros de un shard a partir de un iterador (ShardIterator); devuelve NextShardIterator.",
            Command::GetResourcePolicy => "Muestra la política de recursos de un stream o consumidor.",
            Command::GetShardIterator => "Obtiene un iterador para leer un shard (TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER…).",
            Command::IncreaseStreamRetentionPeriod => "Alarga la retención (RetentionPeriodHours) de un stream, hasta 8760 h.",
            Command::ListShards => "Lista los shards de un stream, con filtros (ShardFilter) y paginación.",
            Command::ListStreamConsumers => "Lista los consumidores de fan-out mejorado de un stream.",
            Command::ListStreams => "Lista los streams de la cuenta en la región.",
            Command::ListTagsForResource => "Lista las etiquetas de un recurso por su ARN.",
            Command::ListTagsForStream => "Lista las etiquetas (tags) de un stream.",
            Command::MergeShards => "Fusiona dos shards adyacentes en uno (resharding).",
            Command::PutRecord => "Escribe un registro (record) en un stream; su PartitionKey decide el shard.",
            Command::PutRecords => "Escribe varios registros (hasta 500) en una llamada; cada uno puede fallar por separado.",
            Command::PutResourcePolicy => "Asigna una política de recursos a un stream o consumidor.",
            Command::RegisterStreamConsumer => "Registra un consumidor de fan-out mejorado (2 MB/s por shard para él solo).",
            Command::RemoveTagsFromStream => "Quita etiquetas (tags) de un stream.",
            Command::SplitShard => "Divide un shard en dos por un NewStartingHashKey (resharding).",
            Command::StartStreamEncryption => "Activa el cifrado en servidor (KMS) de un stream.",
            Command::StopStreamEncryption => "Desactiva el cifrado en servidor de un stream.",
            Command::SubscribeToShard => "Suscribe un consumidor de fan-out mejorado a un shard (flujo de eventos HTTP/2).",
            Command::TagResource => "Añade etiquetas a un recurso por su ARN.",
            Command::UntagResource => "Quita etiquetas de un recurso por su ARN.",
            Command::UpdateAccountSettings => "Cambia la configuración de Kinesis de la cuenta.",
            Command::UpdateMaxRecordSize => "Cambia el tamaño máximo de registro de un stream.",
            Command::UpdateShardCount => "Cambia el número de shards abiertos (UNIFORM_SCALING): divide o fusiona por ti.",
            Command::UpdateStreamMode => "Cambia el modo de capacidad: PROVISIONED u ON_DEMAND.",
            Command::UpdateStreamWarmThroughput => "Cambia el rendimiento precalentado (warm throughput) de un stream on-demand.",
            Command::Wait => "Espera a que un stream exista o deje de existir (stream-exists, stream-not-exists).",
            Command::StreamExists => "Espera hasta que StreamDescription.StreamStatus sea ACTIVE (DescribeStream cada 10 s, 18 veces como mucho).",
            Command::StreamNotExists => "Espera hasta que DescribeStream responda ResourceNotFoundException (cada 10 s, 18 veces como mucho).",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Command::AddTagsToStream => "Adds tags to a stream.",
            Command::CreateStream => "Creates a stream: it starts CREATING and becomes ACTIVE a few seconds later.",
            Command::DecreaseStreamRetentionPeriod => {
                "Shortens a stream's retention (RetentionPeriodHours); older records are deleted."
            }
            Command::DeleteResourcePolicy => "Deletes the resource policy of a stream or consumer.",
            Command::DeleteStream => "Deletes a stream: it goes DELETING, then disappears with its shards and records.",
            Command::DeregisterStreamConsumer => "Deregisters an enhanced fan-out consumer.",
            Command::DescribeAccountSettings => "Describes the account's Kinesis settings.",
            Command::DescribeLimits => "Shows the account's limits: shards allowed and open, on-demand streams.",
            Command::DescribeStream => {
                "Describes a stream: its status (StreamStatus), its shards with their hash and sequence number ranges."
            }
            Command::DescribeStreamConsumer => "Describes an enhanced fan-out consumer (ConsumerARN, status).",
            Command::DescribeStreamSummary => {
                "Summarizes a stream without listing its shards (OpenShardCount, status, retention)."
            }
            Command::DisableEnhancedMonitoring => "Disables per-shard CloudWatch metrics.",
            Command::EnableEnhancedMonitoring => "Enables per-shard CloudWatch metrics.",
            Command::GetRecords => {
                "Reads records from a shard with an iterator (ShardIterator); returns NextShardIterator."
            }
            Command::GetResourcePolicy => "Shows the resource policy of a stream or consumer.",
            Command::GetShardIterator => {
                "Gets an iterator to read a shard (TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER…)."
            }
            Command::IncreaseStreamRetentionPeriod => {
                "Lengthens a stream's retention (RetentionPeriodHours), up to 8760 h."
            }
            Command::ListShards => "Lists a stream's shards, with filters (ShardFilter) and paging.",
            Command::ListStreamConsumers => "Lists a stream's enhanced fan-out consumers.",
            Command::ListStreams => "Lists the account's streams in the region.",
            Command::ListTagsForResource => "Lists the tags of a resource by its ARN.",
            Command::ListTagsForStream => "Lists a stream's tags.",
            Command::MergeShards => "Merges two adjacent shards into one (resharding).",
            Command::PutRecord => "Writes one record to a stream; its PartitionKey picks the shard.",
            Command::PutRecords => "Writes several records (up to 500) in one call; each may fail on its own.",
            Command::PutResourcePolicy => "Attaches a resource policy to a stream or consumer.",
            Command::RegisterStreamConsumer => {
                "Registers an enhanced fan-out consumer (2 MB/s per shard for it alone)."
            }
            Command::RemoveTagsFromStream => "Removes tags from a stream.",
            Command::SplitShard => "Splits a shard in two at a NewStartingHashKey (resharding).",
            Command::StartStreamEncryption => "Turns on a stream's server-side encryption (KMS).",
            Command::StopStreamEncryption => "Turns off a stream's server-side encryption.",
            Command::SubscribeToShard => "Subscribes an enhanced fan-out consumer to a shard (an HTTP/2 event stream).",
            Command::TagResource => "Adds tags to a resource by its ARN.",
            Command::UntagResource => "Removes tags from a resource by its ARN.",
            Command::UpdateAccountSettings => "Changes the account's Kinesis settings.",
            Command::UpdateMaxRecordSize => "Changes a stream's maximum record size.",
            Command::UpdateShardCount => {
                "Changes the number of open shards (UNIFORM_SCALING): splits or merges for you."
            }
            Command::UpdateStreamMode => "Changes the capacity mode: PROVISIONED or ON_DEMAND.",
            Command::UpdateStreamWarmThroughput => "Changes the warm throughput of an on-demand stream.",
            Command::Wait => "Waits until a stream exists or no longer exists (stream-exists, stream-not-exists).",
            Command::StreamExists => {
                "Waits until StreamDescription.StreamStatus is ACTIVE (DescribeStream every 10 s, at most 18 times)."
            }
            Command::StreamNotExists => {
                "Waits until DescribeStream answers ResourceNotFoundException (every 10 s, at most 18 times)."
            }
        }
    }
}

keys! {
    /// An option of a command (an API member or a CLI option), for its short description.
    pub enum OptionDoc {
        /// AdjacentShardToMerge
        AdjacentShardToMerge,
        /// ConsumerARN
        ConsumerARN,
        /// ConsumerName
        ConsumerName,
        /// Data
        Data,
        /// EncryptionType
        EncryptionType,
        /// EnforceConsumerDeletion
        EnforceConsumerDeletion,
        /// ExclusiveStartShardId
        ExclusiveStartShardId,
        /// ExclusiveStartStreamName
        ExclusiveStartStreamName,
        /// ExclusiveStartTagKey
        ExclusiveStartTagKey,
        /// ExplicitHashKey
        ExplicitHashKey,
        /// KeyId
        KeyId,
        /// Limit
        Limit,
        /// MaxRecordSizeInKiB
        MaxRecordSizeInKiB,
        /// MaxResults
        MaxResults,
        /// MinimumThroughputBillingCommitment
        MinimumThroughputBillingCommitment,
        /// NewStartingHashKey
        NewStartingHashKey,
        /// NextToken
        NextToken,
        /// PartitionKey
        PartitionKey,
        /// Policy
        Policy,
        /// Records
        Records,
        /// ResourceARN
        ResourceARN,
        /// RetentionPeriodHours
        RetentionPeriodHours,
        /// ScalingType
        ScalingType,
        /// SequenceNumberForOrdering
        SequenceNumberForOrdering,
        /// ShardCount
        ShardCount,
        /// ShardFilter
        ShardFilter,
        /// ShardId
        ShardId,
        /// ShardIterator
        ShardIterator,
        /// ShardIteratorType
        ShardIteratorType,
        /// ShardLevelMetrics
        ShardLevelMetrics,
        /// ShardToMerge
        ShardToMerge,
        /// ShardToSplit
        ShardToSplit,
        /// StartingPosition
        StartingPosition,
        /// StartingSequenceNumber
        StartingSequenceNumber,
        /// StreamARN
        StreamARN,
        /// StreamCreationTimestamp
        StreamCreationTimestamp,
        /// StreamId
        StreamId,
        /// StreamModeDetails
        StreamModeDetails,
        /// StreamName
        StreamName,
        /// TagKeys
        TagKeys,
        /// Tags
        Tags,
        /// TargetShardCount
        TargetShardCount,
        /// Timestamp
        Timestamp,
        /// WarmThroughputMiBps
        WarmThroughputMiBps,
        /// --cli-input-json
        CliInputJson,
        /// --cli-input-yaml
        CliInputYaml,
        /// --starting-token
        StartingToken,
        /// --page-size
        PageSize,
        /// --max-items
        MaxItems,
        /// --generate-cli-skeleton
        GenerateCliSkeleton,
        /// --debug
        Debug,
        /// --endpoint-url
        EndpointUrl,
        /// --no-verify-ssl
        NoVerifySsl,
        /// --no-paginate
        NoPaginate,
        /// --output
        Output,
        /// --query
        Query,
        /// --profile
        Profile,
        /// --region
        Region,
        /// --version
        Version,
        /// --color
        Color,
        /// --no-sign-request
        NoSignRequest,
        /// --ca-bundle
        CaBundle,
        /// --cli-read-timeout
        CliReadTimeout,
        /// --cli-connect-timeout
        CliConnectTimeout,
        /// --v2-debug
        V2Debug,
        /// --cli-binary-format
        CliBinaryFormat,
        /// --no-cli-pager
        NoCliPager,
        /// --cli-auto-prompt
        CliAutoPrompt,
        /// --no-cli-auto-prompt
        NoCliAutoPrompt,
        /// --cli-error-format
        CliErrorFormat,
    }
}

impl OptionDoc {
    /// The doc of an API member (`StreamName`) or of a CLI option without its dashes
    /// (`cli-input-json`, `output`).
    pub fn from_name(name: &str) -> Option<OptionDoc> {
        let key: String = if name.contains('-') || name.chars().next().is_some_and(char::is_lowercase) {
            name.split('-')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                })
                .collect()
        } else {
            name.to_string()
        };
        let key = match key.as_str() {
            "V2Debug" => "V2Debug".to_string(),
            _ => key,
        };
        OptionDoc::ALL.iter().copied().find(|d| format!("{d:?}") == key)
    }
}

impl Phrase for OptionDoc {
    fn es(self) -> &'static str {
        match self {
            OptionDoc::AdjacentShardToMerge => "El shard adyacente (AdjacentShardToMerge) que se fusiona con --shard-to-merge.",
            OptionDoc::ConsumerARN => "El ARN del consumidor (ConsumerARN) que dio register-stream-consumer.",
            OptionDoc::ConsumerName => "El nombre del consumidor (ConsumerName), único en el stream.",
            OptionDoc::Data => "Los datos del registro (Data, un blob de hasta 1 MiB). En la CLI v2 se leen como base64 salvo con --cli-binary-format raw-in-base64-out; en la v1, como texto.",
            OptionDoc::EncryptionType => "El tipo de cifrado (EncryptionType): KMS, o NONE.",
            OptionDoc::EnforceConsumerDeletion => "Borra también los consumidores registrados (EnforceConsumerDeletion); sin ella, un stream con consumidores no se borra.",
            OptionDoc::ExclusiveStartShardId => "Empieza a listar después de este shard (ExclusiveStartShardId); desactiva la paginación automática.",
            OptionDoc::ExclusiveStartStreamName => "Empieza a listar después de este stream (ExclusiveStartStreamName); desactiva la paginación automática.",
            OptionDoc::ExclusiveStartTagKey => "Empieza a listar después de esta clave de etiqueta (ExclusiveStartTagKey).",
            OptionDoc::ExplicitHashKey => "Una clave de hash explícita (ExplicitHashKey, 0…2^128−1) que elige el shard en lugar del hash MD5 de la PartitionKey.",
            OptionDoc::KeyId => "La clave KMS (KeyId): su ARN, alias o id, p. ej. alias/aws/kinesis.",
            OptionDoc::Limit => "El máximo de elementos por llamada (Limit); en los comandos paginados, desactiva la paginación automática.",
            OptionDoc::MaxRecordSizeInKiB => "El tamaño máximo de registro en KiB (MaxRecordSizeInKiB).",
            OptionDoc::MaxResults => "El máximo de elementos por llamada (MaxResults); desactiva la paginación automática.",
            OptionDoc::MinimumThroughputBillingCommitment => "El compromiso mínimo de facturación por rendimiento de la cuenta.",
            OptionDoc::NewStartingHashKey => "La clave de hash (NewStartingHashKey, un entero decimal) donde empieza el segundo shard hijo.",
            OptionDoc::NextToken => "El NextToken de la API de una respuesta anterior; desactiva la paginación automática (usa --starting-token con el de la CLI).",
            OptionDoc::PartitionKey => "La clave de partición (PartitionKey): su hash MD5 elige el shard.",
            OptionDoc::Policy => "La política de recursos, en JSON.",
            OptionDoc::Records => "Los registros (Records): Data=…,PartitionKey=… separados por espacios, o una lista JSON.",
            OptionDoc::ResourceARN => "El ARN del recurso (ResourceARN): un stream o un consumidor.",
            OptionDoc::RetentionPeriodHours => "La nueva retención en horas (RetentionPeriodHours, de 24 a 8760).",
            OptionDoc::ScalingType => "El tipo de escalado (ScalingType): UNIFORM_SCALING.",
            OptionDoc::SequenceNumberForOrdering => "Garantiza el orden: el número de secuencia del registro anterior de la misma clave (SequenceNumberForOrdering).",
            OptionDoc::ShardCount => "El número de shards (ShardCount); obligatorio en modo PROVISIONED.",
            OptionDoc::ShardFilter => "Filtra los shards (ShardFilter): Type=AT_TRIM_HORIZON, AT_LATEST, AFTER_SHARD_ID,ShardId=…, AT_TIMESTAMP,Timestamp=…",
            OptionDoc::ShardId => "El id del shard (ShardId), p. ej. shardId-000000000000.",
            OptionDoc::ShardIterator => "El iterador (ShardIterator) que dio get-shard-iterator o el NextShardIterator de get-records; caduca a los 5 minutos.",
            OptionDoc::ShardIteratorType => "Dónde empieza a leer (ShardIteratorType): TRIM_HORIZON (lo más antiguo), LATEST (lo nuevo), AT_/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP.",
            OptionDoc::ShardLevelMetrics => "Las métricas por shard (ShardLevelMetrics), p. ej. IncomingBytes, ALL.",
            OptionDoc::ShardToMerge => "El shard que se fusiona (ShardToMerge).",
            OptionDoc::ShardToSplit => "El shard que se divide (ShardToSplit).",
            OptionDoc::StartingPosition => "Dónde empieza la suscripción (StartingPosition): Type=LATEST, TRIM_HORIZON, AT_SEQUENCE_NUMBER,SequenceNumber=…",
            OptionDoc::StartingSequenceNumber => "El número de secuencia (StartingSequenceNumber) para AT_SEQUENCE_NUMBER y AFTER_SEQUENCE_NUMBER.",
            OptionDoc::StreamARN => "El ARN del stream (StreamARN), alternativa a --stream-name.",
            OptionDoc::StreamCreationTimestamp => "La fecha de creación del stream (StreamCreationTimestamp), para distinguir streams del mismo nombre.",
            OptionDoc::StreamId => "Reservado por AWS para el futuro (StreamId); no se usa.",
            OptionDoc::StreamModeDetails => "El modo de capacidad (StreamModeDetails): StreamMode=PROVISIONED o StreamMode=ON_DEMAND.",
            OptionDoc::StreamName => "El nombre del stream (StreamName).",
            OptionDoc::TagKeys => "Las claves de las etiquetas (TagKeys), separadas por espacios.",
            OptionDoc::Tags => "Las etiquetas (Tags): clave1=valor1,clave2=valor2.",
            OptionDoc::TargetShardCount => "El número de shards abiertos que se quiere (TargetShardCount).",
            OptionDoc::Timestamp => "El instante para AT_TIMESTAMP (Timestamp): segundos desde 1970 o fecha ISO 8601 (2024-01-01T10:00:00Z).",
            OptionDoc::WarmThroughputMiBps => "El rendimiento precalentado en MiB/s (WarmThroughputMiBps) de un stream on-demand.",
            OptionDoc::CliInputJson => "Lee los parámetros de un JSON con los nombres de la API ({\"StreamName\": …}); las opciones de la línea tienen prioridad.",
            OptionDoc::CliInputYaml => "Lee los parámetros de un YAML (no disponible en esta consola).",
            OptionDoc::StartingToken => "Continúa un listado cortado: el NextToken que imprimió la CLI con --max-items.",
            OptionDoc::PageSize => "El tamaño de cada página pedida a la API; no cambia cuántos elementos se imprimen.",
            OptionDoc::MaxItems => "Cuántos elementos imprimir en total; si quedan más, la CLI da un NextToken para --starting-token.",
            OptionDoc::GenerateCliSkeleton => "Imprime un esqueleto JSON de la entrada (input) para --cli-input-json, o de la salida (output), sin llamar a la API.",
            OptionDoc::Debug => "Registro de depuración (en esta consola, las peticiones se ven en el desplegable).",
            OptionDoc::EndpointUrl => "La URL del endpoint; esta consola ya es el endpoint simulado.",
            OptionDoc::NoVerifySsl => "No verifica los certificados TLS.",
            OptionDoc::NoPaginate => "Una sola llamada: la primera página, tal cual.",
            OptionDoc::Output => "El formato de salida: json, text o table.",
            OptionDoc::Query => "Una consulta JMESPath que filtra la respuesta (p. ej. 'ShardIterator', 'Shards[].ShardId').",
            OptionDoc::Profile => "Un perfil de ~/.aws/config (esta consola no tiene ninguno).",
            OptionDoc::Region => "La región (esta consola simula una sola).",
            OptionDoc::Version => "Muestra la versión de la CLI emulada.",
            OptionDoc::Color => "Color en la salida table: on, off o auto.",
            OptionDoc::NoSignRequest => "No firma las peticiones.",
            OptionDoc::CaBundle => "Los certificados de CA para TLS.",
            OptionDoc::CliReadTimeout => "Segundos de espera de lectura del socket.",
            OptionDoc::CliConnectTimeout => "Segundos de espera de conexión del socket.",
            OptionDoc::V2Debug => "Avisos de migración a la CLI v2 (solo v1).",
            OptionDoc::CliBinaryFormat => "Cómo lee los blobs la CLI v2: base64 (por defecto) o raw-in-base64-out (texto, como la v1).",
            OptionDoc::NoCliPager => "Sin paginador de pantalla (esta consola no tiene).",
            OptionDoc::CliAutoPrompt => "El asistente interactivo de la v2 (no disponible en esta consola).",
            OptionDoc::NoCliAutoPrompt => "Sin asistente interactivo.",
            OptionDoc::CliErrorFormat => "El formato de los errores de la v2: enhanced (por defecto), legacy, json, text, table.",
        }
    }

    fn en(self) -> &'static str {
        match self {
            OptionDoc::AdjacentShardToMerge => "The adjacent shard (AdjacentShardToMerge) merged with --shard-to-merge.",
            OptionDoc::ConsumerARN => "The consumer's ARN (ConsumerARN), as register-stream-consumer gave it.",
            OptionDoc::ConsumerName => "The consumer's name (ConsumerName), unique in the stream.",
            OptionDoc::Data => "The record's data (Data, a blob of up to 1 MiB). AWS CLI v2 reads it as base64 unless --cli-binary-format raw-in-base64-out; v1 reads it as text.",
            OptionDoc::EncryptionType => "The encryption type (EncryptionType): KMS, or NONE.",
            OptionDoc::EnforceConsumerDeletion => "Also deletes the registered consumers (EnforceConsumerDeletion); without it, a stream with consumers is not deleted.",
            OptionDoc::ExclusiveStartShardId => "Lists from after this shard (ExclusiveStartShardId); turns automatic paging off.",
            OptionDoc::ExclusiveStartStreamName => "Lists from after this stream (ExclusiveStartStreamName); turns automatic paging off.",
            OptionDoc::ExclusiveStartTagKey => "Lists from after this tag key (ExclusiveStartTagKey).",
            OptionDoc::ExplicitHashKey => "An explicit hash key (ExplicitHashKey, 0…2^128−1) that picks the shard instead of the PartitionKey's MD5 hash.",
            OptionDoc::KeyId => "The KMS key (KeyId): its ARN, alias or id, e.g. alias/aws/kinesis.",
            OptionDoc::Limit => "The most items per call (Limit); on paginated commands it turns automatic paging off.",
            OptionDoc::MaxRecordSizeInKiB => "The largest record size in KiB (MaxRecordSizeInKiB).",
            OptionDoc::MaxResults => "The most items per call (MaxResults); turns automatic paging off.",
            OptionDoc::MinimumThroughputBillingCommitment => "The account's minimum throughput billing commitment.",
            OptionDoc::NewStartingHashKey => "The hash key (NewStartingHashKey, a decimal integer) where the second child shard starts.",
            OptionDoc::NextToken => "The API's NextToken from a previous answer; turns automatic paging off (use --starting-token with the CLI's).",
            OptionDoc::PartitionKey => "The partition key (PartitionKey): its MD5 hash picks the shard.",
            OptionDoc::Policy => "The resource policy, as JSON.",
            OptionDoc::Records => "The records (Records): Data=…,PartitionKey=… separated by spaces, or a JSON list.",
            OptionDoc::ResourceARN => "The resource's ARN (ResourceARN): a stream or a consumer.",
            OptionDoc::RetentionPeriodHours => "The new retention in hours (RetentionPeriodHours, 24 to 8760).",
            OptionDoc::ScalingType => "The scaling type (ScalingType): UNIFORM_SCALING.",
            OptionDoc::SequenceNumberForOrdering => "Guarantees order: the sequence number of the previous record of the same key (SequenceNumberForOrdering).",
            OptionDoc::ShardCount => "The number of shards (ShardCount); required in PROVISIONED mode.",
            OptionDoc::ShardFilter => "Filters the shards (ShardFilter): Type=AT_TRIM_HORIZON, AT_LATEST, AFTER_SHARD_ID,ShardId=…, AT_TIMESTAMP,Timestamp=…",
            OptionDoc::ShardId => "The shard's id (ShardId), e.g. shardId-000000000000.",
            OptionDoc::ShardIterator => "The iterator (ShardIterator) from get-shard-iterator or get-records' NextShardIterator; it expires after 5 minutes.",
            OptionDoc::ShardIteratorType => "Where reading starts (ShardIteratorType): TRIM_HORIZON (the oldest), LATEST (new records), AT_/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP.",
            OptionDoc::ShardLevelMetrics => "The per-shard metrics (ShardLevelMetrics), e.g. IncomingBytes, ALL.",
            OptionDoc::ShardToMerge => "The shard merged (ShardToMerge).",
            OptionDoc::ShardToSplit => "The shard split (ShardToSplit).",
            OptionDoc::StartingPosition => "Where the subscription starts (StartingPosition): Type=LATEST, TRIM_HORIZON, AT_SEQUENCE_NUMBER,SequenceNumber=…",
            OptionDoc::StartingSequenceNumber => "The sequence number (StartingSequenceNumber) for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER.",
            OptionDoc::StreamARN => "The stream's ARN (StreamARN), instead of --stream-name.",
            OptionDoc::StreamCreationTimestamp => "The stream's creation time (StreamCreationTimestamp), to tell streams of the same name apart.",
            OptionDoc::StreamId => "Reserved by AWS for future use (StreamId); not used.",
            OptionDoc::StreamModeDetails => "The capacity mode (StreamModeDetails): StreamMode=PROVISIONED or StreamMode=ON_DEMAND.",
            OptionDoc::StreamName => "The stream's name (StreamName).",
            OptionDoc::TagKeys => "The tag keys (TagKeys), separated by spaces.",
            OptionDoc::Tags => "The tags (Tags): key1=value1,key2=value2.",
            OptionDoc::TargetShardCount => "The number of open shards wanted (TargetShardCount).",
            OptionDoc::Timestamp => "The instant for AT_TIMESTAMP (Timestamp): seconds since 1970 or an ISO 8601 date (2024-01-01T10:00:00Z).",
            OptionDoc::WarmThroughputMiBps => "The warm throughput in MiB/s (WarmThroughputMiBps) of an on-demand stream.",
            OptionDoc::CliInputJson => "Reads the parameters from JSON with the API's names ({\"StreamName\": …}); options on the line win.",
            OptionDoc::CliInputYaml => "Reads the parameters from YAML (not available in this console).",
            OptionDoc::StartingToken => "Resumes a truncated listing: the NextToken the CLI printed with --max-items.",
            OptionDoc::PageSize => "The size of each page asked of the API; does not change how many items are printed.",
            OptionDoc::MaxItems => "How many items to print in all; if there are more, the CLI gives a NextToken for --starting-token.",
            OptionDoc::GenerateCliSkeleton => "Prints a JSON skeleton of the input for --cli-input-json, or of the output, without calling the API.",
            OptionDoc::Debug => "Debug logging (in this console, the requests are in the fold).",
            OptionDoc::EndpointUrl => "The endpoint's URL; this console already is the simulated endpoint.",
            OptionDoc::NoVerifySsl => "Does not verify TLS certificates.",
            OptionDoc::NoPaginate => "One call: the first page, as it comes.",
            OptionDoc::Output => "The output format: json, text or table.",
            OptionDoc::Query => "A JMESPath query that filters the answer (e.g. 'ShardIterator', 'Shards[].ShardId').",
            OptionDoc::Profile => "A profile of ~/.aws/config (this console has none).",
            OptionDoc::Region => "The region (this console simulates one).",
            OptionDoc::Version => "Shows the emulated CLI's version.",
            OptionDoc::Color => "Color in table output: on, off or auto.",
            OptionDoc::NoSignRequest => "Does not sign the requests.",
            OptionDoc::CaBundle => "The CA certificates for TLS.",
            OptionDoc::CliReadTimeout => "Seconds of socket read timeout.",
            OptionDoc::CliConnectTimeout => "Seconds of socket connect timeout.",
            OptionDoc::V2Debug => "AWS CLI v2 migration warnings (v1 only).",
            OptionDoc::CliBinaryFormat => "How AWS CLI v2 reads blobs: base64 (the default) or raw-in-base64-out (text, as v1).",
            OptionDoc::NoCliPager => "No screen pager (this console has none).",
            OptionDoc::CliAutoPrompt => "v2's interactive prompt (not available in this console).",
            OptionDoc::NoCliAutoPrompt => "No interactive prompt.",
            OptionDoc::CliErrorFormat => "v2's error format: enhanced (the default), legacy, json, text, table.",
        }
    }
}

/// A note of the console with values in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// v2 read a blob given as text as base64 and sent the decoded bytes.
    BlobDecoded {
        /// The text typed (`testdata`).
        text: String,
        /// The bytes sent.
        bytes: Vec<u8>,
    },
    /// v2 could not read a blob as base64.
    BlobNotBase64 {
        /// The text typed.
        text: String,
    },
    /// v2 could not read a non-ASCII blob as base64.
    BlobNotAscii,
    /// `--endpoint-url` was given.
    EndpointUrl {
        /// The URL.
        url: String,
        /// The real endpoint of the region (`https://kinesis.us-east-1.amazonaws.com`).
        real: String,
    },
    /// `--region` names another region than the simulated one.
    OtherRegion {
        /// The region asked for.
        asked: String,
        /// The simulated region.
        simulated: String,
    },
    /// A `file://` or `fileb://` value.
    NoFiles {
        /// The value.
        value: String,
    },
    /// v1 would fetch an `http(s)://` value.
    NoUrlFetch {
        /// The URL.
        url: String,
    },
    /// YAML input or output, which the console does not have.
    NoYaml,
    /// An operation the engine does not implement.
    Unsimulated {
        /// The API operation (`TagResource`).
        operation: String,
    },
    /// `subscribe-to-shard`, which the real CLI does not have.
    SubscribeToShard,
    /// Another service than kinesis.
    OtherService {
        /// The command typed (`s3`).
        command: String,
    },
    /// The CLI retried a throttled call until it gave up.
    Retried {
        /// The API operation.
        operation: String,
        /// Attempts made.
        attempts: u32,
    },
    /// A waiter's wait.
    Waited {
        /// The waiter (`StreamExists`).
        waiter: String,
        /// Polls made.
        polls: u32,
        /// Seconds of simulated time waited.
        seconds: u64,
    },
    /// The stream is still being created (after create-stream, or CREATING seen).
    StreamCreating {
        /// The stream.
        stream: String,
    },
    /// A fixed note.
    Fixed(Text),
    /// `--generate-cli-skeleton input` wrote the first of an enum's values where the CLI picks one at random.
    SkeletonEnum,
}

fn hex(bytes: &[u8]) -> String {
    let shown: Vec<String> = bytes.iter().take(16).map(|b| format!("{b:02x}")).collect();
    let more = if bytes.len() > 16 { " …" } else { "" };
    format!("{}{more}", shown.join(" "))
}

impl Message for Msg {
    fn es(&self) -> String {
        match self {
            Msg::BlobDecoded { text, bytes } => format!(
                "AWS CLI v2 lee los blobs (--data, Data=) como base64: «{text}» es base64 válido y se enviaron sus {} bytes decodificados ({}), no el texto. get-records mostrará Data \"{text}\" (esos bytes otra vez en base64). Con --cli-binary-format raw-in-base64-out, o con la CLI v1 del tutorial, se envía el texto tal cual y get-records muestra su base64.",
                bytes.len(),
                hex(bytes)
            ),
            Msg::BlobNotBase64 { text } => format!("AWS CLI v2 lee --data como base64 y «{text}» no lo es. Añade --cli-binary-format raw-in-base64-out para enviar el texto tal cual (como la CLI v1), o codifícalo antes en base64."),
            Msg::BlobNotAscii => "AWS CLI v2 lee --data como base64, y el base64 solo tiene caracteres ASCII. Añade --cli-binary-format raw-in-base64-out para enviar el texto tal cual (en UTF-8).".into(),
            Msg::EndpointUrl { url, real } => format!("--endpoint-url {url}: esta consola ya es el endpoint (el motor simulado), así que se ignora. Con un cliente real, dirige las peticiones a ese servidor (kinesalite, LocalStack…) en vez de {real}."),
            Msg::OtherRegion { asked, simulated } => format!("Esta consola simula una sola región, {simulated}. Con --region {asked} la CLI real hablaría con el endpoint de {asked}, donde estos streams no existen."),
            Msg::NoFiles { value } => format!("Esta consola no tiene ficheros: {value} no se puede leer. Escribe el valor directamente (JSON o shorthand)."),
            Msg::NoUrlFetch { url } => format!("La CLI v1 descargaría el valor de {url}; esta consola no tiene red."),
            Msg::NoYaml => "YAML (--output yaml, --cli-input-yaml, --generate-cli-skeleton yaml-input) no está disponible en esta consola: usa json, text o table.".into(),
            Msg::Unsimulated { operation } => format!("El motor simulado no implementa {operation}: responde como un endpoint que no conoce la operación."),
            Msg::SubscribeToShard => "La AWS CLI real (v1 y v2) no tiene subscribe-to-shard: su respuesta es un flujo de eventos HTTP/2 que la CLI no sabe leer, y la quita (awscli/customizations/removals.py). Esta consola la ejecuta para enseñar el primer evento; en un programa, usa un SDK (KCL 2.x, boto3 subscribe_to_shard).".into(),
            Msg::OtherService { command } => format!("Esta consola solo simula el servicio kinesis; `aws {command}` no está disponible aquí."),
            Msg::Retried { operation, attempts } => format!("La CLI reintentó {operation} {attempts} veces (con esperas crecientes) antes de rendirse: el throttling se reintenta solo."),
            Msg::Waited { waiter, polls, seconds } => format!("El waiter {waiter} consultó {polls} veces y esperó {seconds} s de tiempo simulado."),
            Msg::StreamCreating { stream } => format!("{stream} está en CREATING. {}", Text::HowToWait.es()),
            Msg::Fixed(t) => t.es().to_string(),
            Msg::SkeletonEnum => "En los campos con valores posibles (enum), la CLI real elige uno al azar; aquí va el primero.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::BlobDecoded { text, bytes } => format!(
                "AWS CLI v2 reads blobs (--data, Data=) as base64: “{text}” is valid base64, so its {} decoded bytes ({}) were sent, not the text. get-records will show Data \"{text}\" (those bytes in base64 again). With --cli-binary-format raw-in-base64-out, or with the tutorial's CLI v1, the text is sent as it is and get-records shows its base64.",
                bytes.len(),
                hex(bytes)
            ),
            Msg::BlobNotBase64 { text } => format!("AWS CLI v2 reads --data as base64, and “{text}” is not. Add --cli-binary-format raw-in-base64-out to send the text as it is (as CLI v1 does), or base64-encode it first."),
            Msg::BlobNotAscii => "AWS CLI v2 reads --data as base64, and base64 has ASCII characters only. Add --cli-binary-format raw-in-base64-out to send the text as it is (in UTF-8).".into(),
            Msg::EndpointUrl { url, real } => format!("--endpoint-url {url}: this console already is the endpoint (the simulated engine), so it is ignored. With a real client, it sends the requests to that server (kinesalite, LocalStack…) instead of {real}."),
            Msg::OtherRegion { asked, simulated } => format!("This console simulates one region, {simulated}. With --region {asked} the real CLI would talk to {asked}'s endpoint, where these streams do not exist."),
            Msg::NoFiles { value } => format!("This console has no files: {value} cannot be read. Type the value itself (JSON or shorthand)."),
            Msg::NoUrlFetch { url } => format!("AWS CLI v1 would download the value from {url}; this console has no network."),
            Msg::NoYaml => "YAML (--output yaml, --cli-input-yaml, --generate-cli-skeleton yaml-input) is not available in this console: use json, text or table.".into(),
            Msg::Unsimulated { operation } => format!("The simulated engine does not implement {operation}: it answers as an endpoint that does not know the operation."),
            Msg::SubscribeToShard => "The real AWS CLI (v1 and v2) has no subscribe-to-shard: its answer is an HTTP/2 event stream the CLI cannot read, so it removes it (awscli/customizations/removals.py). This console runs it to show the first event; in a program, use an SDK (KCL 2.x, boto3 subscribe_to_shard).".into(),
            Msg::OtherService { command } => format!("This console simulates the kinesis service only; `aws {command}` is not available here."),
            Msg::Retried { operation, attempts } => format!("The CLI retried {operation} {attempts} times (with growing pauses) before giving up: throttling is retried on its own."),
            Msg::Waited { waiter, polls, seconds } => format!("The {waiter} waiter polled {polls} times and waited {seconds} s of simulated time."),
            Msg::StreamCreating { stream } => format!("{stream} is CREATING. {}", Text::HowToWait.en()),
            Msg::Fixed(t) => t.en().to_string(),
            Msg::SkeletonEnum => "For fields with possible values (an enum), the real CLI picks one at random; here the first is written.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::lang::same_in_both;

    #[test]
    fn every_text_is_translated_and_non_empty() {
        assert_eq!(same_in_both(Text::ALL), vec![]);
        assert_eq!(same_in_both(Command::ALL), vec![]);
        assert_eq!(same_in_both(OptionDoc::ALL), vec![]);
    }

    #[test]
    fn names_find_their_docs() {
        assert_eq!(Command::from_name("CreateStream"), Some(Command::CreateStream));
        assert_eq!(Command::from_name("StreamExists"), Some(Command::StreamExists));
        assert_eq!(Command::from_name("wait"), Some(Command::Wait));
        assert_eq!(OptionDoc::from_name("StreamARN"), Some(OptionDoc::StreamARN));
        assert_eq!(OptionDoc::from_name("cli-input-json"), Some(OptionDoc::CliInputJson));
        assert_eq!(OptionDoc::from_name("v2-debug"), Some(OptionDoc::V2Debug));
        assert_eq!(OptionDoc::from_name("output"), Some(OptionDoc::Output));
    }
}
