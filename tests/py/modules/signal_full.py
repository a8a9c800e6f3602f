# signal: Signals/Handlers/Sigmasks enums, masks and waits, itimers, pause,
# pthread_kill, the wakeup fd, handler arguments and CPython's errors.
import os
import signal
import threading
import types

print(repr(signal.SIGINT), repr(signal.SIG_DFL), repr(signal.SIG_BLOCK))
print(signal.Signals(15).name, signal.SIGRTMIN > signal.SIGSYS, signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR1)), repr(signal.getsignal(signal.SIGPIPE)))
print(sorted(signal.valid_signals())[:5], len(signal.valid_signals()))
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGRTMIN + 1))

seen = []
def handler(signum, frame):
    seen.append((signum, type(signum).__name__, isinstance(frame, types.FrameType)))

old = signal.signal(signal.SIGUSR1, handler)
print("old", repr(old), signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print("raised", seen)

# blocked signals wait; unblocking runs the handler before pthread_sigmask returns
prev = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("prev", sorted(prev), signal.SIGUSR1 in signal.pthread_sigmask(signal.SIG_BLOCK, []))
os.kill(os.getpid(), signal.SIGUSR1)
print("pending", signal.sigpending(), seen[1:])
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
print("after unblock", seen[1:])

# synchronous waits on a blocked signal
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR2)
print("sigwait", repr(signal.sigwait([signal.SIGUSR2])))
print("sigtimedwait nothing", signal.sigtimedwait([signal.SIGUSR2], 0.01))
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigtimedwait([signal.SIGUSR2], 1)
print("siginfo", type(info).__name__, info.si_signo, info.si_pid == os.getpid(), len(info))
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigwaitinfo([signal.SIGUSR2])
print("sigwaitinfo", info.si_signo == signal.SIGUSR2, info.si_uid == os.getuid())
signal.pthread_sigmask(signal.SIG_SETMASK, [])

# interval timers and pause()
alarms = []
signal.signal(signal.SIGALRM, lambda s, f: alarms.append(s))
print("itimer idle", signal.getitimer(signal.ITIMER_REAL))
signal.setitimer(signal.ITIMER_REAL, 0.05)
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print("armed", 0 < delay <= 0.05, interval)
signal.pause()
print("paused until", alarms)
print("old timer", signal.setitimer(signal.ITIMER_REAL, 0))
signal.setitimer(signal.ITIMER_REAL, 10, 0.5)
print("cancel", [round(x) for x in signal.setitimer(signal.ITIMER_REAL, 0)])

# pthread_kill aims at one thread; the main thread's handler runs
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("pthread_kill", len(seen))
done = []
t = threading.Thread(target=lambda: done.append(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
t.start(); t.join()
print("thread mask is a set", type(done[0]).__name__)

# the wakeup fd gets the signal number
r, w = os.pipe()
os.set_blocking(w, False)
print("wakeup old", signal.set_wakeup_fd(w))
signal.raise_signal(signal.SIGUSR1)
print("wakeup byte", list(os.read(r, 10)))
print("wakeup reset", signal.set_wakeup_fd(-1) == w)
os.set_blocking(w, True)
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError", str(e).replace(str(w), "N"))
os.close(r); os.close(w)

# a handler that raises leaves the others pending for the next check
def boom(s, f):
    raise ZeroDivisionError("boom %d" % s)
signal.signal(signal.SIGUSR2, boom)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
os.kill(os.getpid(), signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR2)
n = len(seen)
try:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1, signal.SIGUSR2])
except ZeroDivisionError as e:
    print("raised from handler", e, len(seen) - n)

def err(f, *a):
    try:
        f(*a)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

err(signal.signal, 4242, handler)
err(signal.signal, signal.SIGUSR1, 42)
err(signal.signal, signal.SIGKILL, handler)
err(signal.getsignal, 0)
err(signal.strsignal, 4242)
err(signal.raise_signal, 4242)
err(signal.pthread_sigmask, 1700, [])
err(signal.pthread_sigmask, signal.SIG_BLOCK, [0])
err(signal.pthread_sigmask, signal.SIG_BLOCK, [signal.NSIG])
err(signal.pthread_sigmask, signal.SIG_BLOCK, [1 << 1000])
err(signal.pthread_sigmask, signal.SIG_BLOCK, 5)
err(signal.sigtimedwait, [signal.SIGUSR1], -1)
err(signal.setitimer, -1, 0)
err(signal.pthread_kill, "x", 1)
err(signal.set_wakeup_fd, 1.5)
err(signal.siginterrupt, 0, 1)
print(issubclass(signal.ItimerError, OSError), signal.ItimerError.__name__)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)))
