# test: timeout=60 skip-gc-stress
# An asyncio echo server on localhost serving 1000 concurrent clients: every
# client connects before any is answered (the server holds each reply until
# all have arrived), sends lines and reads them back.  The time limit is the
# test's (timeout above); under gc-stress (a collection every 64 allocations)
# it takes minutes, so that run leaves it out.
import asyncio
import resource

N = 1000
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft < 2 * N + 64:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4 * N), hard))


async def main():
    arrived = 0
    everyone = asyncio.Event()

    async def serve(reader, writer):
        nonlocal arrived
        first = await reader.readline()
        arrived += 1
        if arrived == N:
            everyone.set()
        await everyone.wait()
        writer.write(first)
        while line := await reader.readline():
            writer.write(line.upper())
            await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=N)
    port = server.sockets[0].getsockname()[1]

    async def client(i):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"hello %d\n" % i)
        got = [await reader.readline()]
        for k in range(3):
            writer.write(b"line %d of %d\n" % (k, i))
            got.append(await reader.readline())
        writer.close()
        await writer.wait_closed()
        return got

    async with server:
        results = await asyncio.gather(*(client(i) for i in range(N)))
    print(len(results), arrived)
    print(results[0])
    print(results[-1])
    print(all(r[0] == b"hello %d\n" % i and r[3] == b"LINE 2 OF %d\n" % i
              for i, r in enumerate(results)))


asyncio.run(main())
