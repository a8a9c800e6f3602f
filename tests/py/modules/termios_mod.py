# termios on a pseudo-terminal: attributes, window size, flush/flow/drain, errors,
# constants; os.openpty/ttyname; tty.setraw and getpass through a pty
import os
import termios
import tty


def t(label, f, *a):
    try:
        r = f(*a)
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e, e.args)


consts = sorted(n for n in dir(termios) if n.isupper() or (n[0] == 'B' and n[1:].isdigit()))
print(len(consts))
print(' '.join('%s=%d' % (n, getattr(termios, n)) for n in consts))
print([n for n in dir(termios) if not n.isupper() and not n.startswith('__')
       and not (n[0] == 'B' and n[1:].isdigit())])
print(termios.error, termios.error.__mro__, termios.error.__module__)
for n in ('tcgetattr', 'tcsetattr', 'tcsendbreak', 'tcdrain', 'tcflush', 'tcflow',
          'tcgetwinsize', 'tcsetwinsize'):
    print(n, getattr(termios, n).__text_signature__)

m, s = os.openpty()
print('inheritable', os.get_inheritable(m), os.get_inheritable(s))
print('tty', os.isatty(s), os.ttyname(s).startswith('/dev/pts/'))
a = termios.tcgetattr(s)
print(type(a), len(a), [type(x).__name__ for x in a])
print(len(a[6]), all(isinstance(c, bytes) and len(c) == 1 for c in a[6]))
print('icanon', bool(a[3] & termios.ICANON), 'echo', bool(a[3] & termios.ECHO))
print('speeds', a[4] == a[5])

# change lflag, read it back
b = list(a)
b[3] &= ~termios.ECHO
termios.tcsetattr(s, termios.TCSANOW, b)
print('echo off', not termios.tcgetattr(s)[3] & termios.ECHO)
# non-canonical mode: VMIN and VTIME become ints
b[3] &= ~termios.ICANON
cc = list(b[6])
cc[termios.VMIN] = 1
cc[termios.VTIME] = 0
b[6] = cc
termios.tcsetattr(s, termios.TCSADRAIN, b)
c = termios.tcgetattr(s)
print('vmin', c[6][termios.VMIN], c[6][termios.VTIME], type(c[6][termios.VINTR]))
cc[termios.VINTR] = 300           # masked to a byte, as CPython does
b[6] = cc
termios.tcsetattr(s, termios.TCSAFLUSH, b)
print('vintr', termios.tcgetattr(s)[6][termios.VINTR])
termios.tcsetattr(s, termios.TCSANOW, a)
print('restored', termios.tcgetattr(s) == a)

# errors
r, w = os.pipe()
t('bad fd', termios.tcgetattr, 999)
t('pipe', termios.tcgetattr, r)
t('neg', termios.tcgetattr, -1)
t('str', termios.tcgetattr, 'x')
t('set tuple', termios.tcsetattr, s, termios.TCSANOW, tuple(a))
t('set short', termios.tcsetattr, s, termios.TCSANOW, a[:6])
b = list(a); b[6] = b[6][:5]; t('cc short', termios.tcsetattr, s, termios.TCSANOW, b)
b = list(a); b[6] = tuple(b[6]); t('cc tuple', termios.tcsetattr, s, termios.TCSANOW, b)
for bad in (1.5, b'ab', 'a', None):
    b = list(a); b[6] = list(b[6]); b[6][0] = bad
    t('cc %r' % (bad,), termios.tcsetattr, s, termios.TCSANOW, b)
b = list(a); b[0] = 'x'; t('iflag str', termios.tcsetattr, s, termios.TCSANOW, b)
b = list(a); b[0] = 2**70; t('iflag big', termios.tcsetattr, s, termios.TCSANOW, b)
b = list(a); b[4] = 12345678; t('bad speed', termios.tcsetattr, s, termios.TCSANOW, b)
t('bad when', termios.tcsetattr, s, 99, a)
t('pipe set', termios.tcsetattr, r, termios.TCSANOW, a)
t('when str', termios.tcsetattr, s, 'x', a)
print('still', termios.tcgetattr(s) == a)

# window size
t('win', termios.tcgetwinsize, s)
t('setwin', termios.tcsetwinsize, s, (24, 80))
t('win', termios.tcgetwinsize, m)
t('setwin list', termios.tcsetwinsize, s, [30, 100])
t('win', termios.tcgetwinsize, s)
t('get_terminal_size', os.get_terminal_size, s)
t('setwin 3', termios.tcsetwinsize, s, (1, 2, 3))
t('setwin int', termios.tcsetwinsize, s, 5)
t('setwin dict', termios.tcsetwinsize, s, {0: 1, 1: 2})
t('setwin str', termios.tcsetwinsize, s, ('a', 1))
t('setwin big', termios.tcsetwinsize, s, (70000, 1))
t('setwin neg', termios.tcsetwinsize, s, (-1, 1))
t('setwin huge', termios.tcsetwinsize, s, (2**70, 1))
t('win pipe', termios.tcgetwinsize, r)
t('setwin pipe', termios.tcsetwinsize, r, (1, 1))

# the other calls
t('drain', termios.tcdrain, s)
t('flush', termios.tcflush, s, termios.TCIOFLUSH)
t('flush bad', termios.tcflush, s, 99)
t('flow', termios.tcflow, s, termios.TCOON)
t('flow bad', termios.tcflow, s, 99)
t('brk', termios.tcsendbreak, s, 0)
t('brk pipe', termios.tcsendbreak, r, 0)
t('drain pipe', termios.tcdrain, r)
t('flush str', termios.tcflush, s, 'x')
t('args0', termios.tcgetattr)
t('args drain', termios.tcdrain)
t('args set', termios.tcsetattr, s)
t('args flush', termios.tcflush)
t('args win', termios.tcsetwinsize, s)

# input through the pty: canonical line, then raw bytes after tty.setraw
os.write(m, b'hello\n')
print(os.read(s, 100))
old = tty.tcgetattr(s)
tty.setraw(s)
raw = termios.tcgetattr(s)
print('raw', not raw[3] & termios.ICANON, not raw[3] & termios.ECHO, raw[6][termios.VMIN])
os.write(m, b'ab')
print(os.read(s, 100))
tty.setcbreak(s)
print('cbreak', not termios.tcgetattr(s)[3] & termios.ICANON)
termios.tcsetattr(s, termios.TCSANOW, old)
print('back', termios.tcgetattr(s) == old)

# the file object form of fd
with open(os.open(os.ttyname(s), os.O_RDWR | os.O_NOCTTY), 'rb', buffering=0) as f:
    print('file', termios.tcgetattr(f) == old, termios.tcgetwinsize(f))

t('ttyname bad', os.ttyname, 999)
t('ttyname pipe', os.ttyname, r)
t('ttyname str', os.ttyname, 'x')
t('tcgetpgrp pipe', os.tcgetpgrp, r)
t('ctermid', os.ctermid)
t('login_tty neg', os.login_tty, -1)
print('getsid', os.getsid(0) == os.getsid(os.getpid()))
t('getsid str', os.getsid, 'x')
for fd in (m, s, r, w):
    os.close(fd)
