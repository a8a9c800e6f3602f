# An uncaught exception in a thread prints "Exception in thread NAME:" and the
# traceback on stderr; the program goes on and exits 0.  SystemExit is silent.
import sys
import threading

def boom():
    raise ValueError('bad value')

t = threading.Thread(target=boom, name='worker-1')
t.start()
t.join()
print('after join', t.is_alive())

q = threading.Thread(target=sys.exit, args=(3,))
q.start()
q.join()
print('after SystemExit')

def other():
    {}['missing']
threading.Thread(target=other).start()
