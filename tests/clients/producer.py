# The course's boto3 producer (note 003, "Ejemplo de Uso: Envío de Datos a Kinesis"), unchanged
# except `endpoint_url` (from ENDPOINT_URL) and the number of events (EVENTS, default 10), so the
# test does not wait 10 seconds. Against AWS, drop `endpoint_url` and it runs as the course wrote it.
import os

import boto3
import json
import time

# Crear cliente de Kinesis
kinesis_client = boto3.client('kinesis', region_name='us-east-1', endpoint_url=os.environ['ENDPOINT_URL'])

stream_name = 'mi-stream'

# Enviar datos a Kinesis
for i in range(int(os.environ.get('EVENTS', 10))):
    data = {
        'event_id': i,
        'timestamp': time.time(),
        'message': 'Evento de prueba'
    }
    kinesis_client.put_record(
        StreamName=stream_name,
        Data=json.dumps(data),
        PartitionKey=str(i)  # Determina a qué shard irá el dato
    )
    print(f"Enviado evento {i}")
    time.sleep(1)  # Simulación de flujo de datos
