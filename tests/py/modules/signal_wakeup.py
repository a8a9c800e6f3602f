# signal.set_wakeup_fd, siginterrupt and valid_signals (what asyncio's add_signal_handler uses).
import os, signal

print(signal.set_wakeup_fd(-1))
r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError", str(e).replace(str(w), "N"))
os.set_blocking(w, False)
print(signal.set_wakeup_fd(w))
got = []
signal.signal(signal.SIGUSR1, lambda *a: got.append(a[0]))
os.kill(os.getpid(), signal.SIGUSR1)
print(os.read(r, 5) == bytes([signal.SIGUSR1]), got == [signal.SIGUSR1])
print(signal.set_wakeup_fd(-1) == w)
try:
    signal.set_wakeup_fd(-1, warn_on_full_buffer=False)
    signal.set_wakeup_fd(99999)
except OSError as e:
    print("OSError", e.errno)
print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))
try:
    signal.siginterrupt(0, True)
except ValueError as e:
    print("ValueError", e)
v = signal.valid_signals()
print(type(v).__name__, signal.SIGINT in v, signal.SIGKILL in v, 0 in v, 32 in v, max(v) < signal.NSIG if hasattr(signal, "NSIG") else True)
os.close(r); os.close(w)
