# pdb's `jump` (frame.f_lineno from its trace function): forward, backward,
# refused into a loop body, with the debugger's own messages.
import io
import pdb
import sys


def work():
    a = 1
    b = 2
    for i in range(2):
        a += i
    b += 10
    return a, b


cmds = io.StringIO('\n'.join([
    'n',            # stop at b = 2
    'jump 12',      # into the for body: refused
    'jump 13',      # over the loop
    'p a, b',
    'jump 9',       # back to the first line
    'n', 'n', 'n',
    'p a, b',
    'c',
]) + '\n')
log = io.StringIO()
dbg = pdb.Pdb(stdin=cmds, stdout=log, nosigint=True)
dbg.use_rawinput = False
r = dbg.runcall(work)
print(log.getvalue().replace(__file__, 'pdb_jump.py'), end='')
print(r)
