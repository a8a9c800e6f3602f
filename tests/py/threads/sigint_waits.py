# Ctrl-C (SIGINT) reaches the main thread as KeyboardInterrupt while it waits
# in join(), Lock.acquire(), Event.wait(), Condition.wait(), time.sleep() and
# Queue.get(): another thread sends the signal shortly after the wait began.
import os, queue, signal, threading, time

def interrupt_soon():
    time.sleep(0.15)
    os.kill(os.getpid(), signal.SIGINT)

def attempt(name, wait):
    t = threading.Thread(target=interrupt_soon)
    t.start()
    start = time.monotonic()
    try:
        wait()
        print(name, "returned")
    except KeyboardInterrupt:
        print(name, "KeyboardInterrupt", "fast" if time.monotonic() - start < 2 else "slow")
    t.join()

sleeper = threading.Thread(target=time.sleep, args=(3,), daemon=True)
sleeper.start()
held = threading.Lock()
held.acquire()
cond = threading.Condition()
attempt("join", sleeper.join)
attempt("lock", held.acquire)
attempt("event", threading.Event().wait)
def cond_wait():
    with cond:
        cond.wait()
attempt("condition", cond_wait)
attempt("sleep", lambda: time.sleep(3))
attempt("queue", queue.Queue().get)
