# test: timeout=90, skip-gc-stress
# Children must not outlive a parent that is killed (SIGKILL: none of its exit
# code runs).  For each setup this script (the supervisor) forks a parent that
# starts children, reads their pids (multiprocessing.active_children()), kills
# the parent (in pool_in_child, the Pool's parent, itself a child) and checks
# that the children are gone (exited, or zombies left to init) within 15 s,
# then kills any that are left.
# CPython's Pool workers exit (EOF on their task pipe) but its Manager server,
# ProcessPoolExecutor workers and children blocked reading a Queue or a Pipe
# wait forever, so only the setups in CPYTHON_EXITS are checked (gilpy runs
# CPython's multiprocessing unchanged, with the same behaviour).
# Not under gc_stress: some 40 processes take minutes there, and the C paths
# they run (fork, pipes, semaphores) are the other processes/ tests'.
import multiprocessing as mp
import os, signal, sys, threading, time

CPYTHON_EXITS = {'pool', 'pool_busy', 'pool_replaced', 'pool_from_thread', 'pool_in_child'}


def gone(pid):
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()[0] in ('Z', 'X')
    except (FileNotFoundError, ProcessLookupError):
        return True


def square(x):
    return x * x


def nap(x):
    time.sleep(x)
    return x


def die(_):
    os._exit(3)


def get_from(q):
    q.get()


def recv_from(conn):
    conn.recv()


def poll_then_recv(conn):
    conn.poll(None)
    conn.recv()


def wait_on(conns):
    mp.connection.wait(conns)
    conns[0].recv()


def pool_in_child(out):
    pool = mp.Pool(2)
    pool.map(square, range(4))
    report(out)


def report(out):
    """Send this process's pid (the parent to kill), then its children's."""
    pids = [os.getpid()] + sorted(p.pid for p in mp.active_children())
    os.write(out, (' '.join(map(str, pids)) + '\n').encode())
    time.sleep(120)


def setup(kind, out):
    keep = []                   # the parent keeps every object alive
    if kind == 'pool':
        pool = mp.Pool(3)
        pool.map(square, range(10))
        keep.append(pool)
    elif kind == 'pool_busy':
        pool = mp.Pool(2)
        keep.append(pool.map_async(nap, [1, 1]))
        time.sleep(0.2)
        keep.append(pool)
    elif kind == 'pool_replaced':
        pool = mp.Pool(2)
        try:
            pool.apply_async(die, (0,)).get(5)
        except Exception:
            pass
        pool.map(square, range(4))
        keep.append(pool)
    elif kind == 'pool_from_thread':
        t = threading.Thread(target=lambda: keep.append(mp.Pool(2)))
        t.start()
        t.join()
    elif kind == 'pool_in_child':
        child = mp.Process(target=pool_in_child, args=(out,))
        child.start()
        child.join()
        return
    elif kind == 'manager':
        m = mp.Manager()
        keep.append(m.dict(a=1))
        keep.append(m)
    elif kind == 'executor':
        from concurrent.futures import ProcessPoolExecutor
        ex = ProcessPoolExecutor(2)
        keep.append(list(ex.map(square, range(4))))
        keep.append(ex)
    elif kind == 'queue_get':
        q = mp.Queue()
        for _ in range(2):
            mp.Process(target=get_from, args=(q,)).start()
    elif kind == 'simplequeue_get':
        q = mp.SimpleQueue()
        mp.Process(target=get_from, args=(q,)).start()
    elif kind == 'pipe_recv':
        a, b = mp.Pipe()
        mp.Process(target=recv_from, args=(b,)).start()
        keep.append(a)
    elif kind == 'pipe_poll':
        r, w = mp.Pipe(duplex=False)
        mp.Process(target=poll_then_recv, args=(r,)).start()
    elif kind == 'wait':
        r, w = mp.Pipe(duplex=False)
        mp.Process(target=wait_on, args=([r],)).start()
    elif kind == 'everything':
        for other in ('pool', 'manager', 'executor', 'queue_get', 'pipe_recv'):
            keep.append(setup(other, None))
    if out is not None:
        report(out)
    return keep


def run(kind):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)         # an orphan's traceback is not the test's output
        os.dup2(devnull, 2)
        try:
            setup(kind, w)
        except BaseException as e:     # e.g. EMFILE under tests/limits_run.py
            os.write(w, ('%s: %s\n' % (type(e).__name__, e)).encode())
        finally:
            os._exit(0)
    os.close(w)
    line = b''
    while not line.endswith(b'\n'):
        chunk = os.read(r, 1000)
        if not chunk:
            break
        line += chunk
    os.close(r)
    if not line[:1].isdigit():
        raise RuntimeError('%s: the parent failed: %s' % (kind, line.decode().strip()))
    victim, *pids = [int(x) for x in line.split()]
    os.kill(victim, signal.SIGKILL)
    check = kind in CPYTHON_EXITS
    deadline = time.monotonic() + 15
    while check and not all(gone(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [p for p in pids if not gone(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    os.kill(pid, signal.SIGKILL)        # the first parent, if the victim was its child
    os.waitpid(pid, 0)
    print(kind, len(pids), 'children:', 'all gone' if not check or not left else '%d left' % len(left))


if __name__ == '__main__':
    for kind in ('pool', 'pool_busy', 'pool_replaced', 'pool_from_thread', 'pool_in_child',
                 'manager', 'executor', 'queue_get', 'simplequeue_get', 'pipe_recv',
                 'pipe_poll', 'wait', 'everything'):
        run(kind)
