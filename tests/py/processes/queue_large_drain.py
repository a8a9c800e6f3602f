# The rule of CPython's docs, "Joining processes that use queues": a process
# that put items on a Queue waits before terminating until its feeder thread
# has written them all to the pipe, so drain the queue, then join.
import _start_method
import multiprocessing as mp

MB = 1 << 20


def producer(q, done):
    q.put(b'x' * (20 * MB))                 # far more than a pipe holds
    for i in range(1000):
        q.put(('small', i))
    q.put(bytes(range(256)) * (4 * MB // 256))
    print('child: all put, exiting', flush=True)
    done.set()


def waits_for_drain(q):
    done = mp.Event()
    p = mp.Process(target=producer, args=(q, done))
    p.start()
    done.wait(60)
    p.join(0.5)                             # cannot end: its data is still buffered
    print('alive before drain:', p.is_alive(), 'exitcode:', p.exitcode)
    return p


def drain(q):
    big = q.get()
    smalls = [q.get() for _ in range(1000)]
    last = q.get()
    print('big:', len(big), big[:3], big[-3:])
    print('smalls:', len(smalls), smalls[0], smalls[-1], sum(i for _, i in smalls))
    print('last:', len(last), sum(last), last[250:260])


def cancelled(q):
    q.put(b'y' * (2 * MB))
    q.cancel_join_thread()                  # may lose data, but exits at once

if __name__ == '__main__':
    q = mp.Queue()
    p = waits_for_drain(q)
    drain(q)
    p.join()
    print('joined after drain: exitcode', p.exitcode, 'empty', q.empty())
    q2 = mp.Queue()
    c = mp.Process(target=cancelled, args=(q2,))
    c.start()
    c.join(30)
    print('cancel_join_thread: exitcode', c.exitcode)
