# Odds and ends: threads started by _thread get a dummy Thread object,
# settrace/setprofile record their hook, stack_size, __all__ names.
import _thread
import threading

done = threading.Event()
info = []
def raw():
    t = threading.current_thread()
    info.append((t.name, t.daemon, t.is_alive(), t is threading.current_thread(),
                 t.ident == threading.get_ident()))
    done.set()
_thread.start_new_thread(raw, ())
done.wait(5)
print(info)
named = threading.Thread(target=lambda: None)
print(named.name)

def tracer(*args):
    return tracer
print(threading.gettrace(), threading.getprofile())
threading.settrace(tracer)
threading.setprofile(tracer)
print(threading.gettrace() is tracer, threading.getprofile() is tracer)
threading.settrace(None)
threading.setprofile(None)
print(threading.stack_size())
print(sorted(threading.__all__))
print(threading.Lock().locked(), threading.RLock().acquire())
