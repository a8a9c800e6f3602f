# sys.audit / sys.addaudithook (PEP 578): hooks see the events of gilpy's code
# paths with CPython's names and arguments, and a hook that raises aborts the
# action.
import sys, os

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# Before any hook: sys.audit does nothing, whatever the event.
show(lambda: sys.audit(1))
show(lambda: sys.audit())
show(lambda: sys.audit(event='x'))
show(lambda: sys.addaudithook())
show(lambda: sys.addaudithook(1, 2))

log = []
watched = ('open', 'compile', 'exec', 'import', 'os.', 'builtins.', 'object.', 'my.', 'sys.addaudithook')
def hook(event, args):
    if event.startswith(watched):
        log.append((event, args))
show(lambda: sys.addaudithook(hook=hook))

def flush(label):
    print(label)
    for event, args in log:
        shown = []
        for a in args:
            if type(a).__name__ == 'code':
                a = 'code ' + a.co_name
            elif type(a).__name__ == 'function':
                a = 'function ' + a.__name__
            elif isinstance(a, list) and event == 'import':
                a = 'list'
            elif 'd' in globals() and a == d:
                a = 'DIR'
            elif isinstance(a, str) and 'here' in globals() and a.startswith(here):
                a = 'HERE' + a[len(here):]
            elif a == os.getpid():
                a = 'PID'
            elif isinstance(a, int) and not isinstance(a, bool) and a > 100000:
                a = 'BIG'
            shown.append(a)
        print('   ', event, shown)
    log.clear()

show(lambda: sys.audit('my.event', 1, 'two', None))
show(lambda: sys.audit('my.none'))
show(lambda: sys.audit(1))
flush('sys.audit')

here = os.path.dirname(os.path.abspath(__file__))
me = os.path.join(here, 'audit_hooks.py')
os.chdir(here)
open('audit_hooks.py').close()
open(me, 'rb').close()
with open(me, 'r+b') as f:
    pass
fd = os.open(me, os.O_RDONLY)
open(fd, closefd=True).close()
flush('open')

exec('x = 1')
eval('  1 + 1')
compile('y = 2', 'fname', 'exec')
exec(compile('3', 'f', 'eval'))
eval(compile('4', 'f', 'eval'))
flush('compile/exec')

import _audit_helper
import _audit_helper
log[:] = [e for e in log if e[0] == 'import']   # CPython's loader adds its own events
flush('import')

d = os.path.join('/tmp', 'gilpy_audit_%d' % os.getpid())
os.mkdir(d)
os.chmod(d, 0o755)
os.chdir(d)
fd = os.open('f', os.O_WRONLY | os.O_CREAT)
os.close(fd)
os.rename('f', 'g')
os.replace('g', 'h')
os.symlink('h', 'l')
os.unlink('l')
os.remove('h')
os.chdir(here)
os.listdir(d)
os.listdir()
os.rmdir(d)
os.putenv('GILPY_AUDIT', 'v')
os.unsetenv('GILPY_AUDIT')
os.kill(os.getpid(), 0)
os.system('true')
flush('os')

id(None)
sys.stdin = open(me)
print(input('prompt> '))
flush('builtins')

class C:
    pass
C.__name__ = 'D'
C.__qualname__ = 'Q'
C.__module__ = 'mod'
C.__doc__ = 'doc'
C.plain = 1
def f():
    pass
code = f.__code__
f.__code__ = code
flush('object attributes')

# A hook that raises aborts the action with its exception.
class Refused(Exception):
    pass
def veto(event, args):
    if event in ('open', 'os.remove', 'exec', 'compile', 'import', 'builtins.id', 'os.system', 'object.__setattr__') \
            and veto.on:
        raise Refused(event)
veto.on = False
sys.addaudithook(veto)
veto.on = True
for label, action in [('open', lambda: open(me)), ('remove', lambda: os.remove('/nonexistent')),
                      ('exec', lambda: exec('pass')), ('compile', lambda: compile('1', 'f', 'eval')),
                      ('import', lambda: __import__('_audit_never')), ('id', lambda: id(1)),
                      ('system', lambda: os.system('echo never')),
                      ('setattr', lambda: setattr(C, '__doc__', 'x')), ('audit', lambda: sys.audit('open'))]:
    show(action)
veto.on = False
flush('vetoed (logged before the veto)')
print(C.__doc__)

# A new hook is announced to the old ones, which may refuse it quietly
# (an Exception) or loudly (anything else).
def refuse_new(event, args):
    if event == 'sys.addaudithook' and refuse_new.exc is not None:
        raise refuse_new.exc
refuse_new.exc = None
sys.addaudithook(refuse_new)
refuse_new.exc = RuntimeError('quiet')
show(lambda: sys.addaudithook(lambda e, a: print('never called', e)))
refuse_new.exc = KeyboardInterrupt('loud')
try:
    sys.addaudithook(lambda e, a: print('never called', e))
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', e)
refuse_new.exc = None
sys.audit('my.after')
flush('addaudithook')
sys.addaudithook(5)
show(lambda: sys.audit('my.last'))
