import _start_method
import multiprocessing as mp, os, sys, time
def raiser():
    raise ValueError('boom in child')
def exiter(n):
    sys.exit(n)
def sleeper():
    time.sleep(10)
def self_kill():
    os.kill(os.getpid(), 9)

if __name__ == '__main__':
    p = mp.Process(target=raiser, name='Raiser'); p.start(); p.join(); print('raiser', p.exitcode)
    for code in (0, 3, None):
        p = mp.Process(target=exiter, args=(code,)); p.start(); p.join(); print('exit', code, p.exitcode)
    p = mp.Process(target=self_kill); p.start(); p.join(); print('self kill', p.exitcode)
    p = mp.Process(target=sleeper); p.start(); p.join(0.2); print('alive', p.is_alive())
    p.terminate(); p.join(); print('terminated', p.exitcode)
    p = mp.Process(target=sleeper, daemon=True); p.start(); p.kill(); p.join(); print('killed', p.exitcode, p.daemon)
    c, w = mp.Pipe(False)
    w.send_bytes(b'garbage bytes'); w.close()
    try:
        c.recv()
    except Exception as e:
        print('garbage:', type(e).__name__)
    try:
        c.recv()
    except EOFError:
        print('EOFError at close')
    p = mp.Process(target=raiser, name='Last'); p.start(); p.join()
