# signal: Python handlers run in the main thread; SIG_IGN; getsignal; errors
import signal, os
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is h)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000): pass
print(got == [signal.SIGUSR1])
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGTERM)
print("survived")
try: signal.signal(signal.SIGINT, 5)
except TypeError as e: print(e)
