# A BufferedWriter over a non-blocking pipe: what does not fit is buffered up
# to the buffer's size, and BlockingIOError says how much was taken.
import io
import os

r, w = os.pipe()
os.set_blocking(w, False)
f = io.open(w, "wb", buffering=8192, closefd=False)
print(f.write(b"a" * 1000))            # fits the buffer
try:
    f.write(b"b" * 100000)
except BlockingIOError as e:
    print("BlockingIOError", e.errno, e.characters_written, e.args[2] == e.characters_written)
try:
    f.flush()
except BlockingIOError as e:
    print("flush: BlockingIOError", e.errno, e.characters_written)
got = 0
while True:
    chunk = os.read(r, 1 << 20)
    got += len(chunk)
    if len(chunk) < (1 << 20):
        break
print("read", got)
f.flush()
os.set_blocking(r, False)
rest = os.read(r, 1 << 20)
print("after flush", len(rest), got + len(rest))
f.close()
os.close(w)
os.close(r)
