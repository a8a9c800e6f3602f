# test: timeout=60
# asyncio TLS streams: start_server(ssl=...) and open_connection(ssl=...),
# the transport's ssl_object and peercert, a client that refuses the server.
import asyncio, os, ssl

CERTS = '/usr/lib/python3.11/test'
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(CERTS, 'keycert.pem'))
client_ctx = ssl.create_default_context(cafile=os.path.join(CERTS, 'keycert.pem'))

async def handle(reader, writer):
    peer = writer.get_extra_info('ssl_object')
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx,
                                                       server_hostname='localhost')
        obj = writer.get_extra_info('ssl_object')
        print(type(obj).__name__, obj.version(), writer.get_extra_info('peercert')['subject'][-1])
        print(writer.get_extra_info('cipher')[1])
        for word in [b'alpha', b'beta', b'x' * 50000]:
            writer.write(word + b'\n')
            await writer.drain()
            line = await reader.readline()
            print(len(line), line[:10])
        writer.close()
        await writer.wait_closed()
        # a client that does not trust the server
        try:
            await asyncio.open_connection('127.0.0.1', port, ssl=ssl.create_default_context(),
                                          server_hostname='localhost')
        except ssl.SSLCertVerificationError as e:
            print('refused:', e.reason, e.verify_message)

asyncio.run(main())
