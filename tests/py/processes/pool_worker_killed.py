# A Pool worker that dies (os._exit / SIGKILL) must not hang the parent: the
# task it ran fails (gilpy at once with WorkerLostError; CPython only through
# the timeout, so the test uses one) and the pool goes on with a new worker.
import _start_method
import multiprocessing, os, signal, time

def die(how):
    if how == 'exit':
        os._exit(7)
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == '__main__':
    with multiprocessing.Pool(2) as pool:
        for how in ('exit', 'kill'):
            start = time.monotonic()
            try:
                pool.apply_async(die, (how,)).get(timeout=5)
                print(how, 'returned')
            except Exception:
                print(how, 'failed', 'without hanging' if time.monotonic() - start < 30 else 'late')
        print(pool.map(abs, [-1, -2, -3]))
