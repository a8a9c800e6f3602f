import _start_method
import multiprocessing as mp, os, sys, time
def child_name(q, ppid):
    p = mp.current_process()
    q.put((p.name, mp.parent_process().name, mp.parent_process().pid == ppid))
    c = mp.Process(target=print)
    q.put(c.name)
def piper(conn):
    conn.send({'x': [1, 2.5, 'z']})
    conn.send_bytes(b'raw')
    conn.send(conn.recv() + ' back')
    conn.close()

if __name__ == '__main__':
    print(mp.current_process().name, mp.parent_process())
    q = mp.Queue()
    p = mp.Process(target=child_name, args=(q, os.getpid()))
    print(p.name, p.is_alive(), p.exitcode, p.pid)
    p.start(); p.join()
    print(q.get(), q.get(), p.exitcode, p.is_alive(), mp.active_children())
    named = mp.Process(target=print, name='Custom')
    print(named.name, mp.Process().name)
    a, b = mp.Pipe()
    p = mp.Process(target=piper, args=(b,)); p.start()
    print(a.recv(), a.recv_bytes()); a.send('hello'); print(a.recv()); p.join()
    print(a.poll(0.1))
    print(mp.cpu_count() > 0, mp.get_start_method() == (_start_method.METHOD or 'fork'), mp.get_context('fork').get_start_method())
    try: mp.get_context('nonsense')
    except ValueError as e: print(e)
    p.close()
    try: p.is_alive()
    except ValueError as e: print(e)
