# test: timeout=60
# asyncio over real sockets: a TCP echo server and client, a unix one,
# sock_* low-level calls on a socketpair, and a subprocess.
import asyncio, os, socket, tempfile

async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def tcp():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for word in [b"alpha\n", b"beta\n"]:
            writer.write(word)
            await writer.drain()
            print(await reader.readline())
        writer.close()
        await writer.wait_closed()

async def unix():
    path = os.path.join(tempfile.mkdtemp(), "sock")
    server = await asyncio.start_unix_server(handle, path)
    async with server:
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b"over unix\n")
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()
    os.unlink(path)
    os.rmdir(os.path.dirname(path))

async def lowlevel():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"ping")
    print(await loop.sock_recv(b, 10))
    a.close(); b.close()

async def subproc():
    p = await asyncio.create_subprocess_exec("/bin/echo", "from", "echo", stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate()
    print(out, p.returncode)
    p = await asyncio.create_subprocess_shell("exit 3")
    print(await p.wait())

async def timeouts():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except asyncio.TimeoutError:
        print("wait_for timed out")

async def signals():
    import signal
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, fut.set_result, "signal handled in the loop")
    os.kill(os.getpid(), signal.SIGUSR1)
    print(await asyncio.wait_for(fut, 5))
    print(loop.remove_signal_handler(signal.SIGUSR1))

async def main():
    await tcp()
    await unix()
    await lowlevel()
    await subproc()
    await timeouts()
    await signals()

asyncio.run(main())
print("done")
